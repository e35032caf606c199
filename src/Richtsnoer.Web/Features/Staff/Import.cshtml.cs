using Microsoft.AspNetCore.Mvc;
using Richtsnoer.Core;
using Richtsnoer.Core.Staff;
using Richtsnoer.Storage.Staff;
using Richtsnoer.Storage.Users;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Staff;

/// <summary>
/// Importing the staff list from CSV in two steps. Upload: the file is read and checked
/// (<see cref="StaffCsv"/>), its valid rows wait in the database as a pending import, and the page
/// shows per line what is wrong and what would be added, updated, left alone or skipped; nothing
/// on the list changes. Confirm: the pending import is applied in one transaction and reported.
/// Owners only (decision 018).
/// </summary>
public sealed class ImportModel(StaffStore staff, UserStore users, ILogger<ImportModel> logger) : OrganisationPageModel
{
    /// <summary>At most this many rows of each kind are listed in the preview; the counts are always complete.</summary>
    public const int ShownPerKind = 200;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public Guid ImportId { get; set; }

    public Dictionary<string, LocalText> Errors { get; } = [];

    public StaffCsvResult? Checked { get; private set; }

    public IReadOnlyList<StaffImportStep> Steps { get; private set; } = [];

    public StaffImportReport? Preview { get; private set; }

    public StaffImportReport? Report { get; private set; }

    public IActionResult OnGet() => Membership.IsOwner ? Page() : OwnerOnly();

    public async Task<IActionResult> OnPostUploadAsync()
    {
        if (!Membership.IsOwner)
        {
            return OwnerOnly();
        }

        if (Upload is null || Upload.Length == 0)
        {
            Errors["Upload"] = new("Kies een CSV-bestand met de lijst.", "Choose a CSV file with the list.");
            return Page();
        }

        if (Upload.Length > StaffCsv.MaxBytes)
        {
            Errors["Upload"] = StaffCsv.Parse(new byte[StaffCsv.MaxBytes + 1]).FileError!;
            return Page();
        }

        using var buffer = new MemoryStream((int)Upload.Length);
        await Upload.CopyToAsync(buffer, HttpContext.RequestAborted);
        var result = StaffCsv.Parse(buffer.ToArray());
        if (result.FileError is { } problem)
        {
            Errors["Upload"] = problem;
            return Page();
        }

        Checked = result;
        Steps = await staff.PlanAsync(OrgId, result.Rows);
        Preview = StaffImportReport.Of(Steps, result.Errors.Count);
        ImportId = await staff.SavePendingImportAsync(OrgId, UserId, result.Rows, result.Errors.Count);
        logger.LogInformation("User {UserId} checked a staff file for organisation {OrganisationId}: {Rows} rows, {Refused} refused", UserId, OrgId, result.Rows.Count, result.Errors.Count);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync()
    {
        if (!Membership.IsOwner)
        {
            return OwnerOnly();
        }

        Report = await staff.ConfirmImportAsync(OrgId, UserId, ImportId, await ActorAsync(users));
        if (Report is null)
        {
            Errors["Upload"] = new(
                "Deze import is al uitgevoerd of verlopen (na een uur). Kies het bestand opnieuw om het nog eens te controleren.",
                "This import has been carried out already or has expired (after an hour). Choose the file again to check it once more.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        logger.LogInformation("User {UserId} imported staff into organisation {OrganisationId}: {Added} added, {Updated} updated", UserId, OrgId, Report.Added, Report.Updated);
        return Page();
    }
}
