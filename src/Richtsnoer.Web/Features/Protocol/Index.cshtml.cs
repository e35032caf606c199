using Microsoft.AspNetCore.Mvc;
using Richtsnoer.Core;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Assembly;
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

    /// <summary>
    /// True when the page was opened from a step of this organisation's interview (the browser
    /// names it as referrer, same origin only): then this page is the interview's last screen and
    /// says so. Reached from the quick start, an invitation or a bookmark, it is no step of anything.
    /// </summary>
    public bool FromInterview =>
        Uri.TryCreate(Request.Headers.Referer.ToString(), UriKind.Absolute, out var from)
        && from.Host == Request.Host.Host
        && from.AbsolutePath.StartsWith($"/o/{OrgId}/interview/", StringComparison.Ordinal);

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

    /// <summary>
    /// Chooses a variant. One that stands for an answer changes that answer (the interview shows
    /// it); another is fixed as the organisation's own choice. A variant that does not fit the
    /// answers is not offered and is refused here too.
    /// </summary>
    public async Task<IActionResult> OnPostAlternativeAsync(string? group, string? clause, string? lang)
    {
        if (Variants.Group(library, group) is not { } variantGroup || clause is null || variantGroup.Members.All(m => m.Id != clause))
        {
            return BadRequest();
        }

        VariantChoice? choice = null;
        await protocols.UpdateAsync(OrgId, UserId, d =>
        {
            choice = Variants.Choose(library, d.Answers, variantGroup.Key, clause);
            if (choice is null)
            {
                return;
            }

            if (choice.ChangedQuestion is { } question)
            {
                d.RecordAnswers(d.CurrentStep ?? library.Interview.Find(question)!.StepId, choice.Answers);
            }

            d.Customise(choice.Answers.Customisations);
        });
        if (choice is null)
        {
            return LocalRedirect($"/o/{OrgId}/protocol?lang={Lang(lang)}&refused={Uri.EscapeDataString(variantGroup.Key)}");
        }

        logger.LogInformation("Organisation {OrganisationId} chose alternative {Clause} for {Group}", OrgId, clause, variantGroup.Key);
        var message = choice.ChangedQuestion is { } changed ? $"&answer={Uri.EscapeDataString(changed)}"
            : choice.Answers.Customisations.Alternatives.ContainsKey(variantGroup.Key) ? $"&fixed={Uri.EscapeDataString(variantGroup.Key)}" : "";
        return LocalRedirect($"/o/{OrgId}/protocol?lang={Lang(lang)}{message}#c-{clause}");
    }

    /// <summary>Removes the organisation's own choice of variant: the answers decide again.</summary>
    public async Task<IActionResult> OnPostFollowAsync(string? group, string? lang)
    {
        if (Variants.Group(library, group) is not { } variantGroup)
        {
            return BadRequest();
        }

        var draft = await protocols.UpdateAsync(OrgId, UserId, d => d.Customise(Variants.Follow(d.Answers, variantGroup.Key).Customisations));
        var now = Variants.Fitting(variantGroup, AnswerDefaults.Apply(draft.Answers, library));
        logger.LogInformation("Organisation {OrganisationId} follows its answers again for {Group}", OrgId, variantGroup.Key);
        return LocalRedirect($"/o/{OrgId}/protocol?lang={Lang(lang)}&followed={Uri.EscapeDataString(variantGroup.Key)}" + (now is null ? "" : $"#c-{now.Id}"));
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

        // What still needs translating is listed with links to its editor, not repeated as a problem.
        Untranslated = Translations.Missing(library, draft.Answers);
        UntranslatedAnswers = AnswersValidator.Languages(AnswerDefaults.Apply(draft.Answers, library), library).Where(e => e.Code == "missing-language").ToList();
        Problems = final.Problems.Where((_, i) => i >= final.Codes.Count || final.Codes[i] is not (Translations.Code or "missing-language")).ToList();
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

    /// <summary>Adaptations and own clauses without a text in one of the protocol's languages.</summary>
    public IReadOnlyList<MissingTranslation> Untranslated { get; private set; } = [];

    /// <summary>Answers that appear in the protocol without a text in one of its languages (decision 020).</summary>
    public IReadOnlyList<AnswerError> UntranslatedAnswers { get; private set; } = [];

    /// <summary>The group of variants a document clause belongs to, if any.</summary>
    public VariantGroup? GroupOf(Clause clause) => clause.Origin == ClauseOrigin.Custom ? null : Variants.GroupOf(library, clause.Id);

    /// <summary>The variants offered for this clause: never one that contradicts the answers.</summary>
    public IReadOnlyList<ClauseTemplate> AlternativesOf(Clause clause) =>
        GroupOf(clause) is { } group ? Variants.Offered(library, Draft.Answers, group.Key) : [];

    /// <summary>The variant the organisation fixed for this group itself, or null when its answers decide.</summary>
    public ClauseTemplate? FixedVariant(VariantGroup group) => Variants.Fixed(library, Draft.Answers, group.Key);

    /// <summary>After a choice that changed an answer: the question and the label of its new answer.</summary>
    public (Question Question, LocalText Value)? ChangedAnswer(string? questionId)
    {
        if (library.Interview.Find(questionId ?? "") is not { } q
            || AnswerDefaults.Apply(Draft.Answers, library).Get(q.Id)?.Scalars().FirstOrDefault() is not { } value)
        {
            return null;
        }

        return (q, Variants.OptionLabel(q, value));
    }
}
