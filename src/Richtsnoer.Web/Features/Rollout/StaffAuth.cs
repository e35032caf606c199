using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Richtsnoer.Storage.Rollout;

namespace Richtsnoer.Web.Features.Rollout;

/// <summary>
/// The staff session: a cookie scheme of its own (<c>richtsnoer.staff</c>), apart from the
/// accounts' cookie, holding only the id of a row in staff_sessions. Every request looks that row
/// up (no cache: it holds across instances), so a session that ended, expired or whose person was
/// deactivated is refused at once. The editor pages know only the accounts' scheme, so a staff
/// session opens none of them.
/// </summary>
public static class StaffAuth
{
    public const string Scheme = "Staff";

    public const string SessionClaim = "staff_session";

    private const string ItemKey = "richtsnoer.staff-session";

    public static AuthenticationBuilder AddStaffSessions(this AuthenticationBuilder builder) =>
        builder.AddCookie(Scheme, o =>
        {
            o.Cookie.Name = "richtsnoer.staff";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = StaffSessionStore.SessionLifetime;
            o.SlidingExpiration = false;
            o.Events.OnValidatePrincipal = ValidateAsync;
            // A challenge leaves the answer to the accounts' scheme (the login page); staff pages send
            // visitors without a session to the link request themselves (StaffPageModel).
            o.Events.OnRedirectToLogin = _ => Task.CompletedTask;
            o.Events.OnRedirectToAccessDenied = _ => Task.CompletedTask;
        });

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var session = Guid.TryParse(context.Principal?.FindFirstValue(SessionClaim), out var id)
            ? await context.HttpContext.RequestServices.GetRequiredService<StaffSessionStore>().FindAsync(id)
            : null;
        if (session is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
            return;
        }

        context.HttpContext.Items[ItemKey] = session;
    }

    /// <summary>The staff session of this request, when its cookie is valid.</summary>
    public static async Task<StaffSession?> SessionAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(Scheme);
        return result.Succeeded ? context.Items[ItemKey] as StaffSession : null;
    }

    public static Task SignInAsync(HttpContext context, StaffSession session)
    {
        var identity = new ClaimsIdentity([new Claim(SessionClaim, session.Id.ToString("D"))], Scheme);
        return context.SignInAsync(Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false, ExpiresUtc = session.ExpiresAt });
    }
}
