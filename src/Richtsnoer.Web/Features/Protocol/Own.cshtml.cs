using Microsoft.AspNetCore.Mvc;
using Richtsnoer.Core;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Content;
using Richtsnoer.Storage.Protocols;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Protocol;

/// <summary>Add or edit a clause the organisation writes itself, in a chapter of its choice, tagged with the topics it covers.</summary>
public sealed class OwnModel(ProtocolStore protocols, ProtocolBuilder builder, ContentLibrary library, Microsoft.Extensions.Options.IOptions<UsageLimits> limits, ILogger<OwnModel> logger) : OrganisationPageModel
{
    [BindProperty]
    public string? Section { get; set; }

    [BindProperty]
    public List<string> Topics { get; set; } = [];

    [BindProperty]
    public string? TitleNl { get; set; }

    [BindProperty]
    public string? TextNl { get; set; }

    [BindProperty]
    public string? TitleEn { get; set; }

    [BindProperty]
    public string? TextEn { get; set; }

    public string? Id { get; private set; }

    public IReadOnlyList<Language> Languages { get; private set; } = [];

    public Language DocumentLanguage { get; private set; }

    public ContentLibrary Library => library;

    public Dictionary<string, LocalText> Errors { get; } = [];

    /// <summary>The fingerprint of the own clause the form was built on (optimistic concurrency; empty for a new one).</summary>
    [BindProperty]
    public string? Base { get; set; }

    /// <summary>After a refused stale save: someone else changed or deleted this clause meanwhile.</summary>
    public bool Conflict { get; private set; }

    public CustomClause? ChangedMeanwhile { get; private set; }


    public async Task<IActionResult> OnGetAsync(string? id, string? lang)
    {
        var draft = await protocols.GetAsync(OrgId);
        if (draft is null || !Load(draft, id, lang))
        {
            return NotFound();
        }

        if (draft.Answers.Customisations.Custom.FirstOrDefault(c => c.Id == id) is { } own)
        {
            Section = own.SectionId;
            Topics = own.Topics.ToList();
            (TitleNl, TextNl) = (own.Nl?.Title, own.Nl?.Body);
            (TitleEn, TextEn) = (own.En?.Title, own.En?.Body);
            Base = Fingerprint.OfOwnClause(own);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? id, string? lang)
    {
        var draft = await protocols.GetAsync(OrgId);
        if (draft is not null && id is not null && draft.Status == ProtocolStatus.Generated && draft.Answers.Customisations.Custom.All(c => c.Id != id)
            && Load(draft, null, lang))
        {
            // Deleted by someone else while this form was open: keep the text, saving again adds it anew.
            Conflict = true;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        if (draft is null || !Load(draft, id, lang))
        {
            return NotFound();
        }

        var max = limits.Value.OwnClauses;
        if (id is null && draft.Answers.Customisations.Custom.Count >= max)
        {
            Errors["TitleNl"] = new(
                $"Dit protocol heeft al {max} eigen bepalingen, het maximum. Voeg de tekst toe aan een bestaande eigen bepaling of verwijder er een.",
                $"This protocol already has {max} own clauses, the maximum. Add the text to an existing own clause or delete one.");
            return Page();
        }

        var clause = new CustomClause(
            id ?? "own-" + Guid.NewGuid().ToString("N")[..8],
            (Section ?? string.Empty).Trim(),
            Topics.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct().ToList(),
            Text(TitleNl, TextNl),
            Languages.Contains(Language.En) ? Text(TitleEn, TextEn) : null);
        var candidate = With(draft.Answers.Customisations, clause);
        var index = candidate.Custom.ToList().FindIndex(c => c.Id == clause.Id) + 1;
        var prefix = $"custom_clauses[{index}]";
        foreach (var e in AnswersValidator.Validate(AnswerDefaults.Apply(draft.Answers with { Customisations = candidate }, library), library)
                     .Where(e => e.Field.StartsWith(prefix, StringComparison.Ordinal)))
        {
            Errors.TryAdd(FieldOf(e.Field[prefix.Length..]), e.Message);
        }

        // An own clause has a text in every language of the protocol, so the languages stay in step.
        foreach (var language in Languages.Where(l => Languages.Count > 1 && clause.For(l) is null && (clause.Nl ?? clause.En) is not null))
        {
            Errors.TryAdd(language == Language.Nl ? "TitleNl" : "TitleEn", language == Language.Nl
                ? new("Schrijf de bepaling ook in het Nederlands: het protocol is in het Nederlands en het Engels.", "Write the clause in Dutch too: the protocol is in Dutch and English.")
                : new("Schrijf de bepaling ook in het Engels: het protocol is in het Nederlands en het Engels.", "Write the clause in English too: the protocol is in Dutch and English."));
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        try
        {
            await protocols.UpdateAsync(
                OrgId,
                UserId,
                d => id is null || string.IsNullOrEmpty(Base) || Fingerprint.OfOwnClause(d.Answers.Customisations.Custom.FirstOrDefault(c => c.Id == id)) == Base,
                d => d.Customise(With(d.Answers.Customisations, clause)));
        }
        catch (ConcurrentChangeException conflict)
        {
            ChangedMeanwhile = conflict.Current.Answers.Customisations.Custom.FirstOrDefault(c => c.Id == id);
            Conflict = true;
            Base = Fingerprint.OfOwnClause(ChangedMeanwhile);
            Response.StatusCode = StatusCodes.Status409Conflict;
            logger.LogInformation("Stale save of own clause {ClauseId} in organisation {OrganisationId} refused", id, OrgId);
            return Page();
        }

        logger.LogInformation("Organisation {OrganisationId} saved own clause {ClauseId}", OrgId, clause.Id);
        return LocalRedirect($"/o/{OrgId}/protocol?lang={DocumentLanguage.Code()}&saved=1#c-{clause.Id}");
    }

    private static ClauseText? Text(string? title, string? text) =>
        string.IsNullOrWhiteSpace(title) && string.IsNullOrWhiteSpace(text) ? null : new ClauseText(FormText.Lines(title).Trim(), FormText.Lines(text).Trim());

    private static string FieldOf(string rest) => rest switch
    {
        ".section" => "Section",
        ".topics" => "Topics",
        ".en.text" => "TextEn",
        ".en" or ".en.title" => "TitleEn",
        ".nl.text" => "TextNl",
        _ => "TitleNl",
    };

    private static Customisations With(Customisations c, CustomClause clause)
    {
        var list = c.Custom.ToList();
        var at = list.FindIndex(x => x.Id == clause.Id);
        if (at >= 0)
        {
            list[at] = clause;
        }
        else
        {
            list.Add(clause);
        }

        return c with { Custom = list };
    }

    private bool Load(ProtocolDraft draft, string? id, string? lang)
    {
        if (draft.Status != ProtocolStatus.Generated || (id is not null && draft.Answers.Customisations.Custom.All(c => c.Id != id)))
        {
            return false;
        }

        Id = id;
        Languages = builder.Languages(draft.Answers);
        DocumentLanguage = LanguageExtensions.TryParse(lang, out var l) && Languages.Contains(l) ? l : Languages[0];
        return true;
    }
}
