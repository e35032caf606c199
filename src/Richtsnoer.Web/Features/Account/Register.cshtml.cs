using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Richtsnoer.Core;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Account;

public sealed class RegisterModel(AccountService accounts) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? PasswordAgain { get; set; }

    public Dictionary<string, LocalText> Errors { get; } = [];

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect("/organisations") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (AccountService.CheckEmail(Email) is { } e)
        {
            Errors["Email"] = e;
        }

        AccountService.CheckNewPassword(Password, PasswordAgain, Email, Errors);

        if (Errors.Count > 0)
        {
            return Page();
        }

        var user = await accounts.RegisterAsync(Email!, Password!, HttpContext.Lang());
        if (user is null)
        {
            Errors["Email"] = new("Er is al een account met dit e-mailadres. Log in of gebruik een ander adres.", "An account with this e-mail address already exists. Log in or use another address.");
            return Page();
        }

        await AccountService.SignInAsync(HttpContext, user);
        return LocalRedirect("/organisations/new");
    }
}
