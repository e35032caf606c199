using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Richtsnoer.Core;
using Richtsnoer.Storage.Users;

namespace Richtsnoer.Web.Features.Account;

/// <summary>Chooses a new password with the link from the e-mail: once, within the hour; all sessions end.</summary>
public sealed class ResetModel(PasswordResetStore resets, UserStore users, AccountMail mail, ILogger<ResetModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? PasswordAgain { get; set; }

    public bool Valid { get; private set; }

    public Dictionary<string, LocalText> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        Response.Headers.CacheControl = "no-store";
        Valid = await UserAsync() is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Response.Headers.CacheControl = "no-store";
        var user = await UserAsync();
        Valid = user is not null;
        if (user is null)
        {
            return Page();
        }

        AccountService.CheckNewPassword(Password, PasswordAgain, user.Email, Errors);

        if (Errors.Count > 0)
        {
            return Page();
        }

        if (await resets.RedeemAsync(Token!, _ => AccountService.HashPassword(user, Password!)) is null)
        {
            // Used or expired between showing the form and sending it.
            Valid = false;
            return Page();
        }

        logger.LogInformation("User {UserId} chose a new password through a reset link; all sessions ended", user.Id);
        await mail.ChangedAsync(HttpContext, user);
        return LocalRedirect("/account/login?reset=1");
    }

    private async Task<User?> UserAsync() =>
        string.IsNullOrWhiteSpace(Token) || Token.Length > 100 || await resets.FindValidAsync(Token) is not { } id
            ? null
            : await users.FindByIdAsync(id);
}
