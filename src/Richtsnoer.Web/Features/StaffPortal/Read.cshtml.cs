using Microsoft.AspNetCore.Mvc;
using Richtsnoer.Core;
using Richtsnoer.Core.Rollout;
using Richtsnoer.Storage.Rollout;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.StaffPortal;

/// <summary>
/// Reading and acknowledging the version in force, clause by clause (or only the changed clauses
/// after a new major version), ending in one explicit statement the person confirms.
/// </summary>
public sealed class ReadModel(StaffReading reading, RolloutStore rollouts, ILogger<ReadModel> logger) : StaffPageModel
{
    public Reading? Current { get; private set; }

    [BindProperty]
    public Guid VersionId { get; set; }

    [BindProperty]
    public string? Scope { get; set; }

    [BindProperty]
    public string? Since { get; set; }

    [BindProperty]
    public bool Confirm { get; set; }

    public LocalText? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Current = await reading.ForAsync(Session);
        if (Current is null)
        {
            return Redirect($"/s/{OrgId}");
        }

        await rollouts.RecordOpenAsync(OrgId, Current.Version.Id, Session.Member.Id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Current = await reading.ForAsync(Session, withChanges: false);
        if (Current is null)
        {
            return Redirect($"/s/{OrgId}");
        }

        if (!Confirm)
        {
            Error = new("Zet een vinkje bij de verklaring om te bevestigen dat u het protocol hebt gelezen.", "Tick the statement to confirm that you have read the protocol.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Current = await reading.ForAsync(Session);
            return Page();
        }

        var scope = Scope == "changes" ? AcknowledgementScope.Changes : AcknowledgementScope.Full;
        var since = string.IsNullOrEmpty(Since) ? null : Since;
        var statement = Statements.Default.For(Current.Language, scope, Session.OrganisationName, Current.Version.Label, since);
        if (VersionId != Current.Version.Id)
        {
            return await MovedAsync();
        }

        var (outcome, _) = await rollouts.AcknowledgeAsync(Session, VersionId, scope, since, Current.Language, statement, Request.Headers.UserAgent.ToString(), HttpContext.Connection.RemoteIpAddress?.ToString());
        switch (outcome)
        {
            case AcknowledgeOutcome.Recorded:
                logger.LogInformation("Staff member {StaffMemberId} acknowledged version {VersionId}", Session.Member.Id, VersionId);
                return Redirect($"/s/{OrgId}?done=1");
            case AcknowledgeOutcome.AlreadyDone:
                return Redirect($"/s/{OrgId}");
            default:
                return await MovedAsync();
        }
    }

    /// <summary>A newer version was published between reading and confirming: show it, and store nothing.</summary>
    private async Task<IActionResult> MovedAsync()
    {
        Current = await reading.ForAsync(Session) ?? Current;
        Error = new("Er is intussen een nieuwe versie gepubliceerd. Uw bevestiging is niet vastgelegd; lees hieronder de tekst die nu geldt.", "A new version was published meanwhile. Your confirmation was not recorded; read the text now in force below.");
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }
}
