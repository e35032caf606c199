using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Richtsnoer.Core.Rollout;
using Richtsnoer.Storage.Rollout;
using Richtsnoer.Web.Features.Rollout;

namespace Richtsnoer.Web.Features.StaffPortal;

/// <summary>The staff member's own page: the version in force and where they stand, their acknowledgements and proofs.</summary>
public sealed class IndexModel(StaffReading reading, RolloutStore rollouts, StaffSessionStore sessions, TimeProvider clock) : StaffPageModel
{
    public Reading? Current { get; private set; }

    public IReadOnlyList<AcknowledgementRecord> Mine { get; private set; } = [];

    public bool JustDone { get; private set; }

    public async Task OnGetAsync(string? done)
    {
        JustDone = done == "1";
        Current = await reading.ForAsync(Session);
        Mine = await rollouts.OfPersonAsync(OrgId, Session.Member.Id);
    }

    public async Task<IActionResult> OnGetProofAsync(Guid id)
    {
        var record = (await rollouts.OfPersonAsync(OrgId, Session.Member.Id)).FirstOrDefault(r => r.Id == id);
        if (record is null)
        {
            return NotFound();
        }

        return File(await StaffReading.ProofPdfAsync(record, Session.OrganisationName, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), HttpContext.RequestAborted), "application/pdf", StaffReading.ProofFileName(record));
    }

    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await sessions.EndAsync(Session.Id);
        await HttpContext.SignOutAsync(StaffAuth.Scheme);
        return Redirect($"/s/{OrgId}/link?signedout=1");
    }
}
