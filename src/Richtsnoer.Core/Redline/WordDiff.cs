using System.Globalization;
using System.Text;
using DiffPlex;
using DiffPlex.Model;
using Richtsnoer.Core.Model;

namespace Richtsnoer.Core.Redline;

/// <summary>
/// Word-level diff through DiffPlex (Myers' algorithm). Text is cut into words, runs of
/// whitespace and single punctuation marks, never inside a grapheme cluster; a word keeps its
/// emphasis, so a word that only became bold shows as deleted and inserted. Two clean-ups keep
/// the result readable: whitespace between two changes joins them, and within each change the
/// deleted words come before the inserted ones.
/// </summary>
internal static class WordDiff
{
    private readonly record struct Token(string Text, bool Strong)
    {
        public string Key => (Strong ? "b" : "n") + Text;
    }

    public static TextDiff Compare(string oldText, string newText) =>
        Compare([new Inline(oldText)], [new Inline(newText)]);

    public static TextDiff Compare(IReadOnlyList<Inline> oldInlines, IReadOnlyList<Inline> newInlines)
    {
        var a = Tokens(oldInlines);
        var b = Tokens(newInlines);
        var ops = new List<(RunKind Kind, Token Token)>(a.Count + b.Count);
        var blocks = Diff(a.Select(t => t.Key).ToArray(), b.Select(t => t.Key).ToArray());
        var ia = 0;
        foreach (var block in blocks)
        {
            while (ia < block.DeleteStartA)
            {
                ops.Add((RunKind.Equal, a[ia++]));
            }

            for (var k = 0; k < block.DeleteCountA; k++)
            {
                ops.Add((RunKind.Deleted, a[ia++]));
            }

            for (var k = 0; k < block.InsertCountB; k++)
            {
                ops.Add((RunKind.Inserted, b[block.InsertStartB + k]));
            }
        }

        while (ia < a.Count)
        {
            ops.Add((RunKind.Equal, a[ia++]));
        }

        return new TextDiff(Runs(CleanUp(ops)));
    }

    /// <summary>DiffPlex over two prepared sequences of pieces.</summary>
    internal static IList<DiffBlock> Diff(string[] a, string[] b)
    {
        if (a.AsSpan().SequenceEqual(b))
        {
            return [];
        }

        // DiffPlex cuts text itself; this chunker hands it the pieces we cut, by name.
        return Differ.Instance.CreateDiffs("a", "b", ignoreWhiteSpace: false, ignoreCase: false, new Prepared(a, b)).DiffBlocks;
    }

    private sealed class Prepared(string[] a, string[] b) : IChunker
    {
        public IReadOnlyList<string> Chunk(string text) => text == "a" ? a : b;
    }

    private static List<Token> Tokens(IReadOnlyList<Inline> inlines)
    {
        var tokens = new List<Token>();
        foreach (var inline in inlines)
        {
            var sb = new StringBuilder();
            var kind = 0;
            var e = StringInfo.GetTextElementEnumerator(inline.Text);
            while (e.MoveNext())
            {
                var element = (string)e.Current;
                var k = Kind(element);
                if (sb.Length > 0 && (k != kind || k == 3))
                {
                    tokens.Add(new Token(sb.ToString(), inline.Strong));
                    sb.Clear();
                }

                sb.Append(element);
                kind = k;
            }

            if (sb.Length > 0)
            {
                tokens.Add(new Token(sb.ToString(), inline.Strong));
            }
        }

        return tokens;
    }

    /// <summary>1: part of a word (letters, digits, marks, invisible format characters), 2: whitespace, 3: anything else, one at a time.</summary>
    private static int Kind(string element)
    {
        var c = element[0];
        if (char.IsWhiteSpace(c))
        {
            return 2;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(element, 0);
        return category switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
                or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber or UnicodeCategory.NonSpacingMark
                or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format
                or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse => 1,
            _ => 3,
        };
    }

    private static List<(RunKind Kind, Token Token)> CleanUp(List<(RunKind Kind, Token Token)> ops)
    {
        // Whitespace alone between two changes belongs to both: "[-a b-]{+c d+}", not "[-a-]{+c+} [-b-]{+d+}".
        for (var i = 0; i < ops.Count; i++)
        {
            if (ops[i].Kind != RunKind.Equal || i == 0 || ops[i - 1].Kind == RunKind.Equal)
            {
                continue;
            }

            var j = i;
            while (j < ops.Count && ops[j].Kind == RunKind.Equal && ops[j].Token.Text.All(char.IsWhiteSpace))
            {
                j++;
            }

            if (j > i && j < ops.Count && ops[j].Kind != RunKind.Equal)
            {
                var spaces = ops.GetRange(i, j - i);
                ops.RemoveRange(i, j - i);
                ops.InsertRange(i, spaces.Select(s => (RunKind.Deleted, s.Token)).Concat(spaces.Select(s => (RunKind.Inserted, s.Token))));
                i += (2 * spaces.Count) - 1;
            }
        }

        // Within one stretch of changes, deleted words first: each version's own order is kept.
        var result = new List<(RunKind, Token)>(ops.Count);
        var i0 = 0;
        while (i0 < ops.Count)
        {
            if (ops[i0].Kind == RunKind.Equal)
            {
                result.Add(ops[i0++]);
                continue;
            }

            var end = i0;
            while (end < ops.Count && ops[end].Kind != RunKind.Equal)
            {
                end++;
            }

            var stretch = ops.GetRange(i0, end - i0);
            result.AddRange(stretch.Where(o => o.Kind == RunKind.Deleted));
            result.AddRange(stretch.Where(o => o.Kind == RunKind.Inserted));
            i0 = end;
        }

        return result;
    }

    private static List<DiffRun> Runs(List<(RunKind Kind, Token Token)> ops)
    {
        var runs = new List<DiffRun>();
        var sb = new StringBuilder();
        RunKind kind = default;
        var strong = false;
        foreach (var (k, t) in ops)
        {
            if (sb.Length > 0 && (k != kind || t.Strong != strong))
            {
                runs.Add(new DiffRun(kind, sb.ToString(), strong));
                sb.Clear();
            }

            kind = k;
            strong = t.Strong;
            sb.Append(t.Text);
        }

        if (sb.Length > 0)
        {
            runs.Add(new DiffRun(kind, sb.ToString(), strong));
        }

        return runs;
    }
}
