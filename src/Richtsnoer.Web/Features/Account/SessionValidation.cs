using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Richtsnoer.Storage.Users;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Account;

/// <summary>
/// Every request with a login cookie compares the cookie's security stamp with the one in the
/// database (one primary-key lookup, no cache, so it holds across instances at once). Logout,
/// a password change and a reset give the user a new stamp: every cookie issued before, copied
/// or not, is refused from then on.
/// </summary>
public static class SessionValidation
{
    public const string StampClaim = "stamp";

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var userId = principal?.UserId() ?? Guid.Empty;
        var stamp = principal?.FindFirstValue(StampClaim);
        var current = userId == Guid.Empty ? null : await context.HttpContext.RequestServices.GetRequiredService<UserStore>().SecurityStampAsync(userId);
        if (current is null || stamp is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(current), Encoding.UTF8.GetBytes(stamp)))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
