using Microsoft.AspNetCore.Mvc;
using Richtsnoer.Core;
using Richtsnoer.Rendering;
using Richtsnoer.Storage.Adoption;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Versions;

/// <summary>The consent request (WOR art. 27 lid 2) of a version that needs the works council's consent, as PDF, DOCX, HTML or Markdown.</summary>
public sealed class ConsentRequestModel(VersionStore versions, ConsentRequestService requests) : OrganisationPageModel
{
    protected override bool AdmitsWorksCouncil => true;

    public async Task<IActionResult> OnGetAsync(Guid versionId, string format, string? lang)
    {
        if (Renderers.For(format) is not { } renderer || await versions.GetAsync(OrgId, versionId) is not { } version
            || !version.Requirement.Required || (IsWorksCouncil && !version.Summary.SubmittedToWorksCouncil))
        {
            return NotFound();
        }

        var language = LanguageExtensions.TryParse(lang, out var l) && version.Snapshot.Languages.Contains(l) ? l : version.Snapshot.Languages[0];
        if (await requests.BuildAsync(OrgId, Membership.OrganisationName, versionId, language) is not { } document)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        var name = (language == Language.En ? "request-for-consent-" : "instemmingsverzoek-") + version.Summary.Label + "." + renderer.Extension;
        return File(await Infrastructure.DocumentBuffers.RenderAsync(renderer, document, HttpContext.RequestAborted), renderer.MediaType, name);
    }
}
