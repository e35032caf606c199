namespace Richtsnoer.Core.PostCheck.Pipeline;

/// <summary>
/// A list of words and phrases matched on the tokens of a post (stage 3). Each entry is split
/// into words the way a post is (<see cref="Tokenizer"/>), so "oost-europeanen" and "oost
/// europeanen" are the same. A trailing * lets the last word start a compound (ontslag*), a
/// leading * lets the first word end one (*ontsteking). With <c>forms</c> every one-word entry
/// also matches its Dutch and English inflections (<see cref="DutchMorphology.Forms"/>). A
/// short word in capitals (MT, HR) only matches in capitals.
/// </summary>
public sealed class PhraseSet
{
    private readonly record struct Entry(string[] Words, bool OpenEnd, bool OpenStart, string Text, bool Capitals = false);

    private readonly Dictionary<string, List<Entry>> byFirst = new(StringComparer.Ordinal);
    private readonly List<Entry> suffixed = [];

    public PhraseSet(IEnumerable<string> entries, bool forms = false)
    {
        foreach (var raw in entries)
        {
            var text = raw.Trim();
            var openStart = text.StartsWith('*');
            var openEnd = text.EndsWith('*') && !openStart;
            var words = Tokenizer.Split(text.Trim('*')).Select(t => t.Norm).ToArray();
            if (words.Length == 0)
            {
                continue;
            }

            if (openStart)
            {
                suffixed.Add(new Entry(words, false, true, text));
                continue;
            }

            var variants = forms && words.Length == 1 && !openEnd ? DutchMorphology.Forms(words[0]) : (IEnumerable<string>)[words[0]];
            foreach (var v in variants)
            {
                var w = (string[])words.Clone();
                w[0] = v;
                if (!byFirst.TryGetValue(v, out var list))
                {
                    byFirst[v] = list = [];
                }

                // A short word written in capitals (MT, HR) only matches in capitals, as in the word lists.
                list.Add(new Entry(w, openEnd, false, text, text.Length <= 3 && text.All(char.IsUpper)));
                if (openEnd && w.Length == 1)
                {
                    prefixes.Add((v, text));
                }
            }

            Count++;
        }
    }

    private readonly List<(string Prefix, string Text)> prefixes = [];

    public int Count { get; private set; }

    /// <summary>
    /// The entry that matches at token <paramref name="i"/>, with the index of its last token. With
    /// <paramref name="gap"/> &gt; 0 up to that many other words may stand between the words of a
    /// phrase ("neemt ons over", "kunnen echt niet"), within one sentence.
    /// </summary>
    public (string Text, int Last)? MatchAt(IReadOnlyList<Token> tokens, int i, int gap = 0)
    {
        var norm = tokens[i].Norm;
        if (norm.EndsWith("'s", StringComparison.Ordinal) && !byFirst.ContainsKey(norm))
        {
            norm = norm[..^2];
        }

        (string, int)? best = null;
        if (byFirst.TryGetValue(norm, out var list))
        {
            foreach (var e in list)
            {
                if (e.Capitals && !tokens[i].Is(TokenFlags.AllCaps))
                {
                    continue;
                }

                if (Rest(tokens, i, e, gap) is { } last && (best is null || last > best.Value.Item2))
                {
                    best = (e.Text, last);
                }
            }
        }

        if (best is null)
        {
            foreach (var (prefix, text) in prefixes)
            {
                if (norm.Length > prefix.Length && norm.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return (text, i);
                }
            }

            foreach (var e in suffixed)
            {
                if (e.Words.Length == 1 && norm.Length > e.Words[0].Length + 1 && norm.EndsWith(e.Words[0], StringComparison.Ordinal))
                {
                    return (e.Text, i);
                }
            }
        }

        return best;
    }

    private static int? Rest(IReadOnlyList<Token> tokens, int i, Entry e, int gap)
    {
        var at = i;
        for (var w = 1; w < e.Words.Length; w++)
        {
            var found = -1;
            for (var k = at + 1; k < tokens.Count && k <= at + 1 + gap && tokens[k].Sentence == tokens[i].Sentence; k++)
            {
                var n = tokens[k].Norm;
                if (n == e.Words[w] || (e.OpenEnd && w == e.Words.Length - 1 && n.StartsWith(e.Words[w], StringComparison.Ordinal)))
                {
                    found = k;
                    break;
                }
            }

            if (found < 0)
            {
                return null;
            }

            at = found;
        }

        return at;
    }

    /// <summary>Every match in the post, left to right, not overlapping.</summary>
    public IEnumerable<(int First, int Last, string Text)> Matches(IReadOnlyList<Token> tokens, int gap = 0)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (MatchAt(tokens, i, gap) is { } m)
            {
                yield return (i, m.Last, m.Text);
                i = m.Last;
            }
        }
    }

    /// <summary>True when some entry matches in the sentence of the post.</summary>
    public bool InSentence(IReadOnlyList<Token> tokens, int sentence, int gap = 0)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Sentence == sentence && MatchAt(tokens, i, gap) is not null)
            {
                return true;
            }
        }

        return false;
    }

    public bool Contains(string word) => byFirst.TryGetValue(word, out var list) && list.Any(e => e.Words.Length == 1);
}
