using System.Text.Json.Nodes;
using Richtsnoer.Core;
using Richtsnoer.Core.Rollout;
using Richtsnoer.Core.Staff;
using Richtsnoer.Storage.Adoption;
using Richtsnoer.Storage.Organisations;
using Richtsnoer.Storage.Rollout;
using Richtsnoer.Storage.Staff;
using Richtsnoer.Storage.Users;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Api;

public sealed record ImportErrorDto(int Line, string Message);

public sealed record StaffImportDto(bool DryRun, int Added, int Updated, int Unchanged, int Skipped, IReadOnlyList<ImportErrorDto> Errors);

public sealed record DepartmentStatusDto(string? Department, int People, int Acknowledged);

public sealed record PersonStatusDto(Guid StaffMember, string Name, string Email, string? Department, string Status, bool Overdue, bool MailFailed, int Messages,
    DateTimeOffset? FirstSentAt, DateTimeOffset? OpenedAt, DateTimeOffset? AcknowledgedAt, string? AcknowledgedVersion);

public sealed record RolloutStatusDto(Guid Version, string Label, int People, int Acknowledged, IReadOnlyList<DepartmentStatusDto> Departments, IReadOnlyList<PersonStatusDto> Staff);

/// <summary>
/// The roll-out in the JSON API, for the owner only (403 for editors and the works council): the
/// staff import (a CSV body, <c>?dryRun=true</c> for the preview), the status of the version in
/// force per person and department, and the acknowledgements of a version as exported records
/// with their seals (the same fields as the evidence pack).
/// </summary>
public static class RolloutApi
{
    public static IEndpointRouteBuilder MapRolloutApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/o/{orgId:guid}").WithTags("Uitrol en kennisname");
        // The body is described, not enforced by routing: a wrong content type from a stranger
        // must get the same 404 as everything else, and a member a precise 415 from the handler.
        api.MapPost("/staff/import", ImportAsync)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = new Microsoft.OpenApi.OpenApiRequestBody
                {
                    Required = true,
                    Description = "CSV: naam,e-mail,afdeling,taal,functie (of name,email,department,language,role); UTF-8 of Excel (;)",
                    Content = new Dictionary<string, Microsoft.OpenApi.OpenApiMediaType> { ["text/csv"] = new() },
                };
                return Task.CompletedTask;
            })
            .WithSummary("Personeelslijst importeren uit CSV (dryRun=true: alleen controleren) / import the staff list from CSV (dryRun=true: check only)");
        api.MapGet("/rollout", StatusAsync).WithSummary("Stand van de uitrol van de geldende versie / status of the roll-out of the version in force");
        api.MapGet("/versions/{versionId:guid}/acknowledgements", AcknowledgementsAsync)
            .WithSummary("Alle bevestigingen van een versie met hun zegel / every acknowledgement of a version with its seal");
        return app;
    }

    private static async Task<(Membership? Owner, IResult? Error)> OwnerAsync(HttpContext context, Guid orgId, OrganisationStore organisations)
    {
        var (member, error) = await AdoptionApi.AccessAsync(context, orgId, organisations);
        return error is not null ? (null, error)
            : member!.IsOwner ? (member, null)
            : (null, Problem(context, StatusCodes.Status403Forbidden, "Alleen de eigenaar mag dit.", "Only the owner may do this."));
    }

    private static IResult Problem(HttpContext context, int status, string nl, string en) => AdoptionApi.Problem(context, status, nl, en);

    private static async Task<IResult> ImportAsync(Guid orgId, bool? dryRun, HttpContext context, OrganisationStore organisations, StaffStore staff, UserStore users)
    {
        var (owner, error) = await OwnerAsync(context, orgId, organisations);
        if (error is not null)
        {
            return error;
        }

        if (context.Request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) != true)
        {
            return Problem(context, StatusCodes.Status415UnsupportedMediaType, "Stuur het bestand als text/csv.", "Send the file as text/csv.");
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        if (buffer.Length > StaffCsv.MaxBytes)
        {
            return Problem(context, StatusCodes.Status413PayloadTooLarge, StaffCsv.Parse(new byte[StaffCsv.MaxBytes + 1]).FileError!.Nl, StaffCsv.Parse(new byte[StaffCsv.MaxBytes + 1]).FileError!.En);
        }

        var result = StaffCsv.Parse(buffer.ToArray());
        if (result.FileError is { } fileError)
        {
            return Problem(context, StatusCodes.Status400BadRequest, fileError.Nl, fileError.En);
        }

        var ui = context.Lang();
        var errors = result.Errors.Select(e => new ImportErrorDto(e.Line, e.Message[ui])).ToList();
        if (dryRun == true)
        {
            var report = StaffImportReport.Of(await staff.PlanAsync(orgId, result.Rows), result.Errors.Count);
            return Results.Ok(new StaffImportDto(true, report.Added, report.Updated, report.Unchanged, report.Skipped, errors));
        }

        var user = await users.FindByIdAsync(owner!.UserId);
        var pending = await staff.SavePendingImportAsync(orgId, owner.UserId, result.Rows, result.Errors.Count);
        var done = await staff.ConfirmImportAsync(orgId, owner.UserId, pending, new Actor(owner.UserId, user?.Email ?? owner.UserId.ToString()));
        return done is null
            ? Problem(context, StatusCodes.Status409Conflict, "Deze import is al verwerkt.", "This import was already processed.")
            : Results.Ok(new StaffImportDto(false, done.Added, done.Updated, done.Unchanged, done.Skipped, errors));
    }

    private static async Task<IResult> StatusAsync(Guid orgId, HttpContext context, OrganisationStore organisations, RolloutStore rollouts, TimeProvider clock,
        Microsoft.Extensions.Options.IOptions<Rollout.RolloutOptions> options)
    {
        var (_, error) = await OwnerAsync(context, orgId, organisations);
        if (error is not null)
        {
            return error;
        }

        if (await rollouts.InForceAsync(orgId) is not { } version)
        {
            return Problem(context, StatusCodes.Status404NotFound, "Er is nog geen gepubliceerde versie.", "There is no published version yet.");
        }

        var people = (await rollouts.StatusAsync(orgId, version)).Where(p => p.Member.Active).ToList();
        var now = clock.GetUtcNow();
        return Results.Ok(new RolloutStatusDto(
            version.Id,
            version.Label,
            people.Count,
            people.Count(p => p.Need.Done),
            people.GroupBy(p => p.Member.Department).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new DepartmentStatusDto(g.Key, g.Count(), g.Count(p => p.Need.Done))).ToList(),
            people.Select(p => new PersonStatusDto(
                p.Member.Id, p.Member.Name, p.Member.Email, p.Member.Department, Rollout.IndexModel.StateName(Rollout.IndexModel.StateOf(p)),
                Rollout.IndexModel.IsOverdue(p, now, options.Value.DueDays), p.MailFailed, p.Messages, p.FirstSentAt, p.OpenedAt,
                p.Acknowledgement?.AcknowledgedAt, p.Acknowledgement?.VersionLabel)).ToList()));
    }

    private static async Task<IResult> AcknowledgementsAsync(Guid orgId, Guid versionId, HttpContext context, OrganisationStore organisations, RolloutStore rollouts, VersionStore versions)
    {
        var (_, error) = await OwnerAsync(context, orgId, organisations);
        if (error is not null)
        {
            return error;
        }

        if (await versions.GetAsync(orgId, versionId) is null)
        {
            return Problem(context, StatusCodes.Status404NotFound, "Deze versie bestaat niet.", "This version does not exist.");
        }

        var records = await rollouts.OfVersionAsync(orgId, versionId);
        return Results.Content(EvidencePack.RecordsJson(records), "application/json; charset=utf-8");
    }
}
