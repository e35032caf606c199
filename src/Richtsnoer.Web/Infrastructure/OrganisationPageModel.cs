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

    /// <summary>
    /// True on the pages the works council may open (versions, their comments and downloads);
    /// everywhere else a works council member is a stranger and gets 404.
    /// </summary>
    protected virtual bool AdmitsWorksCouncil => false;

    public bool IsWorksCouncil => Membership.Role == Role.WorksCouncil;

    /// <summary>
    /// True on the employee tools: someone on the staff list, signed in by personal link for this
    /// organisation, may use them too. Everywhere else a staff session is a stranger (404).
    /// </summary>
    protected virtual bool AdmitsStaff => false;

    [NonHandler]
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var store = HttpContext.RequestServices.GetRequiredService<OrganisationStore>();
        var membership = Guid.TryParse(RouteData.Values["orgId"]?.ToString(), out var orgId) && User.UserId() is var userId && userId != Guid.Empty
            ? await store.FindMembershipAsync(orgId, userId) ?? (AdmitsWorksCouncil ? await store.FindWorksCouncilSeatAsync(orgId, userId) : null)
            : null;
        if (membership is null && AdmitsStaff && await Features.Rollout.StaffAuth.SessionAsync(HttpContext) is { } staff && staff.OrganisationId == orgId)
        {
            membership = new Membership { OrganisationId = orgId, OrganisationName = staff.OrganisationName, UserId = Guid.Empty, Role = Role.Staff };
            ViewData["StaffOrg"] = orgId;
        }

        if (membership is null)
        {
            context.Result = NotFound();
            return;
        }

        Membership = membership;
        await next();
    }

    /// <summary>The signed-in user as the audit trail names them.</summary>
    protected async Task<Storage.Adoption.Actor> ActorAsync(Storage.Users.UserStore users) =>
        new(UserId, (await users.FindByIdAsync(UserId))?.Email ?? UserId.ToString());

    /// <summary>403 for an action only the owner may take.</summary>
    protected IActionResult OwnerOnly() => StatusCode(StatusCodes.Status403Forbidden);
}
