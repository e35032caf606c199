using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Richtsnoer.Core;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Account;

/// <summary>Change the password: the current one first; afterwards every other session has ended.</summary>
[Authorize]
public sealed class PasswordModel(AccountService accounts, AccountMail mail) : PageModel
{
    [BindProperty]
    public string? Current { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? PasswordAgain { get; set; }

    public Dictionary<string, LocalText> Errors { get; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await accounts.VerifyAsync(User.UserId(), Current ?? string.Empty);
        if (user is null)
        {
            Errors["Current"] = new("Dit is niet uw huidige wachtwoord.", "This is not your current password.");
        }

        AccountService.CheckNewPassword(Password, PasswordAgain, user?.Email ?? User.Email(), Errors);

        if (Errors.Count > 0 || user is null)
        {
            return Page();
        }

        var changed = await accounts.ChangePasswordAsync(user, Password!);
        await mail.ChangedAsync(HttpContext, changed);
        await AccountService.SignInAsync(HttpContext, changed);
        return LocalRedirect("/account/password?changed=1");
    }
}
