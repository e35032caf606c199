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
    public AddForm Add { get; set; } = new();

    public Dictionary<string, LocalText> Errors { get; } = [];

    public sealed class AddForm
    {
        public string? Name { get; set; }

        public string? Email { get; set; }

        public string? Team { get; set; }

        public string? Language { get; set; }

        public string? Role { get; set; }
    }

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

        var name = Add.Name?.Trim() ?? string.Empty;
        var email = Add.Email?.Trim() ?? string.Empty;
        var team = Add.Team?.Trim() ?? string.Empty;
        var role = Add.Role?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            Errors["Add.Name"] = new("Vul de naam in.", "Enter the name.");
        }
        else if (StaffCsv.Text(name, StaffCsv.MaxName, new("naam", "name")) is { } n)
        {
            Errors["Add.Name"] = n;
        }

        if (!EmailAddress.IsValid(email))
        {
            Errors["Add.Email"] = email.Length == 0
                ? new("Vul het e-mailadres in.", "Enter the e-mail address.")
                : new("Dit is geen geldig e-mailadres. Schrijf het zoals naam@voorbeeld.nl.", "This is not a valid e-mail address. Write it like name@example.com.");
        }

        if (StaffCsv.Text(team, StaffCsv.MaxDepartment, new("afdeling", "department")) is { } d)
        {
            Errors["Add.Team"] = d;
        }

        if (StaffCsv.Text(role, StaffCsv.MaxRole, new("functie", "role")) is { } r)
        {
            Errors["Add.Role"] = r;
        }

        var language = StaffCsv.ParseLanguage(Add.Language) ?? Core.Language.Nl;
        if (Errors.Count == 0)
        {
            var person = new StaffRow(0, email, name, team.Length == 0 ? null : team, language, role.Length == 0 ? null : role);
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
