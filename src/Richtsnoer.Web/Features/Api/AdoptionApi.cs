using System.Globalization;
using System.Text.Json;
using Richtsnoer.Core;
using Richtsnoer.Core.Adoption;
using Richtsnoer.Core.Model;
using Richtsnoer.Core.Redline;
using Richtsnoer.Rendering.Redline;
using Richtsnoer.Storage.Adoption;
using Richtsnoer.Storage.Organisations;
using Richtsnoer.Storage.Users;
using Richtsnoer.Web.Features.Versions;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Api;

public sealed record VersionDto(
    Guid Id,
    int Number,
    string Label,
    bool Substantive,
    string State,
    string Sha256,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? PublishedAt,
    bool SubmittedToWorksCouncil,
    bool ConsentRequired);

public sealed record HistoryDto(long Sequence, DateTimeOffset At, string Actor, string Kind, string Data);

public sealed record VersionDetailDto(VersionDto Version, IReadOnlyList<string> AllowedMoves, IReadOnlyList<string> Languages, string ContentVersion, IReadOnlyList<HistoryDto> History);

public sealed record CreateVersionRequest(string? Kind);

public sealed record MoveRequest(string? Move, DateOnly? Date, string? Conditions, string? Note);

public sealed record MoveResult(Guid Id, string State);

public sealed record DiffDto(Guid From, Guid To, string FromLabel, string ToLabel, int Added, int Removed, int Changed, int Moved, int Unchanged, IReadOnlyList<DiffClauseDto> Clauses);

public sealed record DiffClauseDto(string Id, string Number, string Title, string Status);

public sealed record AuditDto(long Sequence, DateTimeOffset At, Guid? ActorId, string Actor, string Kind, Guid? VersionId, string Data, string PreviousHash, string Hash);

public sealed record AuditReportDto(bool Intact, int EntriesChecked, int VersionsChecked, int FilesChecked, IReadOnlyList<string> Problems, IReadOnlyList<AuditDto> Entries);

