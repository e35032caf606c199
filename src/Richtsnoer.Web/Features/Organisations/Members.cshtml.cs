using Microsoft.AspNetCore.Mvc;
using Richtsnoer.Core;
using Richtsnoer.Storage.Organisations;
using Richtsnoer.Storage.Users;
using Richtsnoer.Web.Features.Account;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Organisations;

/// <summary>Who works on the organisation's protocol. The owner adds and removes editors.</summary>
public sealed class MembersModel(OrganisationStore organisations, UserStore users, ILogger<MembersModel> logger) : OrganisationPageModel
{
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
        else if (!await organisations.AddMemberAsync(OrgId, user.Id, Role.Editor))
        {
            Errors["Email"] = new("Deze persoon werkt al mee.", "This person already works on it.");
        }
        else
        {
            logger.LogInformation("User {UserId} added editor {EditorId} to organisation {OrganisationId}", UserId, user.Id, OrgId);
            return RedirectToPage(new { orgId = OrgId, added = 1 });
        }

        Members = await organisations.ListMembersAsync(OrgId);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid userId)
    {
        if (!Membership.IsOwner)
        {
            return OwnerOnly();
        }

        await organisations.RemoveEditorAsync(OrgId, userId);
        return RedirectToPage(new { orgId = OrgId, removed = 1 });
    }
}
