using Microsoft.AspNetCore.Mvc;
using Richtsnoer.Core;
using Richtsnoer.Core.Staff;
using Richtsnoer.Storage.Staff;
using Richtsnoer.Storage.Users;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Staff;

/// <summary>
/// The staff list: the people who will receive the protocol, without accounts. The owner adds
/// someone by hand, imports a file (<see cref="ImportModel"/>) and deactivates leavers; editors
/// only look. A deactivated person stays on the list, so what they acknowledged keeps its subject.
/// </summary>
public sealed class IndexModel(StaffStore staff, UserStore users, ILogger<IndexModel> logger) : OrganisationPageModel
{
    public IReadOnlyList<StaffMember> People { get; private set; } = [];

    public IReadOnlyList<string> Departments { get; private set; } = [];

    /// <summary>The department filter: null for all, "" for people without a department.</summary>
    [BindProperty(SupportsGet = true, Name = "department")]
    public string? Department { get; set; }

    /// <summary>"active" (default), "inactive" or "all".</summary>
    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty]
    public StaffForm Add { get; set; } = new();

    public Dictionary<string, LocalText> Errors { get; } = [];

    public string StatusFilter => Status is "inactive" or "all" ? Status : "active";

    public async Task OnGetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        bool? active = StatusFilter switch { "inactive" => false, "all" => null, _ => true };
        People = await staff.ListAsync(OrgId, Department, active);
        Departments = await staff.DepartmentsAsync(OrgId);
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (!Membership.IsOwner)
        {
            return OwnerOnly();
        }

        if (Add.Check(Errors, "Add") is { } person)
        {
            if (await staff.AddAsync(OrgId, person, await ActorAsync(users)))
            {
                logger.LogInformation("User {UserId} added a staff member to organisation {OrganisationId}", UserId, OrgId);
                return RedirectToPage(new { orgId = OrgId, added = 1 });
            }

            Errors["Add.Email"] = new("Dit e-mailadres staat al op de lijst.", "This e-mail address is already on the list.");
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDeactivateAsync(Guid staffMemberId) => await SetActiveAsync(staffMemberId, false);

    public async Task<IActionResult> OnPostReactivateAsync(Guid staffMemberId) => await SetActiveAsync(staffMemberId, true);

    private async Task<IActionResult> SetActiveAsync(Guid staffMemberId, bool active)
    {
        if (!Membership.IsOwner)
        {
            return OwnerOnly();
        }

        if (!await staff.SetActiveAsync(OrgId, staffMemberId, active, await ActorAsync(users)))
        {
            return NotFound();
        }

        logger.LogInformation("User {UserId} {Change} a staff member of organisation {OrganisationId}", UserId, active ? "reactivated" : "deactivated", OrgId);
        return RedirectToPage(new { orgId = OrgId, changed = active ? "reactivated" : "deactivated" });
    }
}
