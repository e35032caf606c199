using Microsoft.AspNetCore.Mvc;
using Richtsnoer.Core;
using Richtsnoer.Core.Model;
using Richtsnoer.Core.Redline;
using Richtsnoer.Rendering.Redline;
using Richtsnoer.Storage.Adoption;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Versions;

/// <summary>
/// What changed between two versions: on the page (ins/del with a legend, readable without
/// colour), and as PDF or as DOCX with real tracked changes. By default against the version
/// before it. The works council sees only versions that were submitted or published.
/// </summary>
public sealed class RedlineModel(VersionStore versions) : OrganisationPageModel
{
    protected override bool AdmitsWorksCouncil => true;

    public VersionSummary From { get; private set; } = null!;

    public VersionSummary To { get; private set; } = null!;

    public IReadOnlyList<VersionSummary> Choices { get; private set; } = [];

    public ProtocolRedline Result { get; private set; } = null!;

    public string Fragment { get; private set; } = string.Empty;

    public Language DocumentLanguage { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid versionId, Guid? from, string? lang) =>
        await LoadAsync(versionId, from, lang) is { } input ? Show(input) : NotFound();

    public async Task<IActionResult> OnGetFileAsync(Guid versionId, Guid? from, string? lang, string format)
    {
        if (await LoadAsync(versionId, from, lang) is not { } input || RedlineRenderers.For(format) is not { } renderer)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        var name = (DocumentLanguage == Language.En ? "changes-" : "wijzigingen-") + $"{From.Label}-{To.Label}.{renderer.Extension}";
        return File(await Infrastructure.DocumentBuffers.RenderAsync(renderer, input, HttpContext.RequestAborted), renderer.MediaType, name);
    }

    private IActionResult Show(RedlineInput input)
    {
        Fragment = RedlineHtmlRenderer.Fragment(input);
        return Page();
    }

    private bool Visible(VersionSummary v) => !IsWorksCouncil || v.SubmittedToWorksCouncil || v.PublishedAt is not null;

    private async Task<RedlineInput?> LoadAsync(Guid versionId, Guid? from, string? lang)
    {
        if (await VersionComparer.CompareAsync(versions, OrgId, versionId, from, lang, Visible) is not { } c)
        {
            return null;
        }

        (From, To, Choices, DocumentLanguage, Result) = (c.From, c.To, c.Choices, c.Language, c.Redline);
        return c.Input;
    }
}
