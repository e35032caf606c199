using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Richtsnoer.Storage.Organisations;

namespace Richtsnoer.Web.Infrastructure;

/// <summary>
/// Base of every page under <c>/o/{orgId}</c>. Before any handler runs it checks that the signed-in
/// user is a member of that organisation; when not, the answer is 404, the same as for an
/// organisation that does not exist, so ids of other organisations reveal nothing.
/// </summary>
public abstract class OrganisationPageModel : PageModel
{
    public Membership Membership { get; private set; } = null!;

    public Guid OrgId => Membership.OrganisationId;

    public Guid UserId => User.UserId();

    [NonHandler]
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var store = HttpContext.RequestServices.GetRequiredService<OrganisationStore>();
        var membership = Guid.TryParse(RouteData.Values["orgId"]?.ToString(), out var orgId) && User.UserId() is var userId && userId != Guid.Empty
            ? await store.FindMembershipAsync(orgId, userId)
            : null;
        if (membership is null)
        {
            context.Result = NotFound();
            return;
        }

        Membership = membership;
        await next();
    }

    /// <summary>403 for an action only the owner may take.</summary>
    protected IActionResult OwnerOnly() => StatusCode(StatusCodes.Status403Forbidden);
}
