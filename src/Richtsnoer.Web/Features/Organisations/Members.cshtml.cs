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

/// <summary>Who works on the organisation's protocol. The owner adds and removes editors; an added editor gets an e-mail.</summary>
public sealed class MembersModel(
    OrganisationStore organisations,
    UserStore users,
    EmailTemplates templates,
    OutboxSignal outboxSignal,
    IOptions<EmailOptions> email,
    ILogger<MembersModel> logger) : OrganisationPageModel
{
    public bool EmailConfigured => email.Value.SmtpConfigured;

    public IReadOnlyList<Member> Members { get; private set; } = [];

    [BindProperty]
    public string? Email { get; set; }

    public Dictionary<string, LocalText> Errors { get; } = [];

    public string? Done { get; private set; }

    public async Task OnGetAsync() => Members = await organisations.ListMembersAsync(OrgId);

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (!Membership.IsOwner)
        {
            return OwnerOnly();
        }

        if (AccountService.CheckEmail(Email) is { } e)
        {
            Errors["Email"] = e;
        }
        else if (await users.FindByEmailAsync(Email!) is not { } user)
        {
            Errors["Email"] = new("Er is geen account met dit e-mailadres. Vraag de persoon eerst zelf een account te maken.", "There is no account with this e-mail address. Ask the person to create an account first.");
        }
        else if (!await organisations.AddMemberAsync(OrgId, user.Id, Role.Editor, await NotificationAsync(user)))
        {
            Errors["Email"] = new("Deze persoon werkt al mee.", "This person already works on it.");
        }
        else
        {
            outboxSignal.Notify();
            logger.LogInformation("User {UserId} added editor {EditorId} to organisation {OrganisationId}", UserId, user.Id, OrgId);
            return RedirectToPage(new { orgId = OrgId, added = 1 });
        }

        Members = await organisations.ListMembersAsync(OrgId);
        return Page();
    }

    /// <summary>The e-mail to the new editor, in the editor's own language.</summary>
    private async Task<OutgoingEmail> NotificationAsync(User editor)
    {
        var owner = await users.FindByIdAsync(UserId);
        var language = editor.PreferredLanguage;
        var content = templates.Render("member-added", language, new Dictionary<string, string>
        {
            ["organisation"] = Membership.OrganisationName,
            ["added_by"] = owner?.Email ?? Membership.OrganisationName,
            ["link"] = PublicUrl.Link(HttpContext, $"/o/{OrgId}"),
        });
        return new OutgoingEmail("member-added", language, editor.Email, null, content, OrgId);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid userId)
    {
        if (!Membership.IsOwner)
        {
            return OwnerOnly();
        }

        if (!await organisations.RemoveEditorAsync(OrgId, userId))
        {
            // Only editors can be removed; the owner stays (and an unknown id removes nobody).
            Errors["Remove"] = new("Deze persoon kan niet worden verwijderd: een organisatie houdt altijd haar eigenaar.", "This person cannot be removed: an organisation always keeps its owner.");
            Members = await organisations.ListMembersAsync(OrgId);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        return RedirectToPage(new { orgId = OrgId, removed = 1 });
    }
}
