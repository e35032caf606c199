using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Richtsnoer.Core;
using Richtsnoer.Core.Email;
using Richtsnoer.Email;
using Richtsnoer.Storage.Email;
using Richtsnoer.Storage.Organisations;
using Richtsnoer.Storage.Users;
using Richtsnoer.Web.Features.Account;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Organisations;

/// <summary>
/// Who works on the organisation's protocol. The owner invites editors by e-mail address and
/// removes them. An invitation reads the same whether or not the address has an account; the
/// person joins by accepting the link (see <see cref="InvitationStore"/>).
/// </summary>
public sealed class MembersModel(
    OrganisationStore organisations,
    InvitationStore invitations,
    UserStore users,
    EmailTemplates templates,
    OutboxSignal outboxSignal,
    IOptions<EmailOptions> email,
    ILogger<MembersModel> logger) : OrganisationPageModel
{
    public bool EmailConfigured => email.Value.SmtpConfigured;

    public IReadOnlyList<Member> Members { get; private set; } = [];

    public IReadOnlyList<Invitation> Invitations { get; private set; } = [];

    public IReadOnlyList<Member> WorksCouncil { get; private set; } = [];

    [BindProperty]
    public string? Email { get; set; }

    /// <summary>"editor" or "works_council".</summary>
    [BindProperty]
    public string? Role { get; set; }

    public Dictionary<string, LocalText> Errors { get; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        Members = await organisations.ListMembersAsync(OrgId);
        WorksCouncil = await organisations.ListWorksCouncilAsync(OrgId);
        Invitations = Membership.IsOwner ? await invitations.ListOpenAsync(OrgId) : [];
    }

    private string ErrorKey => Role == Storage.Organisations.Invitation.WorksCouncil ? "CouncilEmail" : "Email";

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (!Membership.IsOwner)
        {
            return OwnerOnly();
        }

        var role = Role == Storage.Organisations.Invitation.WorksCouncil ? Storage.Organisations.Invitation.WorksCouncil : Storage.Organisations.Invitation.Editor;
        if (AccountService.CheckEmail(Email) is { } e)
        {
            Errors[ErrorKey] = e;
        }
        else
        {
            var token = PasswordResetStore.NewToken();
            var inviter = await users.FindByIdAsync(UserId);
            switch (await invitations.CreateAsync(OrgId, Email!, UserId, token, () => InvitationMail(Email!.Trim(), inviter, token, role), role))
            {
                case InviteOutcome.Sent:
                    outboxSignal.Notify();
                    logger.LogInformation("User {UserId} invited an editor to organisation {OrganisationId}", UserId, OrgId);
                    return RedirectToPage(new { orgId = OrgId, invited = 1 });
                case InviteOutcome.AlreadyMember:
                    Errors[ErrorKey] = role == Storage.Organisations.Invitation.WorksCouncil
                        ? new("Deze persoon heeft al toegang als lid van de ondernemingsraad.", "This person already has access as a member of the works council.")
                        : new("Deze persoon werkt al mee.", "This person already works on it.");
                    break;
                default:
                    Errors[ErrorKey] = new($"U hebt het afgelopen uur al {InvitationStore.MaxPerHour} uitnodigingen verstuurd. Probeer het over een uur opnieuw.", $"You sent {InvitationStore.MaxPerHour} invitations in the last hour already. Try again in an hour.");
                    break;
            }
        }

        await LoadAsync();
        return Page();
    }

    /// <summary>
    /// The invitation e-mail, in the language the owner works in: the address may have no
    /// account, so there is no language of its own to go by (and looking it up would treat
    /// known and unknown addresses differently).
    /// </summary>
    private OutgoingEmail InvitationMail(string to, User? inviter, string token, string role)
    {
        var language = HttpContext.Lang();
        var template = role == Storage.Organisations.Invitation.WorksCouncil ? "works-council-invited" : "member-invited";
        var content = templates.Render(template, language, new Dictionary<string, string>
        {
            ["organisation"] = Membership.OrganisationName,
            ["invited_by"] = inviter?.Email ?? Membership.OrganisationName,
            ["link"] = PublicUrl.Link(HttpContext, "/invite?token=" + token),
            ["days"] = ((int)InvitationStore.Lifetime.TotalDays).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        return new OutgoingEmail(template, language, to, null, content, OrgId);
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid invitationId)
    {
        if (!Membership.IsOwner)
        {
            return OwnerOnly();
        }

        if (!await invitations.RevokeAsync(OrgId, invitationId, await ActorAsync(users)))
        {
            return NotFound();
        }

        logger.LogInformation("User {UserId} withdrew an invitation to organisation {OrganisationId}", UserId, OrgId);
        return RedirectToPage(new { orgId = OrgId, revoked = 1 });
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid userId)
    {
        if (!Membership.IsOwner)
        {
            return OwnerOnly();
        }

        if (!await organisations.RemoveEditorAsync(OrgId, userId, await ActorAsync(users)))
        {
            // Only editors can be removed; the owner stays (and an unknown id removes nobody).
            Errors["Remove"] = new("Deze persoon kan niet worden verwijderd: een organisatie houdt altijd haar eigenaar.", "This person cannot be removed: an organisation always keeps its owner.");
            await LoadAsync();
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        return RedirectToPage(new { orgId = OrgId, removed = 1 });
    }
}
