using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Richtsnoer.Core;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Account;

public sealed class LoginModel(AccountService accounts, TimeProvider clock) : PageModel
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

        var (outcome, user, retryAt) = await accounts.LoginAsync(Email!, Password ?? string.Empty, HttpContext.Connection.RemoteIpAddress?.ToString());
        switch (outcome)
        {
            case LoginOutcome.Throttled:
                var seconds = Math.Max(1, (int)Math.Ceiling((retryAt!.Value - clock.GetUtcNow()).TotalSeconds));
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                Errors["Password"] = seconds < 90
                    ? new($"Er zijn net te veel verkeerde wachtwoorden ingevuld. Om uw account te beschermen wachten we even: probeer het over {seconds} seconden opnieuw.", $"Too many wrong passwords were entered just now. To protect your account we wait a moment: try again in {seconds} seconds.")
                    : new($"Er zijn net te veel verkeerde wachtwoorden ingevuld. Om uw account te beschermen wachten we even: probeer het over {(seconds + 59) / 60} minuten opnieuw.", $"Too many wrong passwords were entered just now. To protect your account we wait a moment: try again in {(seconds + 59) / 60} minutes.");
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
