using System.Text.RegularExpressions;
using Richtsnoer.Core.Model;

namespace Richtsnoer.Core.Quality;

/// <summary>The counts every readability formula is built from.</summary>
public sealed record TextStatistics(int Words, int Sentences, int Syllables, int LongWords)
{
    public static readonly TextStatistics Zero = new(0, 0, 0, 0);

    public double WordsPerSentence => Sentences == 0 ? 0 : (double)Words / Sentences;

    public double SyllablesPerWord => Words == 0 ? 0 : (double)Syllables / Words;

    /// <summary>The share of words with seven letters or more (for LIX), 0 to 1.</summary>
    public double LongWordShare => Words == 0 ? 0 : (double)LongWords / Words;

    public static TextStatistics operator +(TextStatistics a, TextStatistics b) =>
        new(a.Words + b.Words, a.Sentences + b.Sentences, a.Syllables + b.Syllables, a.LongWords + b.LongWords);
}

/// <summary>
/// Splits text into sentences and words and counts them. A unit of text (a paragraph, a list
/// item, a table cell) always ends a sentence; inside a unit a sentence ends at . ! ? or …
/// followed by a space and a capital, a digit or a quote, unless the word before the full stop is
/// an abbreviation (bijv., o.a., art., e.g.). A word is a run of letters and digits, joined by
/// hyphens, apostrophes or inner full stops (e-mail, zo'n, o.a., 7:678). A number counts as a
/// word of one syllable per digit. E-mail addresses, web addresses and phone numbers are contact
/// details that nobody reads as prose: they are left out.
/// </summary>
public static partial class TextAnalyser
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "bijv", "bv", "b.v", "o.a", "d.w.z", "m.a.w", "enz", "etc", "art", "nr", "e.g", "i.e", "mr", "mrs", "ms",
        "dr", "ca", "incl", "excl", "rb", "vs", "resp", "zgn", "t.a.v", "i.p.v", "m.b.t", "a.s", "jl", "p", "blz", "no",
    };

    [GeneratedRegex(@"'[stnkTSNK]\b|[\p{L}\p{M}\d]+(?:[-'’.,:/][\p{L}\p{M}\d]+)*")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"([.!?…]+)([""'”’)\]]*)\s+(?=[\p{Lu}\d""'“‘(])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\S+@\S+\.\w+|(?:https?://|www\.)\S+|(?<![\w:])(?:\+|\(0)?\d[\d\s().\-]{6,}\d(?![\w:])")]
    private static partial Regex ContactDetails();

    public static TextStatistics Analyse(IEnumerable<string> units, Language language)
    {
        var total = TextStatistics.Zero;
        foreach (var unit in units)
        {
            total += AnalyseUnit(unit, language);
        }

        return total;
    }

    public static TextStatistics AnalyseUnit(string unit, Language language)
    {
        var total = TextStatistics.Zero;
        foreach (var sentence in Sentences(unit))
        {
            var words = Words(sentence);
            if (words.Count == 0)
            {
                continue;
            }

            total += new TextStatistics(
                words.Count,
                1,
                words.Sum(w => Syllables(w, language)),
                words.Count(w => w.Count(char.IsLetter) >= 7));
        }

        return total;
    }

    /// <summary>The sentences of one unit of text.</summary>
    public static IReadOnlyList<string> Sentences(string unit)
    {
        var result = new List<string>();
        var start = 0;
        foreach (Match m in SentenceEnd().Matches(unit))
        {
            if (m.Groups[1].Value == "." && IsAbbreviation(unit, m.Index))
            {
                continue;
            }

            var end = m.Index + m.Groups[1].Length + m.Groups[2].Length;
            Add(unit[start..end]);
            start = m.Index + m.Length;
        }

        Add(unit[start..]);
        return result;

        void Add(string s)
        {
            if (WordPattern().IsMatch(s))
            {
                result.Add(s.Trim());
            }
        }
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        var i = dot;
        while (i > 0 && (char.IsLetter(text[i - 1]) || text[i - 1] == '.'))
        {
            i--;
        }

        var word = text[i..dot];
        return Abbreviations.Contains(word) || (word.Length == 1 && char.IsUpper(word[0]));
    }

    public static IReadOnlyList<string> Words(string text) =>
        WordPattern().Matches(ContactDetails().Replace(text, " ")).Select(m => m.Value.TrimEnd('.')).Where(w => w.Length > 0).ToList();

    public static int Syllables(string word, Language language)
    {
        if (word.Any(char.IsDigit))
        {
            return Math.Max(1, word.Count(char.IsDigit));
        }

        return language == Language.Nl ? DutchSyllables.Count(word) : EnglishSyllables.Count(word);
    }
}

/// <summary>The readable text of document blocks: one unit per paragraph, list item, table cell and example.</summary>
public static class BlockText
{
    public static IEnumerable<string> Units(IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Paragraph p:
                    yield return p.Inlines.PlainText();
                    break;
                case Example e:
                    yield return e.Inlines.PlainText();
                    break;
                case BulletList l:
                    foreach (var item in l.Items)
                    {
                        yield return item.PlainText();
                    }

                    break;
                case NumberedList l:
                    foreach (var item in l.Items)
                    {
                        yield return item.PlainText();
                    }

                    break;
                case Table t:
                    // The header row holds labels, not sentences.
                    foreach (var cell in t.Rows.Skip(1).SelectMany(r => r))
                    {
                        yield return cell.PlainText();
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// Units for pattern matching: like <see cref="Units"/>, but a paragraph that ends in a colon
    /// is joined to every item of the list after it ("Het is verboden om: - ..."), so that a rule
    /// and its items are read together.
    /// </summary>
    public static IEnumerable<string> Statements(IReadOnlyList<Block> blocks)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            var lead = blocks[i] is Paragraph p ? p.Inlines.PlainText().TrimEnd() : null;
            var next = i + 1 < blocks.Count ? blocks[i + 1] : null;
            var items = next switch
            {
                BulletList l => l.Items,
                NumberedList l => l.Items,
                _ => null,
            };
            if (lead is not null && lead.EndsWith(':') && items is not null)
            {
                yield return lead;
                var rule = TextAnalyser.Sentences(lead).LastOrDefault() ?? lead;
                foreach (var item in items)
                {
                    yield return rule + " " + item.PlainText();
                }

                i++;
                continue;
            }

            foreach (var unit in Units([blocks[i]]))
            {
                yield return unit;
            }
        }
    }
}
