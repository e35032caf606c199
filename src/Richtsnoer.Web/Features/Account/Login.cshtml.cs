using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Richtsnoer.Core;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Account;

public sealed class LoginModel(AccountService accounts) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public Dictionary<string, LocalText> Errors { get; } = [];

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect("/organisations") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (AccountService.CheckEmail(Email) is { } e)
        {
            Errors["Email"] = e;
            return Page();
        }

        var (outcome, user) = await accounts.LoginAsync(Email!, Password ?? string.Empty);
        switch (outcome)
        {
            case LoginOutcome.LockedOut:
                Errors["Password"] = new(
                    $"Er is {AccountService.MaxFailures} keer een verkeerd wachtwoord ingevuld. Om uw account te beschermen kunt u het over {AccountService.LockoutMinutes} minuten opnieuw proberen.",
                    $"A wrong password was entered {AccountService.MaxFailures} times. To protect your account, you can try again in {AccountService.LockoutMinutes} minutes.");
                return Page();
            case LoginOutcome.WrongCredentials:
                Errors["Password"] = new("Dit e-mailadres en wachtwoord horen niet bij elkaar. Controleer ze en probeer het opnieuw.", "This e-mail address and password do not match. Check them and try again.");
                return Page();
        }

        HttpContext.SetLang(LanguageExtensions.TryParse(user!.Language, out var l) ? l : HttpContext.Lang());
        await AccountService.SignInAsync(HttpContext, user);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/organisations");
    }
}
