using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Richtsnoer.Storage.Rollout;
using Richtsnoer.Web.Features.Rollout;

namespace Richtsnoer.Web.Features.StaffPortal;

/// <summary>
/// Base of the staff pages under <c>/s/{orgId}</c>: they need a staff session for exactly that
/// organisation. Without one (expired, ended, another organisation's) the visitor lands on the
/// page that sends a new link, which answers the same for every address.
/// </summary>
public abstract class StaffPageModel : PageModel
{
    public StaffSession Session { get; private set; } = null!;

    public Guid OrgId => Session.OrganisationId;

    [NonHandler]
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var session = await StaffAuth.SessionAsync(HttpContext);
        var routeOrg = Guid.TryParse(RouteData.Values["orgId"]?.ToString(), out var id) ? id : Guid.Empty;
        if (session is null || session.OrganisationId != routeOrg)
        {
            context.Result = routeOrg == Guid.Empty ? NotFound() : Redirect($"/s/{routeOrg}/link?expired=1");
            return;
        }

        Session = session;
        ViewData["StaffOrg"] = session.OrganisationId;
        Response.Headers.CacheControl = "no-store";
        await next();
    }
}
