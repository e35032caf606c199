using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Richtsnoer.Storage.Email;
using Richtsnoer.Storage.Organisations;
using Richtsnoer.Storage.Rollout;
using Richtsnoer.Web.Features.Rollout;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.StaffPortal;

/// <summary>
/// Asking for a new personal link. The answer is the same whether the address is on the staff
/// list or not, whether the organisation exists or not, and whether the hourly limit was reached.
/// </summary>
public sealed class LinkModel(StaffSessionStore sessions, OrganisationStore organisations, OutboxStore outbox, RolloutService rollout, Email.OutboxSignal signal) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public Guid OrgId { get; private set; }

    public bool Sent { get; private set; }

    public bool Expired { get; private set; }

    public string? Error { get; private set; }

    public void OnGet(Guid orgId, string? expired)
    {
        OrgId = orgId;
        Expired = expired == "1";
        Response.Headers.CacheControl = "no-store";
    }

    public async Task<IActionResult> OnPostAsync(Guid orgId)
    {
        OrgId = orgId;
        var email = Email?.Trim() ?? string.Empty;
        if (!Core.EmailAddress.IsValid(email))
        {
            Error = HttpContext.T("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.", "Enter a valid e-mail address, such as name@example.com.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (await organisations.NameAsync(orgId) is { } organisation)
        {
            var baseUrl = PublicUrl.Link(HttpContext, string.Empty);
            if (await sessions.RequestAsync(orgId, email, (member, token) => rollout.ComposeRequested(organisation, orgId, baseUrl, member, token), outbox))
            {
                signal.Notify();
            }
        }

        Sent = true;
        return Page();
    }
}
