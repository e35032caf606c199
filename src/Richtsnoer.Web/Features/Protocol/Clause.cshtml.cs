using Microsoft.AspNetCore.Mvc;
using Richtsnoer.Core;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Content;
using Richtsnoer.Core.Model;
using Richtsnoer.Storage.Protocols;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Protocol;

/// <summary>
/// Replace the text of one library clause with the organisation's own (per language). The
/// original stays visible and can be restored.
/// </summary>
public sealed class ClauseModel(ProtocolStore protocols, ProtocolBuilder builder, ContentLibrary library, ILogger<ClauseModel> logger) : OrganisationPageModel
{
    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public Language DocumentLanguage { get; private set; }

    /// <summary>The clause as the library writes it for this organisation.</summary>
    public Clause Original { get; private set; } = null!;

    /// <summary>The clause as it stands now (adapted or not).</summary>
    public Clause Current { get; private set; } = null!;

    public bool IsAdapted => Current.Origin == ClauseOrigin.Adapted;

    /// <summary>The fingerprint of the stored adaptation the form was built on (optimistic concurrency).</summary>
    [BindProperty]
    public string? Base { get; set; }

    /// <summary>After a refused stale save: the clause as someone else saved it meanwhile (null: the original).</summary>
    public ClauseText? ChangedMeanwhile { get; private set; }

    public bool Conflict { get; private set; }

    /// <summary>The adaptation in another language, when this language has none yet: the text to translate.</summary>
    public ClauseText? ToTranslate { get; private set; }

    /// <summary>
    /// For the editor only: an answer still without its English text reads "[to be filled in]",
    /// so that a clause can be translated before every answer is. No document is made this way.
    /// </summary>
    private AnswerSet WithAnswerPlaceholders(AnswerSet a)
    {
        var effective = AnswerDefaults.Apply(a, library);
        if (DocumentLanguage != Language.En || effective.List("languages").FirstOrDefault() == "en")
        {
            return a;
        }

        var missing = ProtocolBuilder.Missing.En;
        var result = a;
        foreach (var q in library.Interview.Questions.Where(q => q.NeedsEachLanguage))
        {
            AnswerValue? filled = effective.Get(q.Id) switch
            {
                TextAnswer { En: null } t => t with { En = missing },
                ListAnswer l when Enumerable.Range(0, l.Items.Count).Any(i => l.EnglishItem(i) is null) =>
                    l with { En = l.Items.Select((_, i) => l.EnglishItem(i) ?? missing).ToList() },
                ContactAnswer { Contact.NameEn: null } c => c with { Contact = c.Contact with { NameEn = missing } },
                _ => null,
            };
            if (filled is not null)
            {
                result = result.With(q.Id, filled);
            }
        }

        return result;
    }

    private AnswerSet InDocumentLanguage(AnswerSet a) => a with
    {
        Customisations = a.Customisations with
        {
            Adapted = a.Customisations.Adapted.Where(x => x.For(DocumentLanguage) is not null).ToList(),
            Custom = a.Customisations.Custom.Where(x => x.For(DocumentLanguage) is not null).ToList(),
        },
    };

    public Dictionary<string, LocalText> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(string clauseId, string? lang)
    {
        var draft = await protocols.GetAsync(OrgId);
        if (draft is null || !Load(draft, clauseId, lang))
        {
            return NotFound();
        }

        // An adaptation is shown exactly as it was typed; a library clause as editable text.
        var adapted = Stored(draft, clauseId);
        Title = adapted?.Title ?? Current.Title;
        Text = adapted?.Body ?? BlockText.ToEditable(Current.Blocks);
        Base = Fingerprint.OfText(adapted);
        return Page();
    }

    private ClauseText? Stored(ProtocolDraft draft, string clauseId) =>
        draft.Answers.Customisations.Adapted.FirstOrDefault(a => a.ClauseId == clauseId)?.For(DocumentLanguage);

    private bool Unchanged(ProtocolDraft d, string clauseId) => string.IsNullOrEmpty(Base) || Fingerprint.OfText(Stored(d, clauseId)) == Base;

