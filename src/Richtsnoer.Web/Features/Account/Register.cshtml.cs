using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Richtsnoer.Core;
using Richtsnoer.Storage.Organisations;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Account;

/// <summary>
/// Creating an account, in one of three ways. With an invitation link the invited address gets an
/// account at once (the link proves the mailbox) and joins the organisation. When registration is
/// verified (SMTP configured) the page asks only the address and answers the same whether or not
/// it is taken: the mailbox gets a link, or its owner a notice. Otherwise the account is made at
/// once, and a taken address is said to be taken: without e-mail there is no other way to tell.
/// </summary>
public sealed class RegisterModel(AccountService accounts, AccountMail mail, InvitationStore invitations, ILogger<RegisterModel> logger) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? PasswordAgain { get; set; }

    /// <summary>The token of the invitation this registration comes from, if any.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Invite { get; set; }

    public Invitation? Invitation { get; private set; }

    /// <summary>The page asks only the address and sends a link (see <see cref="AccountService.RegistrationVerified"/>).</summary>
    public bool ByLink => accounts.RegistrationVerified && Invitation is null;

    public bool Sent { get; private set; }

    public Dictionary<string, LocalText> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(bool sent = false)
    {
        Response.Headers.CacheControl = "no-store";
        if (User.Identity?.IsAuthenticated == true)
        {
            return LocalRedirect(Invite is null ? "/organisations" : "/invite?token=" + Uri.EscapeDataString(Invite));
        }

        Sent = sent;
        Invitation = Invite is null ? null : await invitations.FindValidAsync(Invite);
        Email = Invitation?.Email ?? Email;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Response.Headers.CacheControl = "no-store";
        Invitation = Invite is null ? null : await invitations.FindValidAsync(Invite);
        if (Invite is not null && Invitation is null)
        {
            // The invitation was used, withdrawn or expired meanwhile; the page says so.
            return Page();
        }

        if (Invitation is not null)
        {
            Email = Invitation.Email;
        }
        else if (AccountService.CheckEmail(Email) is { } e)
        {
            Errors["Email"] = e;
        }

        if (ByLink)
        {
            if (Errors.Count > 0)
            {
                return Page();
            }

            await mail.SendRegistrationAsync(HttpContext, Email!);
            return LocalRedirect("/account/register?sent=true");
        }

        AccountService.CheckNewPassword(Password, PasswordAgain, Email, Errors);
        if (Errors.Count > 0)
        {
            return Page();
        }

        var user = await accounts.RegisterAsync(Email!, Password!, HttpContext.Lang());
        if (user is null)
        {
            Errors["Email"] = Invitation is not null
                ? new("U hebt al een account met dit e-mailadres. Log in om de uitnodiging aan te nemen.", "You already have an account with this e-mail address. Log in to accept the invitation.")
                : new("Er is al een account met dit e-mailadres. Log in of gebruik een ander adres.", "An account with this e-mail address already exists. Log in or use another address.");
            return Page();
        }

        await AccountService.SignInAsync(HttpContext, user);
        if (Invitation is not null)
        {
            var (outcome, organisationId, landing) = await invitations.AcceptAsync(Invite!, user);
            if (outcome == AcceptOutcome.Accepted)
            {
                logger.LogInformation("User {UserId} registered through an invitation and joined organisation {OrganisationId}", user.Id, organisationId);
                return LocalRedirect(landing!);
            }
        }

        return LocalRedirect("/organisations/new");
    }
}
