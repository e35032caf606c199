using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Model;
using Richtsnoer.Core.Quality;

namespace Richtsnoer.Core.PostCheck;

/// <summary>
/// The clause a finding points to, computed from the assembled protocol: of the clauses on the
/// category's topic, the one whose text names the organisation's term (the clause on competitors
/// names them; the clause on business relations in general does not), else the first on the
/// topic. Holds only numbers, titles and which term each clause names, not the texts.
/// </summary>
public sealed class ClauseIndex
{
    public static readonly ClauseIndex None = new([], []);

    private readonly Dictionary<CheckCategory, ClauseRef> first;
    private readonly Dictionary<CheckCategory, List<(ClauseRef Ref, List<string> Terms)>> naming;

    private ClauseIndex(Dictionary<CheckCategory, ClauseRef> first, Dictionary<CheckCategory, List<(ClauseRef Ref, List<string> Terms)>> naming)
    {
        this.first = first;
        this.naming = naming;
    }

    public static ClauseIndex Of(ProtocolDocument? protocol, IReadOnlyList<string> terms)
    {
        if (protocol is null)
        {
            return None;
        }

        var first = new Dictionary<CheckCategory, ClauseRef>();
        var naming = new Dictionary<CheckCategory, List<(ClauseRef, List<string>)>>();
        foreach (var category in Categories.All)
        {
            var topic = category.Topic();
            foreach (var clause in protocol.AllClauses.Where(c => c.Topics.Contains(topic)))
            {
                var reference = new ClauseRef(clause.Number, clause.Title);
                first.TryAdd(category, reference);
                var text = string.Join("\n", BlockText.Units(clause.Blocks));
                var named = Named(text, terms).ToList();
                if (named.Count > 0)
                {
                    if (!naming.TryGetValue(category, out var list))
                    {
                        naming[category] = list = [];
                    }

                    list.Add((reference, named));
                }
            }
        }

        return new ClauseIndex(first, naming);
    }

    /// <summary>
    /// The organisation's terms a clause can name, from its effective answers: relations,
    /// competitors and confidential matters, the matters also in their English wording.
    /// </summary>
    public static IReadOnlyList<string> TermsOf(AnswerSet effective) =>
    [
        .. effective.List("relations"),
        .. effective.List("competitors"),
        .. effective.List("confidential_matters"),
        .. effective.Get<ListAnswer>("confidential_matters")?.En?.OfType<string>() ?? [],
    ];

    /// <summary>
    /// Everything the index holds, as one text: per category the first clause and the clauses that
    /// name terms, with the terms. Two indexes with the same description point every finding to the
    /// same clause (a cache of checkers keys on it).
    /// </summary>
    public string Describe()
    {
        var sb = new System.Text.StringBuilder();
        foreach (var category in Categories.All)
        {
            sb.Append(category).Append('=');
            if (first.TryGetValue(category, out var f))
            {
                sb.Append(f.Number).Append('\u001f').Append(f.Title);
            }

            foreach (var (reference, terms) in naming.GetValueOrDefault(category) ?? [])
            {
                sb.Append('\u001e').Append(reference.Number).Append('\u001f').Append(reference.Title).Append('\u001f').AppendJoin('\u001f', terms);
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>The terms a clause text names (case-insensitive).</summary>
    public static IEnumerable<string> Named(string clauseText, IEnumerable<string> terms) =>
        terms.Where(t => t.Trim().Length >= 2 && clauseText.Contains(t.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The clause for a finding about <paramref name="term"/> (the configured name, or the words
    /// found: "huisstijl" of the matter "de nieuwe huisstijl").
    /// </summary>
    public ClauseRef? For(CheckCategory category, string term)
    {
        var t = term.Trim();
        if (t.Length >= 2 && naming.TryGetValue(category, out var list))
        {
            foreach (var (reference, terms) in list)
            {
                if (terms.Exists(n => n.Contains(t, StringComparison.OrdinalIgnoreCase)))
                {
                    return reference;
                }
            }
        }

        return first.GetValueOrDefault(category);
    }
}
