using Richtsnoer.Core.Answers;

namespace Richtsnoer.Core.PostCheck.Pipeline;

/// <summary>
/// The organisation teaches the check: the answer <c>check_aliases</c> holds one line per term,
/// "term = other spelling, short form, synonym" (for example "Sint Olof Ziekenhuis = het Olof,
/// SOZ" or "de overname door Brandsma Groep = fusie met Brandsma"). The term is one of the
/// organisation's names, relations, competitors or confidential matters (any case); its
/// other words are matched like the term itself, with the same morphology. A line whose term is
/// none of these is ignored.
/// </summary>
public sealed class TermAliases
{
    public const string AnswerId = "check_aliases";

    private readonly Dictionary<string, List<string>> aliases = new(StringComparer.OrdinalIgnoreCase);

    public static TermAliases Read(AnswerSet answers)
    {
        var result = new TermAliases();
        foreach (var line in answers.List(AnswerId))
        {
            if (Parse(line) is { } p)
            {
                if (!result.aliases.TryGetValue(p.Term, out var list))
                {
                    result.aliases[p.Term] = list = [];
                }

                list.AddRange(p.Aliases.Where(a => !list.Contains(a, StringComparer.OrdinalIgnoreCase)));
            }
        }

        return result;
    }

    /// <summary>"term = a, b" → (term, [a, b]); null when there is no "=" or nothing on one side.</summary>
    public static (string Term, IReadOnlyList<string> Aliases)? Parse(string line)
    {
        var eq = line.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            return null;
        }

        var term = line[..eq].Trim();
        var list = line[(eq + 1)..].Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(a => a.Length >= 2).ToList();
        return term.Length < 2 || list.Count == 0 ? null : (term, list);
    }

    /// <summary>The term and every other word the organisation gave for it.</summary>
    public IEnumerable<string> WithAliases(string term) =>
        aliases.TryGetValue(term.Trim(), out var list) ? [term, .. list] : [term];

    /// <summary>The other words given for any of these terms.</summary>
    public IEnumerable<string> AliasesOf(IEnumerable<string> terms) =>
        terms.SelectMany(t => aliases.TryGetValue(t.Trim(), out var list) ? list : []);
}
