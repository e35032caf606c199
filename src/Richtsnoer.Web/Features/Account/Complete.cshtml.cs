using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Richtsnoer.Core;
using Richtsnoer.Storage.Users;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Account;

/// <summary>The registration link from the e-mail: choose a password, and the account exists and is signed in.</summary>
public sealed class CompleteModel(AccountService accounts, RegistrationStore registrations, ILogger<CompleteModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? PasswordAgain { get; set; }

    /// <summary>The address the link was sent to; null when the link is not valid.</summary>
    public string? Email { get; private set; }

    public Dictionary<string, LocalText> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        Response.Headers.CacheControl = "no-store";
        Email = await registrations.FindEmailAsync(Token);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Response.Headers.CacheControl = "no-store";
        Email = await registrations.FindEmailAsync(Token);
        if (Email is null)
        {
            return Page();
        }

        AccountService.CheckNewPassword(Password, PasswordAgain, Email, Errors);
        if (Errors.Count > 0)
        {
            return Page();
        }

        var user = accounts.NewUser(Email, Password!, HttpContext.Lang());
        if (!await registrations.CompleteAsync(Token!, user))
        {
            // Used meanwhile (another tab), expired, or the address got an account another way.
            Email = null;
            return Page();
        }

        logger.LogInformation("User {UserId} registered through an e-mail link", user.Id);
        await AccountService.SignInAsync(HttpContext, user);
        return LocalRedirect("/organisations/new");
    }
}
