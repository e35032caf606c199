using System.Collections.Concurrent;
using Richtsnoer.Core;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Content;
using Richtsnoer.Core.PostCheck;
using Richtsnoer.Storage.Protocols;
using Richtsnoer.Web.Features.Protocol;

namespace Richtsnoer.Web.Features.Tools;

/// <summary>What the tools of one organisation need: its effective answers and its post checker.</summary>
public sealed record ToolsContext(AnswerSet Effective, PostChecker Checker)
{
    /// <summary>
    /// The post check as the page and the API give it: not started for a client that has gone,
    /// and at most <see cref="EmployeeTools.MaxFindingsShown"/> findings with the total.
    /// </summary>
    public PostCheckResult Check(string draft, CancellationToken aborted)
    {
        aborted.ThrowIfCancellationRequested();
        return Checker.Check(draft).Limit(EmployeeTools.MaxFindingsShown);
    }
}

/// <summary>
/// Builds the post checker of an organisation (lexicon + its answers + its protocol) and keeps
/// it per saved revision of the answers and language, so a check costs microseconds. Nothing
/// about a draft is kept: only the checker, which holds the organisation's own terms.
/// </summary>
public sealed class EmployeeTools(ProtocolStore protocols, ProtocolBuilder builder, ContentLibrary library, CheckLexicon lexicon)
{
    /// <summary>
    /// Longest text the web page and the API accept: a long blog post (about 8,000 words). A
    /// social media post is far shorter; a longer text is not what the check is for.
    /// </summary>
    public const int MaxLength = 50_000;

    /// <summary>Findings the page and the API list; the total is always given.</summary>
    public const int MaxFindingsShown = 200;

    private const int MaxCached = 200;

    private readonly ConcurrentDictionary<(Guid Org, int Revision, Language Language), ToolsContext> cache = new();

    public ContentLibrary Library => library;

    public async Task<ToolsContext?> ForAsync(Guid organisationId, Language language)
    {
        if (await protocols.GetAsync(organisationId) is not { } draft)
        {
            return null;
        }

        var key = (organisationId, draft.Revision, language);
        if (cache.TryGetValue(key, out var context))
        {
            return context;
        }

        if (cache.Count >= MaxCached)
        {
            cache.Clear();
        }

        var effective = AnswerDefaults.Apply(draft.Answers, library);
        var protocol = builder.Preview(draft.Answers, language).Document;
        context = new ToolsContext(effective, PostChecker.Create(lexicon, effective, protocol, language));
        cache[key] = context;
        return context;
    }

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
