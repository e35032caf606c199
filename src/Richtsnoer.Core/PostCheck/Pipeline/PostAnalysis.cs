namespace Richtsnoer.Core.PostCheck.Pipeline;

/// <summary>A finding before its message is written: category, kind and span of the draft.</summary>
public readonly record struct RawSpan(CheckCategory Category, string Kind, int Start, int End, string? Term = null);

/// <summary>
/// What the stages know about one post: the draft, its tokens (stage 1), the findings of the
/// word lists (stage 3) and the organisation's vocabulary. Context rules (stage 4) read it, add
/// findings and take back findings that the context shows to be innocent.
/// </summary>
public sealed class PostAnalysis(string draft, IReadOnlyList<Token> tokens, List<RawSpan> findings, OrganisationVocabulary vocabulary, ContextLexicon words)
{
    public string Draft => draft;

    public IReadOnlyList<Token> Tokens => tokens;

    public List<RawSpan> Findings => findings;

    public OrganisationVocabulary Vocabulary => vocabulary;

    public ContextLexicon Words => words;

    public int SentenceCount => tokens.Count == 0 ? 0 : tokens[^1].Sentence + 1;

    public void Add(CheckCategory category, string kind, int firstToken, int lastToken) =>
        findings.Add(new RawSpan(category, kind, tokens[firstToken].Start, tokens[lastToken].End));

    public bool Has(CheckCategory category) => findings.Exists(f => f.Category == category);

    private readonly Dictionary<PhraseSet, bool[]> sentences = [];

    /// <summary>The sentences in which an entry of the set matches (computed once per set and post).</summary>
    public bool[] SentencesWith(PhraseSet set, int gap = 0)
    {
        if (!sentences.TryGetValue(set, out var result))
        {
            result = new bool[SentenceCount];
            foreach (var (first, _, _) in set.Matches(tokens, gap))
            {
                result[tokens[first].Sentence] = true;
            }

            sentences[set] = result;
        }

        return result;
    }

    /// <summary>True when an entry of the set matches anywhere in the post.</summary>
    public bool AnyWith(PhraseSet set, int gap = 0) => Array.IndexOf(SentencesWith(set, gap), true) >= 0;

    /// <summary>The first token that starts at or after a position of the draft.</summary>
    private int FirstFrom(int position)
    {
        int lo = 0, hi = tokens.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (tokens[mid].End <= position)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The tokens inside a span of the draft.</summary>
    public IEnumerable<int> TokensIn(int start, int end)
    {
        for (var i = FirstFrom(start); i < tokens.Count && tokens[i].Start < end; i++)
        {
            if (tokens[i].Start >= start && tokens[i].End <= end)
            {
                yield return i;
            }
        }
    }

    /// <summary>The token that holds a position of the draft, or -1.</summary>
    public int TokenAt(int position)
    {
        var i = FirstFrom(position);
        return i < tokens.Count && tokens[i].Start <= position ? i : -1;
    }

    /// <summary>True when the draft has an amount of money or a percentage: 145 euro, €5, 12k, 1,1 miljoen, 10%.</summary>
    public bool HasMoney() => moneyFound ??= Amounts(money: true);

    private bool? moneyFound;
    private bool? numberFound;

    /// <summary>True when the draft has a number other than a year (a mark like 3,2 counts).</summary>
    public bool HasNumber() => numberFound ??= Amounts(money: false);

    private bool Amounts(bool money)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            var n = t.Norm;
            var number = t.Is(TokenFlags.Number);
            var withUnit = n.Length > 1 && char.IsDigit(n[0]) && (n.EndsWith('k') || n.EndsWith("mln", StringComparison.Ordinal)) && n[..^1].All(c => char.IsDigit(c) || c is ',' or '.' or 'm' or 'l');
            if (!number && !withUnit)
            {
                continue;
            }

            if (withUnit)
            {
                return true;
            }

            var before = t.Start > 0 ? draft[t.Start - 1] : ' ';
            var before2 = t.Start > 1 ? draft[t.Start - 2] : ' ';
            var after = t.End < draft.Length ? draft[t.End] : ' ';
            var after2 = t.End + 1 < draft.Length ? draft[t.End + 1] : ' ';
            if (before is '€' or '$' or '£' || (before == ' ' && before2 is '€' or '$') || after == '%' || (after == ' ' && after2 == '%'))
            {
                return true;
            }

            if (i + 1 < tokens.Count && tokens[i + 1].Norm is "euro" or "eur" or "miljoen" or "million" or "duizend" or "procent" or "percent" or "k" or "mln" or "ton" or "cent")
            {
                return true;
            }

            if (!money && !(n.Length == 4 && n.StartsWith("20", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>One rule of stage 4: reads the analysis, adds findings or takes innocent ones back.</summary>
public interface IContextRule
{
    void Apply(PostAnalysis post);
}
