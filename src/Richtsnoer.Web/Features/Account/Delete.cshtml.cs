using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Richtsnoer.Core;
using Richtsnoer.Storage.Organisations;
using Richtsnoer.Storage.Users;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Account;

/// <summary>Delete my account, after the password; refused while the account owns an organisation.</summary>
[Authorize]
public sealed class DeleteModel(AccountService accounts, UserStore users, OrganisationStore organisations, ILogger<DeleteModel> logger) : PageModel
{
    [BindProperty]
    public string? Password { get; set; }

    public IReadOnlyList<Organisation> Owned { get; private set; } = [];

    public Dictionary<string, LocalText> Errors { get; } = [];

    public async Task OnGetAsync() => Owned = await organisations.OwnedByAsync(User.UserId());

    public async Task<IActionResult> OnPostAsync()
    {
        Owned = await organisations.OwnedByAsync(User.UserId());
        if (Owned.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        if (await accounts.VerifyAsync(User.UserId(), Password ?? string.Empty) is not { } user)
        {
            Errors["Password"] = new("Dit is niet uw wachtwoord.", "This is not your password.");
            return Page();
        }

        await users.DeleteAsync(user.Id);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        logger.LogInformation("User {UserId} deleted their account", user.Id);
        return LocalRedirect("/?accountDeleted=1");
    }
}
