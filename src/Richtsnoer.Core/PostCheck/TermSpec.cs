using System.Text.RegularExpressions;

namespace Richtsnoer.Core.PostCheck;

/// <summary>
/// A term ready for the automaton: its normalised text and where it may sit in a word.
/// Syntax of a lexicon entry: <c>kanker*</c> may be the first part of a compound
/// (kankerlijer), <c>*lijer</c> the last part, <c>*kut*</c> anywhere; <c>{persoon}</c> stands
/// for every entry of that slot (slots.yaml); a short word in capitals (MT, OR) only matches in
/// capitals.
/// </summary>
internal readonly record struct TermSpec(string Key, bool NeedStart, bool NeedEnd, bool UpperOnly)
{
    private static readonly Regex Slot = new(@"\{([a-z][a-z0-9_]*)\}", RegexOptions.CultureInvariant);

    public static IEnumerable<TermSpec> Expand(string raw, IReadOnlyDictionary<string, IReadOnlyList<LexiconTerm>> slots)
    {
        var text = raw.Trim();
        var needStart = !text.StartsWith('*');
        var needEnd = !text.EndsWith('*');
        text = text.Trim('*').Trim();
        foreach (var variant in ExpandSlots(text, slots, 0))
        {
            if (From(variant, needStart, needEnd) is { } spec)
            {
                yield return spec;
            }
        }
    }

    /// <summary>A spec for a literal text (an organisation's name or term), or null when nothing is left to match.</summary>
    public static TermSpec? From(string text, bool needStart = true, bool needEnd = true)
    {
        var key = NormalisedText.Term(text);
        if (key.Replace(" ", "").Length < 2)
        {
            return null;
        }

        var letters = text.Where(char.IsLetter).ToList();
        var upperOnly = letters.Count is >= 2 and <= 4 && letters.All(char.IsUpper) && !text.Contains(' ');
        return new TermSpec(key, needStart, needEnd, upperOnly);
    }

    private static IEnumerable<string> ExpandSlots(string text, IReadOnlyDictionary<string, IReadOnlyList<LexiconTerm>> slots, int depth)
    {
        var m = Slot.Match(text);
        if (!m.Success || depth > 4)
        {
            yield return text;
            yield break;
        }

        if (!slots.TryGetValue(m.Groups[1].Value, out var values))
        {
            yield break;
        }

        foreach (var v in values)
        {
            var replaced = string.Concat(text.AsSpan(0, m.Index), v.Text, text.AsSpan(m.Index + m.Length));
            foreach (var r in ExpandSlots(replaced, slots, depth + 1))
            {
                yield return r;
            }
        }
    }
}