    /// <summary>Someone changed this clause after the form was loaded: keep what this user typed, show theirs.</summary>
    private IActionResult Refuse(ProtocolDraft current, string clauseId, string? lang)
    {
        Load(current, clauseId, lang);
        ChangedMeanwhile = Stored(current, clauseId);
        Conflict = true;
        Base = Fingerprint.OfText(ChangedMeanwhile);
        Response.StatusCode = StatusCodes.Status409Conflict;
        logger.LogInformation("Stale save of clause {ClauseId} in organisation {OrganisationId} refused", clauseId, OrgId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string clauseId, string? lang)
    {
        var draft = await protocols.GetAsync(OrgId);
        if (draft is null || !Load(draft, clauseId, lang))
        {
            return NotFound();
        }

        var text = new ClauseText(FormText.Lines(Title).Trim(), FormText.Lines(Text).Trim());
        var candidate = With(draft.Answers.Customisations, clauseId, text);
        var field = $"adapted_clauses.{clauseId}.{DocumentLanguage.Code()}";
        foreach (var e in AnswersValidator.Validate(AnswerDefaults.Apply(draft.Answers with { Customisations = candidate }, library), library)
                     .Where(e => e.Field.StartsWith(field, StringComparison.Ordinal)))
        {
            var key = e.Field.EndsWith(".text", StringComparison.Ordinal) ? "Text" : "Title";
            Errors.TryAdd(key, e.Message);
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        try
        {
            await protocols.UpdateAsync(OrgId, UserId, d => Unchanged(d, clauseId), d => d.Customise(With(d.Answers.Customisations, clauseId, text)));
        }
        catch (ConcurrentChangeException conflict)
        {
            return Refuse(conflict.Current, clauseId, lang);
        }

        logger.LogInformation("Organisation {OrganisationId} adapted clause {ClauseId} ({Language})", OrgId, clauseId, DocumentLanguage.Code());
        return LocalRedirect($"/o/{OrgId}/protocol?lang={DocumentLanguage.Code()}&saved=1#c-{clauseId}");
    }

    public async Task<IActionResult> OnPostRestoreAsync(string clauseId, string? lang)
    {
        var draft = await protocols.GetAsync(OrgId);
        if (draft is null || !Load(draft, clauseId, lang))
        {
            return NotFound();
        }

        try
        {
            // Every language at once, so that the languages of the protocol stay in step.
            await protocols.UpdateAsync(OrgId, UserId, d => Unchanged(d, clauseId), d => d.Customise(Restored(d.Answers.Customisations, clauseId)));
        }
        catch (ConcurrentChangeException conflict)
        {
            var current = Stored(conflict.Current, clauseId);
            Title = current?.Title ?? Title;
            Text = current?.Body ?? Text;
            return Refuse(conflict.Current, clauseId, lang);
        }

        logger.LogInformation("Organisation {OrganisationId} restored clause {ClauseId}", OrgId, clauseId);
        return LocalRedirect($"/o/{OrgId}/protocol?lang={DocumentLanguage.Code()}&restored=1#c-{clauseId}");
    }

    /// <summary>The customisations without any adaptation of this clause: the library text in every language.</summary>
    private static Customisations Restored(Customisations c, string clauseId) => c with { Adapted = c.Adapted.Where(a => a.ClauseId != clauseId).ToList() };

    /// <summary>The customisations with this clause's text in the document language replaced (null restores the original).</summary>
    private Customisations With(Customisations c, string clauseId, ClauseText? text)
    {
        var existing = c.Adapted.FirstOrDefault(a => a.ClauseId == clauseId) ?? new AdaptedClause(clauseId, null, null);
        var updated = DocumentLanguage == Language.Nl ? existing with { Nl = text } : existing with { En = text };
        var list = c.Adapted.Where(a => a.ClauseId != clauseId).ToList();
        if (updated.Nl is not null || updated.En is not null)
        {
            list.Add(updated);
        }

        return c with { Adapted = list };
    }

    private bool Load(ProtocolDraft draft, string clauseId, string? lang)
    {
        if (draft.Status != ProtocolStatus.Generated || library.Clause(clauseId) is not { Generator: ClauseGenerator.None })
        {
            return false;
        }

        var languages = builder.Languages(draft.Answers);
        DocumentLanguage = LanguageExtensions.TryParse(lang, out var l) && languages.Contains(l) ? l : languages[0];
        // Texts still without this language are left out here, so that each can be translated in turn.
        var answers = WithAnswerPlaceholders(InDocumentLanguage(draft.Answers));
        var current = builder.Final(answers, DocumentLanguage).Document?.AllClauses.FirstOrDefault(c => c.Id == clauseId);
        var original = builder.Final(answers with { Customisations = Restored(answers.Customisations, clauseId) }, DocumentLanguage)
            .Document?.AllClauses.FirstOrDefault(c => c.Id == clauseId);
        var adaptation = draft.Answers.Customisations.Adapted.FirstOrDefault(a => a.ClauseId == clauseId);
        ToTranslate = adaptation is not null && adaptation.For(DocumentLanguage) is null ? adaptation.Nl ?? adaptation.En : null;
        if (current is null || original is null)
        {
            return false;
        }

        Current = current;
        Original = original;
        return true;
    }
}
