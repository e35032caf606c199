using Microsoft.AspNetCore.Mvc;
using Richtsnoer.Core;
using Richtsnoer.Storage.Adoption;
using Richtsnoer.Storage.Users;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Versions;

/// <summary>The versions of the protocol, and making the next one from the current draft.</summary>
public sealed class IndexModel(VersionStore versions, VersionService service, UserStore users, ILogger<IndexModel> logger) : OrganisationPageModel
{
    protected override bool AdmitsWorksCouncil => true;

    public IReadOnlyList<VersionSummary> Versions { get; private set; } = [];

    public VersionProposal? Proposal { get; private set; }

    [BindProperty]
    public string? Kind { get; set; }

    public Dictionary<string, LocalText> Errors { get; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        var all = await versions.ListAsync(OrgId);
        Versions = IsWorksCouncil ? all.Where(v => v.SubmittedToWorksCouncil).ToList() : all;
        Proposal = IsWorksCouncil ? null : await service.ProposeAsync(OrgId);
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (IsWorksCouncil)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        await LoadAsync();
        if (Proposal!.Problems.Count > 0)
        {
            Errors["Kind"] = new("Het protocol is nog niet compleet; maak het eerst af.", "The protocol is not complete yet; finish it first.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        if (Proposal.Latest is not null && Kind is not ("editorial" or "substantive"))
        {
            Errors["Kind"] = new("Kies of het een redactionele of een inhoudelijke wijziging is.", "Choose whether it is an editorial or a substantive change.");
            return Page();
        }

        var actor = await ActorAsync(users);
        var (outcome, id, _) = await service.CreateAsync(OrgId, actor, Kind == "substantive");
        switch (outcome)
        {
            case CreateOutcome.Created:
                logger.LogInformation("User {UserId} created version {VersionId} of organisation {OrganisationId}", UserId, id, OrgId);
                return LocalRedirect($"/o/{OrgId}/versions/{id}?created=1");
            case CreateOutcome.Unchanged:
                Errors["Kind"] = new("De tekst is woord voor woord gelijk aan de nieuwste versie. Er is dus niets om vast te leggen.", "The text is word for word that of the newest version, so there is nothing to record.");
                break;
            default:
                Errors["Kind"] = new("Iemand anders heeft net een versie gemaakt. Bekijk de lijst en probeer het opnieuw.", "Someone else has just made a version. Look at the list and try again.");
                break;
        }

        Response.StatusCode = StatusCodes.Status409Conflict;
        await LoadAsync();
        return Page();
    }
}
