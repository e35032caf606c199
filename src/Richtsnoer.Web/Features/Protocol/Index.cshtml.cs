using Microsoft.AspNetCore.Mvc;
using Richtsnoer.Core;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Content;
using Richtsnoer.Core.Model;
using Richtsnoer.Rendering;
using Richtsnoer.Rendering.Html;
using Richtsnoer.Storage.Protocols;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Protocol;

/// <summary>
/// The last step: what is still missing, or the whole protocol with per clause "adapt",
/// "another variant" and the organisation's own clauses; the coverage of the topics; downloads.
/// </summary>
public sealed class IndexModel(ProtocolStore protocols, ProtocolBuilder builder, ContentLibrary library, ILogger<IndexModel> logger) : OrganisationPageModel
{
    public ProtocolDraft Draft { get; private set; } = null!;

    public Language DocumentLanguage { get; private set; }

    public IReadOnlyList<Language> Languages { get; private set; } = [];

    public IReadOnlyList<AnswerError> Missing { get; private set; } = [];

    public ProtocolDocument? Document { get; private set; }

    public IReadOnlyList<LocalText> Problems { get; private set; } = [];

    public string PreviewHtml { get; private set; } = string.Empty;

    public int Total => library.Interview.ScreenCount;

    public ContentLibrary Library => library;

    public IEnumerable<string> Formats => Renderers.Formats;

    public async Task<IActionResult> OnGetAsync(string? lang)
    {
        if (await protocols.GetAsync(OrgId) is not { } draft)
        {
            return NotFound();
        }

        Load(draft, lang);
        return Page();
    }

    public async Task<IActionResult> OnPostGenerateAsync()
    {
        var problems = 0;
        await protocols.UpdateAsync(OrgId, UserId, d =>
        {
            var missing = builder.Problems(d.Answers);
            problems = missing.Count;
            if (problems == 0)
            {
                d.Generate(missing);
            }
        });
        return LocalRedirect($"/o/{OrgId}/protocol");
    }

    public async Task<IActionResult> OnPostAlternativeAsync(string? group, string? clause, string? lang)
    {
        var members = library.AlternativeGroups.FirstOrDefault(g => g.Key == group);
        if (group is null || members is null || members.All(m => m.Id != clause))
        {
            return BadRequest();
        }

        await protocols.UpdateAsync(OrgId, UserId, d =>
        {
            var alternatives = new Dictionary<string, string>(d.Answers.Customisations.Alternatives, StringComparer.Ordinal) { [group] = clause! };
            d.Customise(d.Answers.Customisations with { Alternatives = alternatives });
        });
        logger.LogInformation("Organisation {OrganisationId} chose alternative {Clause} for {Group}", OrgId, clause, group);
        return LocalRedirect($"/o/{OrgId}/protocol?lang={Lang(lang)}#c-{clause}");
    }

    public async Task<IActionResult> OnPostDeleteOwnAsync(string? id, string? lang)
    {
        await protocols.UpdateAsync(OrgId, UserId, d =>
            d.Customise(d.Answers.Customisations with { Custom = d.Answers.Customisations.Custom.Where(c => c.Id != id).ToList() }));
        return LocalRedirect($"/o/{OrgId}/protocol?lang={Lang(lang)}&deleted=1");
    }

    private static string Lang(string? lang) => LanguageExtensions.TryParse(lang, out var l) ? l.Code() : "nl";

    private void Load(ProtocolDraft draft, string? lang)
    {
        Draft = draft;
        Languages = builder.Languages(draft.Answers);
        DocumentLanguage = LanguageExtensions.TryParse(lang, out var l) && Languages.Contains(l) ? l : Languages[0];
        Missing = builder.Problems(draft.Answers);
        if (Missing.Count > 0 || draft.Status != ProtocolStatus.Generated)
        {
            var preview = builder.Preview(draft.Answers, DocumentLanguage);
            PreviewHtml = preview.Document is { } doc ? HtmlRenderer.Body(doc, toc: false) : string.Empty;
            Document = preview.Document;
            return;
        }

        var final = builder.Final(draft.Answers, DocumentLanguage);
        Document = final.Document;
        Problems = final.Problems;
        if (Document is null)
        {
            // Assembly refused (for example a topic left uncovered): show why, with the preview.
            var preview = builder.Preview(draft.Answers, DocumentLanguage);
            PreviewHtml = preview.Document is { } doc ? HtmlRenderer.Body(doc, toc: false) : string.Empty;
        }
    }

    /// <summary>The step a question is asked in.</summary>
    public Step? StepOf(string field) => library.Interview.Find(field.Split('.', '[')[0]) is { } q
        ? library.Interview.Steps.FirstOrDefault(s => s.Id == q.StepId)
        : null;

    /// <summary>The library clause behind a document clause, when the user may replace its text.</summary>
    public ClauseTemplate? Adaptable(Clause clause) =>
        clause.Origin != ClauseOrigin.Custom && library.Clause(clause.Id) is { Generator: ClauseGenerator.None } t ? t : null;

    public IReadOnlyList<ClauseTemplate> AlternativesOf(Clause clause) =>
        library.Clause(clause.Id)?.Alternative is { } group
            ? library.Clauses.Where(c => c.Alternative == group).OrderBy(c => c.Order).ThenBy(c => c.Id, StringComparer.Ordinal).ToList()
            : [];
}
