using Microsoft.AspNetCore.Mvc;
using Richtsnoer.Core;
using Richtsnoer.Storage.Organisations;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Organisations;

/// <summary>For the owner: hand the organisation to an editor, or delete it after typing its name.</summary>
public sealed class SettingsModel(OrganisationStore organisations, ILogger<SettingsModel> logger) : OrganisationPageModel
{
    public IReadOnlyList<Member> Editors { get; private set; } = [];

    [BindProperty]
    public Guid? NewOwner { get; set; }

    [BindProperty]
    public string? ConfirmName { get; set; }

    public Dictionary<string, LocalText> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Membership.IsOwner)
        {
            return OwnerOnly();
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostTransferAsync()
    {
        if (!Membership.IsOwner)
        {
            return OwnerOnly();
        }

        if (NewOwner is not { } to || !await organisations.TransferOwnershipAsync(OrgId, UserId, to))
        {
            Errors["NewOwner"] = new("Kies een van de redacteuren van deze organisatie.", "Choose one of the editors of this organisation.");
            await LoadAsync();
            return Page();
        }

        logger.LogInformation("User {UserId} handed organisation {OrganisationId} to {NewOwner}", UserId, OrgId, to);
        return LocalRedirect($"/o/{OrgId}/members?transferred=1");
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        if (!Membership.IsOwner)
        {
            return OwnerOnly();
        }

        if (!string.Equals(ConfirmName?.Trim(), Membership.OrganisationName.Trim(), StringComparison.Ordinal))
        {
            Errors["ConfirmName"] = new("Typ de naam van de organisatie precies zoals hij hierboven staat.", "Type the name of the organisation exactly as shown above.");
            await LoadAsync();
            return Page();
        }

        await organisations.DeleteAsync(OrgId);
        logger.LogInformation("User {UserId} deleted organisation {OrganisationId}", UserId, OrgId);
        return LocalRedirect("/organisations?deleted=1");
    }

    private async Task LoadAsync() =>
        Editors = (await organisations.ListMembersAsync(OrgId)).Where(m => m.Role == Role.Editor).ToList();
}
