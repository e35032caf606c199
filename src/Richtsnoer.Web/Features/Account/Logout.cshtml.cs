using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Richtsnoer.Storage.Users;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Account;

/// <summary>Logging out gives the user a new security stamp, so no copy of the cookie keeps working anywhere.</summary>
public sealed class LogoutModel(UserStore users, ILogger<LogoutModel> logger) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.UserId() is var id && id != Guid.Empty)
        {
            await users.RotateSecurityStampAsync(id);
            logger.LogInformation("User {UserId} logged out; all sessions ended", id);
        }

        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect("/account/login?loggedOut=1");
    }
}
