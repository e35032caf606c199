using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Richtsnoer.Storage.Organisations;
using Richtsnoer.Storage.Users;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Invitations;

/// <summary>
/// The invitation link from the e-mail. It is accepted only by a click (a POST), so a mail
/// scanner that opens links accepts nothing, and only by a signed-in account with the invited
/// address. Without an account the page leads to registration with that address.
/// </summary>
public sealed class AcceptModel(InvitationStore invitations, UserStore users, ILogger<AcceptModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public Invitation? Invitation { get; private set; }

    /// <summary>The signed-in account, when there is one.</summary>
    public User? Account { get; private set; }

    public bool OtherAddress => Account is not null && Invitation is not null && Storage.Users.User.Normalize(Account.Email) != Storage.Users.User.Normalize(Invitation.Email);

    public string ReturnHere => "/invite?token=" + Uri.EscapeDataString(Token ?? string.Empty);

    public async Task<IActionResult> OnGetAsync()
    {
        Response.Headers.CacheControl = "no-store";
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Response.Headers.CacheControl = "no-store";
        await LoadAsync();
        if (Invitation is null || Account is null || OtherAddress)
        {
            return Page();
        }

        var (outcome, organisationId, landing) = await invitations.AcceptAsync(Token!, Account);
        if (outcome != AcceptOutcome.Accepted)
        {
            // Used, withdrawn or expired between showing the page and the click.
            Invitation = null;
            return Page();
        }

        logger.LogInformation("User {UserId} accepted an invitation to organisation {OrganisationId}", Account.Id, organisationId);
        return LocalRedirect(landing!);
    }

    private async Task LoadAsync()
    {
        Invitation = await invitations.FindValidAsync(Token ?? string.Empty);
        var userId = User.UserId();
        Account = userId == Guid.Empty ? null : await users.FindByIdAsync(userId);
    }
}
