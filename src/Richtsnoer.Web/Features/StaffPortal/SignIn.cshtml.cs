using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Richtsnoer.Storage.Rollout;
using Richtsnoer.Web.Features.Rollout;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.StaffPortal;

/// <summary>
/// The personal link from the e-mail. Opening it shows one button; only the click (a POST) uses the
/// link, so a mail scanner that opens links signs nobody in and uses up nothing.
/// </summary>
public sealed class SignInModel(StaffSessionStore sessions, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public Guid OrgId { get; private set; }

    public bool Failed { get; private set; }

    public IActionResult OnGet(Guid orgId)
    {
        OrgId = orgId;
        Response.Headers.CacheControl = "no-store";
        Response.Headers["Referrer-Policy"] = "no-referrer";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid orgId)
    {
        OrgId = orgId;
        Response.Headers.CacheControl = "no-store";
        var session = await sessions.RedeemAsync(orgId, Token ?? string.Empty);
        if (session is null)
        {
            Failed = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await StaffAuth.SignInAsync(HttpContext, session);
        HttpContext.SetLang(session.Member.Language);
        logger.LogInformation("Staff member {StaffMemberId} of organisation {OrganisationId} signed in with a personal link", session.Member.Id, orgId);
        return LocalRedirect($"/s/{orgId}");
    }
}
