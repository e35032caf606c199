using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Richtsnoer.Core;
using Richtsnoer.Core.Adoption;
using Richtsnoer.Core.Model;
using Richtsnoer.Rendering;
using Richtsnoer.Storage.Adoption;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Versions;

/// <summary>
/// A version's frozen documents in any format: clean (no editing marks), with the version label
/// and how the version was adopted. Rendered from the snapshot, never assembled again.
/// </summary>
public sealed class DownloadModel(VersionStore versions) : OrganisationPageModel
{
    protected override bool AdmitsWorksCouncil => true;

    public async Task<IActionResult> OnGetAsync(Guid versionId, string format, string? lang, string? summary)
    {
        if (Renderers.For(format) is not { } renderer || await versions.GetAsync(OrgId, versionId) is not { } version
            || (IsWorksCouncil && !version.Summary.SubmittedToWorksCouncil))
        {
            return NotFound();
        }

        var languages = version.Snapshot.Languages;
        var language = LanguageExtensions.TryParse(lang, out var l) && languages.Contains(l) ? l : languages[0];
        var kind = summary is "1" or "true" ? DocumentKind.Summary : DocumentKind.Protocol;
        if (version.Snapshot.Find(language, kind) is not { } document)
        {
            return NotFound();
        }

        document = VersionDocuments.Clean(document) with { Metadata = document.Metadata with { Adoption = VersionDocuments.Adoption(version, language)[language] } };
        Response.Headers.CacheControl = "no-store";
        return File(await Infrastructure.DocumentBuffers.RenderAsync(renderer, document, HttpContext.RequestAborted), renderer.MediaType, Protocol.DownloadModel.FileName(document, renderer.Extension).Replace("." + renderer.Extension, $"-{version.Summary.Label}.{renderer.Extension}", StringComparison.Ordinal));
    }

}

/// <summary>What the version pages share: clean documents and the sentence on how a version was adopted.</summary>
public static class VersionDocuments
{
    /// <summary>The document as staff read it: every clause without its "adapted" or "own" mark.</summary>
    public static ProtocolDocument Clean(ProtocolDocument document) => document with
    {
        Sections = document.Sections.Select(s => s with { Clauses = s.Clauses.Select(c => c with { Origin = ClauseOrigin.Library }).ToList() }).ToList(),
    };

    /// <summary>How the version was adopted, in words: the consent and its date, or why none was needed, or that it is not adopted yet.</summary>
    public static LocalText Adoption(ProtocolVersion version, Language language)
    {
        var culture = CultureInfo.GetCultureInfo(language == Language.En ? "en-GB" : "nl-NL");
        foreach (var e in version.History.Reverse())
        {
            if (!VersionStore.IsMove(e.Kind, out var move) || !Texts.IsDecision(move) || move == VersionMove.RecordRefusal)
            {
                continue;
            }

            var date = DecisionDate(e)?.ToString("d MMMM yyyy", culture) ?? string.Empty;
            return move switch
            {
                VersionMove.RecordSubstituteConsent => new($"met vervangende toestemming van de kantonrechter van {date}", $"with the court's substitute consent of {date}"),
                VersionMove.RecordConsentWithConditions => new($"na instemming van de ondernemingsraad op {date}, onder voorwaarden", $"after the works council's consent on {date}, with conditions"),
                _ => new($"na instemming van de ondernemingsraad op {date}", $"after the works council's consent on {date}"),
            };
        }

        if (version.Summary.State is VersionState.Published or VersionState.Superseded && version.Requirement.WhyNotNeeded is { } why)
        {
            return why;
        }

        return new("nog niet: dit is een concept", "not yet: this is a draft");
    }

    private static DateOnly? DecisionDate(AuditEntry e)
    {
        using var json = JsonDocument.Parse(e.Data);
        return json.RootElement.TryGetProperty("details", out var d) && d.ValueKind == JsonValueKind.Object
            && d.TryGetProperty("date", out var date) && date.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(date.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : null;
    }
}
