using Microsoft.AspNetCore.Mvc;
using Richtsnoer.Core;
using Richtsnoer.Storage.Staff;
using Richtsnoer.Storage.Users;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Staff;

/// <summary>The owner corrects one person's details; the audit trail records which fields changed.</summary>
public sealed class EditModel(StaffStore staff, UserStore users, ILogger<EditModel> logger) : OrganisationPageModel
{
    [BindProperty]
    public StaffForm Person { get; set; } = new();

    public StaffMember Member { get; private set; } = null!;

    public Dictionary<string, LocalText> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(Guid staffMemberId)
    {
        if (!Membership.IsOwner)
        {
            return OwnerOnly();
        }

        if (await staff.FindAsync(OrgId, staffMemberId) is not { } member)
        {
            return NotFound();
        }

        Member = member;
        Person = StaffForm.From(member);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid staffMemberId)
    {
        if (!Membership.IsOwner)
        {
            return OwnerOnly();
        }

        if (await staff.FindAsync(OrgId, staffMemberId) is not { } member)
        {
            return NotFound();
        }

        Member = member;
        if (Person.Check(Errors, "Person") is { } details)
        {
            switch (await staff.UpdateAsync(OrgId, staffMemberId, details, await ActorAsync(users)))
            {
                case StaffUpdateOutcome.NotFound:
                    return NotFound();
                case StaffUpdateOutcome.EmailTaken:
                    Errors["Person.Email"] = new("Iemand anders op de lijst heeft dit e-mailadres al.", "Someone else on the list already has this e-mail address.");
                    break;
                default:
                    logger.LogInformation("User {UserId} changed a staff member of organisation {OrganisationId}", UserId, OrgId);
                    return Redirect($"/o/{OrgId}/staff?status=all&saved=1");
            }
        }

        return Page();
    }
}
