using Richtsnoer.Core;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Content;
using Richtsnoer.Core.PostCheck;
using Richtsnoer.Storage.Protocols;
using Richtsnoer.Web.Features.Protocol;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Tools;

/// <summary>
/// What the tools of one organisation need: its effective answers and its post checker (which
/// knows the clauses its findings point to). Small on purpose: one is kept per organisation and
/// language, for the revision it was made of, and the assembled protocol is not among them.
/// </summary>
public sealed record ToolsContext(AnswerSet Effective, PostChecker Checker)
{
    /// <summary>
    /// The post check as the page and the API give it: not started for a client that has gone,
    /// and at most <see cref="EmployeeTools.MaxFindingsShown"/> findings with the total. Each
    /// finding points to the clause of the assembled protocol that names what was found (Core).
    /// </summary>
    public PostCheckResult Check(string draft, CancellationToken aborted)
    {
        aborted.ThrowIfCancellationRequested();
        return Checker.Check(draft).Limit(EmployeeTools.MaxFindingsShown);
    }
}

/// <summary>
/// Builds the post checker of an organisation (lexicon + its answers + its protocol) and keeps it,
/// so a check costs microseconds. Building one takes a few milliseconds of CPU and about 2 MB of
/// short-lived memory, and it holds about 75 KB, so checkers are kept by what goes into them (the
/// organisation's names, relations, competitors, matters, aliases, contact, and the clauses its
/// findings point to), not by the draft's revision: a save that changes none of that (nearly every
/// interview save) keeps the checker. At most <see cref="MaxCheckers"/> are kept, the least
/// recently used leaves first. Nothing about a draft is kept: only the checker, which holds the organisation's own terms.
/// </summary>
public sealed class EmployeeTools(ProtocolStore protocols, ProtocolBuilder builder, ContentLibrary library, CheckLexicon lexicon)
{
    /// <summary>
    /// Longest text the web page and the API accept: a long blog post (about 8,000 words). A
    /// social media post is far shorter; a longer text is not what the check is for.
    /// </summary>
    public const int MaxLength = 50_000;

    /// <summary>The answer to a draft that is too long, on every page and in the API.</summary>
    public static readonly LocalText TooLong = new(
        $"De tekst is te lang om te controleren: meer dan {MaxLength.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"))} tekens.",
        $"The text is too long to check: more than {MaxLength.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))} characters.");

    /// <summary>The answer to an empty draft, on every page.</summary>
    public static readonly LocalText Empty = new("Typ of plak eerst een bericht.", "Type or paste a post first.");

    /// <summary>Why a draft cannot be checked (nothing in it, or too long); null when it can.</summary>
    public static LocalText? DraftProblem(string text) =>
        string.IsNullOrWhiteSpace(text) ? Empty : text.Length > MaxLength ? TooLong : null;

    /// <summary>Findings the page and the API list; the total is always given.</summary>
    public const int MaxFindingsShown = 200;

    /// <summary>
    /// Checkers kept: about 75 KB each (the shared lexicon is not in them), so 128 is under 10 MB.
    /// With fewer than the organisations checking at once, every check built a checker again
    /// (measured: 45 builds a second with 100 organisations and room for 32).
    /// </summary>
    public const int MaxCheckers = 128;

    /// <summary>
    /// Contexts kept: one per organisation and language, replaced when a save makes a new revision.
    /// Keyed by revision they piled up, one per save, until the bound pushed them out.
    /// </summary>
    private const int MaxContexts = 256;

    private readonly BoundedCache<(Guid Org, Language Language), (int Revision, ToolsContext Context)> contexts = new(MaxContexts);

    private readonly BoundedCache<string, Lazy<PostChecker>> checkers = new(MaxCheckers);

    public ContentLibrary Library => library;

    /// <summary>Checkers built since the start (for tests and diagnostics).</summary>
    public int CheckersBuilt => checkersBuilt;

    private int checkersBuilt;

    public async Task<ToolsContext?> ForAsync(Guid organisationId, Language language)
    {
        if (await protocols.GetAsync(organisationId) is not { } draft)
        {
            return null;
        }

        var key = (organisationId, language);
        if (contexts.TryGet(key, out var kept) && kept.Revision == draft.Revision)
        {
            return kept.Context;
        }

        var effective = AnswerDefaults.Apply(draft.Answers, library);
        var clauses = ClauseIndex.Of(builder.Preview(draft.Answers, language).Document, ClauseIndex.TermsOf(effective));
        var inputs = CheckerKey(organisationId, language, effective, clauses);
        // Lazy: two requests that miss at once build one checker, not two.
        var lazy = checkers.GetOrAdd(inputs, _ => new Lazy<PostChecker>(() =>
        {
            Interlocked.Increment(ref checkersBuilt);
            return PostChecker.CreateWith(lexicon, effective, clauses, language);
        }));
        var context = new ToolsContext(effective, lazy.Value);
        contexts.Set(key, (draft.Revision, context));
        return context;
    }

    /// <summary>
    /// Everything <see cref="PostChecker.CreateWith"/>
    /// reads, as one fingerprint: the answers it takes, the language, and the clauses its findings
    /// point to (number, title and which terms each names). More than it needs is harmless (a
    /// rebuild); less would give a stale checker.
    /// </summary>
    internal static string CheckerKey(Guid organisationId, Language language, AnswerSet effective, ClauseIndex clauses)
    {
        var parts = new List<string?> { organisationId.ToString(), language.Code() };
        foreach (var id in CheckerAnswers)
        {
            parts.Add(id);
            parts.Add(Infrastructure.Fingerprint.Canonical(effective.Get(id)));
        }

        parts.Add(clauses.Describe());
        return Infrastructure.Fingerprint.Of(parts);
    }

    /// <summary>The answers <see cref="PostChecker.Create"/> reads.</summary>
    private static readonly string[] CheckerAnswers =
    [
        "org_name", "org_short_names", "org_handles", Core.PostCheck.Pipeline.TermAliases.AnswerId,
        "relations", "competitors", "confidential_matters", "people_served", "doubt_contact", "escalation_contact",
    ];

    /// <summary>The name of a category for people, e.g. "Persoonsgegevens".</summary>
    public static LocalText Label(CheckCategory category) => category switch
    {
        CheckCategory.Confidential => new("Vertrouwelijk", "Confidential"),
        CheckCategory.PersonalData => new("Gegevens van anderen", "Other people's data"),
        CheckCategory.Abusive => new("Grof of kwetsend", "Abusive"),
        CheckCategory.Relation => new("Klant, partner of leverancier", "Client, partner or supplier"),
        CheckCategory.Competitor => new("Concurrent", "Competitor"),
        CheckCategory.Conversation => new("Intern gesprek", "Internal conversation"),
        _ => new("Je werkgever", "Your employer"),
    };
}
