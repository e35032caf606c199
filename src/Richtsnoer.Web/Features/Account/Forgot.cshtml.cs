using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Richtsnoer.Core;
using Richtsnoer.Storage.Users;

namespace Richtsnoer.Web.Features.Account;

/// <summary>
/// Asks for a reset link. The answer is the same whether or not the address has an account, so
/// the page reveals nothing about who uses Richtsnoer.
/// </summary>
public sealed class ForgotModel(UserStore users, AccountMail mail) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public Dictionary<string, LocalText> Errors { get; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (AccountService.CheckEmail(Email) is { } e)
        {
            Errors["Email"] = e;
            return Page();
        }

        if (await users.FindByEmailAsync(Email!) is { } user)
        {
            await mail.SendResetAsync(HttpContext, user);
        }

        return LocalRedirect("/account/forgot?sent=1");
    }
}
