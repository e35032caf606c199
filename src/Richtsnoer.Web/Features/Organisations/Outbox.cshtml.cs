using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Richtsnoer.Email;
using Richtsnoer.Storage.Email;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Organisations;

/// <summary>
/// The organisation's outgoing e-mail, for its owners. Without SMTP this is where the messages
/// are: nothing was sent, and the owner can pass a link on by hand.
/// </summary>
public sealed class OutboxModel(OutboxStore outbox, IOptions<EmailOptions> email) : OrganisationPageModel
{
    public const int Shown = 100;

    public bool EmailConfigured => email.Value.SmtpConfigured;

    public IReadOnlyList<OutboxMessage> Messages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Membership.IsOwner)
        {
            return OwnerOnly();
        }

        Messages = await outbox.ListForOrganisationAsync(OrgId, Shown, HttpContext.RequestAborted);
        return Page();
    }
}