/// <summary>
/// The JSON API for versions, their state moves, the redline and the audit trail, under
/// <c>/api/v1/o/{orgId}</c>. The same rules as the pages: signed in (401), a member of the
/// organisation (404 otherwise, as for one that does not exist), the works council only for
/// submitted versions, moves and the audit trail only for the owner (403). Requests that change
/// something must be JSON, so a form on another site cannot send them. Errors are ProblemDetails.
/// </summary>
public static class AdoptionApi
{
    public static IEndpointRouteBuilder MapAdoptionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/o/{orgId:guid}").WithTags("Versies en vaststelling");
        api.MapGet("/versions", ListAsync).WithSummary("Alle versies, oudste eerst / all versions, oldest first");
        api.MapPost("/versions", CreateAsync).WithSummary("Een nieuwe versie uit het huidige concept / a new version from the current draft");
        api.MapGet("/versions/{versionId:guid}", GetAsync).WithSummary("Eén versie met geschiedenis en toegestane stappen / one version with its history and allowed moves");
        api.MapPost("/versions/{versionId:guid}/moves", MoveAsync).WithSummary("Een stap in het leven van de versie / a state move of the version");
        api.MapGet("/versions/{versionId:guid}/diff", DiffAsync).WithSummary("Wijzigingen tegenover een andere versie: json, html, pdf of docx / changes against another version");
        api.MapGet("/audit", AuditAsync).WithSummary("Het logboek met de controle van de keten (alleen eigenaar) / the audit trail with its verification (owner only)");
        return app;
    }

    /// <summary>Signed in (401) and a member of the organisation or its works council (404 otherwise).</summary>
    internal static async Task<(Membership? Member, IResult? Error)> AccessAsync(HttpContext context, Guid orgId, OrganisationStore organisations)
    {
        context.Response.Headers.CacheControl = "no-store";
        var userId = context.User.UserId();
        if (userId == Guid.Empty)
        {
            return (null, Problem(context, StatusCodes.Status401Unauthorized, "Log eerst in.", "Log in first."));
        }

        var member = await organisations.FindMembershipAsync(orgId, userId) ?? await organisations.FindWorksCouncilSeatAsync(orgId, userId);
        return member is null
            ? (null, Problem(context, StatusCodes.Status404NotFound, "Deze organisatie bestaat niet of u hoort er niet bij.", "This organisation does not exist or you are not a member."))
            : (member, null);
    }

    private static IResult NotFound(HttpContext context) =>
        Problem(context, StatusCodes.Status404NotFound, "Deze versie bestaat niet.", "This version does not exist.");

    internal static IResult Problem(HttpContext context, int status, string nl, string en, Dictionary<string, object?>? extensions = null) =>
        Results.Problem(detail: context.Lang() == Language.Nl ? nl : en, statusCode: status, extensions: extensions);

    private static VersionDto Dto(VersionSummary v) =>
        new(v.Id, v.Number, v.Label, v.Substantive, v.State.ToString(), v.Sha256, v.CreatedAt, v.CreatedByEmail, v.PublishedAt, v.SubmittedToWorksCouncil, v.Requirement.Required);

    private static bool Visible(Membership member, VersionSummary v) => member.Role != Role.WorksCouncil || v.SubmittedToWorksCouncil || v.PublishedAt is not null;

    private static async Task<IResult> ListAsync(Guid orgId, HttpContext context, OrganisationStore organisations, VersionStore versions)
    {
        var (member, error) = await AccessAsync(context, orgId, organisations);
        if (error is not null)
        {
            return error;
        }

        return Results.Ok((await versions.ListAsync(orgId)).Where(v => Visible(member!, v)).Select(Dto).ToList());
    }

    private static async Task<IResult> GetAsync(Guid orgId, Guid versionId, HttpContext context, OrganisationStore organisations, VersionStore versions)
    {
        var (member, error) = await AccessAsync(context, orgId, organisations);
        if (error is not null)
        {
            return error;
        }

        if (await versions.GetAsync(orgId, versionId) is not { } version || !Visible(member!, version.Summary))
        {
            return NotFound(context);
        }

        var allowed = member!.IsOwner ? VersionStateMachine.Allowed(version.Summary.State, version.Requirement).Select(m => m.ToString()).ToList() : [];
        var history = version.History.Select(e => new HistoryDto(e.Sequence, e.At, e.Actor, e.Kind, e.Data)).ToList();
        return Results.Ok(new VersionDetailDto(Dto(version.Summary), allowed, version.Snapshot.Languages.Select(l => l.Code()).ToList(), version.Snapshot.ContentVersion, history));
    }

    private static async Task<IResult> CreateAsync(Guid orgId, HttpContext context, OrganisationStore organisations, UserStore users, VersionService service, VersionStore versions)
    {
        var (member, error) = await AccessAsync(context, orgId, organisations);
        if (error is not null)
        {
            return error;
        }

        if (member!.Role == Role.WorksCouncil)
        {
            return Problem(context, StatusCodes.Status403Forbidden, "De ondernemingsraad leest en reageert; versies maakt de organisatie.", "The works council reads and comments; the organisation makes versions.");
        }

        if (await ReadAsync<CreateVersionRequest>(context) is not { } request)
        {
            return BadJson(context);
        }

        var latest = await versions.LatestAsync(orgId);
        if (latest is not null && request.Kind is not ("editorial" or "substantive"))
        {
            return Problem(context, StatusCodes.Status400BadRequest, "Geef \"kind\": \"editorial\" of \"substantive\".", "Give \"kind\": \"editorial\" or \"substantive\".");
        }

        var user = await users.FindByIdAsync(member.UserId);
        var (outcome, id, problems) = await service.CreateAsync(orgId, new Actor(member.UserId, user?.Email ?? member.UserId.ToString()), request.Kind == "substantive");
        if (problems.Count > 0)
        {
            return Problem(context, StatusCodes.Status409Conflict, "Het protocol is nog niet compleet.", "The protocol is not complete yet.",
                new() { ["problems"] = problems.Select(p => context.Lang() == Language.Nl ? p.Nl : p.En).ToList() });
        }

        return outcome switch
        {
            CreateOutcome.Created => Results.Created($"/api/v1/o/{orgId}/versions/{id}", Dto((await versions.GetAsync(orgId, id!.Value))!.Summary)),
            CreateOutcome.Unchanged => Problem(context, StatusCodes.Status409Conflict, "De tekst is gelijk aan de nieuwste versie.", "The text equals the newest version."),
            _ => Problem(context, StatusCodes.Status409Conflict, "Iemand anders heeft net een versie gemaakt.", "Someone else has just made a version."),
        };
    }

    private static async Task<IResult> MoveAsync(Guid orgId, Guid versionId, HttpContext context, OrganisationStore organisations, UserStore users, VersionStore versions, TimeProvider clock)
    {
        var (member, error) = await AccessAsync(context, orgId, organisations);
        if (error is not null)
        {
            return error;
        }

        if (await versions.GetAsync(orgId, versionId) is not { } version || !Visible(member!, version.Summary))
        {
            return NotFound(context);
        }

        if (!member!.IsOwner)
        {
            return Problem(context, StatusCodes.Status403Forbidden, "Alleen de eigenaar zet een versie een stap verder.", "Only the owner moves a version on.");
        }

        if (await ReadAsync<MoveRequest>(context) is not { } request)
        {
            return BadJson(context);
        }

        if (!Enum.TryParse<VersionMove>(request.Move, ignoreCase: false, out var move) || move == VersionMove.Supersede
            || VersionStateMachine.TryNext(version.Summary.State, move, version.Requirement) is null)
        {
            return Illegal(context);
        }

        var details = new Dictionary<string, object?> { ["note"] = DetailModel.Clean(request.Note) };
        if (Texts.IsDecision(move))
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            if (request.Date is not { } date || date > today || date < DateOnly.FromDateTime(version.Summary.CreatedAt.UtcDateTime))
            {
                return Problem(context, StatusCodes.Status400BadRequest, "Geef \"date\" (jjjj-mm-dd): de datum van het besluit, tussen het maken van de versie en vandaag.", "Give \"date\" (yyyy-mm-dd): the date of the decision, between the making of the version and today.");
            }

            if (move == VersionMove.RecordConsentWithConditions && string.IsNullOrWhiteSpace(request.Conditions))
            {
                return Problem(context, StatusCodes.Status400BadRequest, "Geef \"conditions\": de voorwaarden van de ondernemingsraad.", "Give \"conditions\": the works council's conditions.");
            }

            details["date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            details["conditions"] = DetailModel.Clean(request.Conditions);
        }

        foreach (var text in new[] { request.Note, request.Conditions })
        {
            if (DetailModel.TextProblem(text) is { } problem)
            {
                return Problem(context, StatusCodes.Status400BadRequest, problem.Nl, problem.En);
            }
        }

        try
        {
            var user = await users.FindByIdAsync(member.UserId);
            var state = await versions.MoveAsync(orgId, versionId, move, new Actor(member.UserId, user?.Email ?? member.UserId.ToString()), details);
            if (move == VersionMove.Publish)
            {
                await context.RequestServices.GetRequiredService<Rollout.RolloutService>().StartAsync(context, orgId, versionId);
            }
            return Results.Ok(new MoveResult(versionId, state.ToString()));
        }
        catch (IllegalMoveException)
        {
            return Illegal(context);
        }
        catch (UnchangedPublicationException)
        {
            return Problem(context, StatusCodes.Status409Conflict, "Deze tekst geldt al.", "This text is already in force.");
        }
    }

    /// <summary>The same answer for every move the state machine does not allow.</summary>
    private static IResult Illegal(HttpContext context) =>
        Problem(context, StatusCodes.Status409Conflict, IllegalMoveException.UserMessage.Nl, IllegalMoveException.UserMessage.En);

    private static async Task<IResult> DiffAsync(Guid orgId, Guid versionId, Guid? from, string? format, string? lang, HttpContext context, OrganisationStore organisations, VersionStore versions)
    {
        var (member, error) = await AccessAsync(context, orgId, organisations);
        if (error is not null)
        {
            return error;
        }

        if (await VersionComparer.CompareAsync(versions, orgId, versionId, from, lang, v => Visible(member!, v)) is not { } comparison)
        {
            return NotFound(context);
        }

        var (source, to, redline) = (comparison.From, comparison.To, comparison.Redline);
        if (format is null or "json")
        {
            var s = redline.Summary;
            var clauses = redline.Sections.SelectMany(x => x.Clauses).Where(c => c.Status != ClauseStatus.Unchanged)
                .Select(c => new DiffClauseDto(c.Id, c.Number, (c.New ?? c.Old)!.Title, c.IsMoveOrigin ? "MovedAway" : c.Status.ToString())).ToList();
            return Results.Ok(new DiffDto(source.Id, to.Id, source.Label, to.Label, s.Added, s.Removed, s.Changed, s.Moved, s.Unchanged, clauses));
        }

        if (RedlineRenderers.For(format) is not { } renderer)
        {
            return Problem(context, StatusCodes.Status400BadRequest, "\"format\" is json, html, pdf of docx.", "\"format\" is json, html, pdf or docx.");
        }

        var stream = await Infrastructure.DocumentBuffers.RenderAsync(renderer, comparison.Input, context.RequestAborted);
        return Results.File(stream, renderer.MediaType, $"{source.Label}-{to.Label}.{renderer.Extension}");
    }

    private static async Task<IResult> AuditAsync(Guid orgId, HttpContext context, OrganisationStore organisations, AuditStore audit, EvidenceVerifier verifier)
    {
        var (member, error) = await AccessAsync(context, orgId, organisations);
        if (error is not null)
        {
            return error;
        }

        if (!member!.IsOwner)
        {
            return Problem(context, StatusCodes.Status403Forbidden, "Alleen de eigenaar ziet het logboek.", "Only the owner sees the audit trail.");
        }

        var report = await verifier.VerifyAsync(orgId);
        var entries = (await audit.ListAsync(orgId)).Select(e => new AuditDto(e.Sequence, e.At, e.ActorId, e.Actor, e.Kind, e.VersionId, e.Data, e.PreviousHash, e.Hash)).ToList();
        return Results.Ok(new AuditReportDto(report.Intact, report.Entries, report.Versions, report.Files, report.Problems.Select(p => p.ToString()).ToList(), entries));
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static async Task<T?> ReadAsync<T>(HttpContext context)
        where T : class
    {
        if (!context.Request.HasJsonContentType() || context.Request.ContentLength > 64 * 1024)
        {
            return null;
        }

        try
        {
            return await JsonSerializer.DeserializeAsync<T>(context.Request.Body, Json, context.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult BadJson(HttpContext context) =>
        Problem(context, StatusCodes.Status400BadRequest, "Stuur een JSON-object (Content-Type: application/json, hoogstens 64 KB).", "Send a JSON object (Content-Type: application/json, at most 64 KB).");
}
