using System.Globalization;
using System.Text;

namespace Richtsnoer.Core.Quality;

/// <summary>
/// Counts the written syllables of a Dutch word the way a Dutch dictionary splits it
/// (so-ci-aal, re-a-ge-ren, i-de-eën). A syllable has one vowel sound; the counter groups the
/// vowel letters of a word into those sounds:
/// <list type="bullet">
/// <item>known clusters are one sound: aa, ee, oo, uu, ie, oe, eu, ui, ij, ei, ou, au, ai, oi,
/// and the longer aai, ooi, oei, eeu, ieu, eau (ay, ey, oy in loanwords);</item>
/// <item>a vowel with a diaeresis (ë, ï, ö, ü, ä) always starts a new syllable (i-de-eën, ge-ïnd,
/// na-ïef);</item>
/// <item>other vowel sequences split into clusters from left to right (cre-a-tief, bi-o-scoop,
/// ma-te-ri-aal);</item>
/// <item>English and French loanwords (team, e-mail, online, social, website, update) come from
/// a short list, also inside compounds (teamleider, e-mailadres, socialmediaprotocol).</item>
/// </list>
/// Every word has at least one syllable; an abbreviation in capitals (AVG, BW, DPIA) is spoken
/// letter by letter, one syllable per letter.
/// </summary>
public static class DutchSyllables
{
    // Stands for the vowel "ij" while clusters are parsed; not a letter that occurs in Dutch text.
    private const char Ij = '\u0133';

    private static readonly string[] Clusters =
    [
        "aai", "ooi", "oei", "eeu", "ieu", "eau",
        "aa", "ee", "oo", "uu", "ie", "oe", "eu", "ui", "ei", "ou", "au", "ai", "oi", "ay", "ey", "oy",
    ];

    public static int Count(string word)
    {
        var w = Normalise(word);
        if (w.Length == 0)
        {
            return 0;
        }

        if (IsAbbreviation(word))
        {
            // Capitals are spelled out letter by letter (AVG, BW, DPIA), unless listed as read (NATO).
            return DutchLexicon.Words.TryGetValue(w, out var read) ? read : w.Length;
        }

        if (w.Contains('-'))
        {
            if (DutchLexicon.Words.TryGetValue(w, out var whole))
            {
                return whole;
            }

            return Math.Max(1, w.Split('-', StringSplitOptions.RemoveEmptyEntries).Sum(CountPart));
        }

        return CountPart(w);
    }

    private static int CountPart(string part)
    {
        if (part.Length == 0)
        {
            return 0;
        }

        if (DutchLexicon.Words.TryGetValue(part, out var known))
        {
            return known;
        }

        // A loanword inside a compound or an inflected form: the longest one found wins, and
        // the letters before and after it are counted by the rules (teamleider, gechat, managers).
        var best = default(KeyValuePair<string, int>);
        var at = -1;
        foreach (var loan in DutchLexicon.CompoundParts)
        {
            if (at >= 0 && loan.Key.Length <= best.Key.Length)
            {
                continue;
            }

            var i = part.IndexOf(loan.Key, StringComparison.Ordinal);
            if (i >= 0)
            {
                best = loan;
                at = i;
            }
        }

        if (at >= 0)
        {
            var before = part[..at];
            var after = part[(at + best.Key.Length)..];
            return Math.Max(1, CountPart(before) + best.Value + CountRest(after));
        }

        return Math.Max(1, CountVowelGroups(part));
    }

    /// <summary>Letters after a loanword: an inflection (-s, -en, -er) or the next part of a compound.</summary>
    private static int CountRest(string rest) => rest.Length == 0 ? 0 : CountVowelGroupsOrZero(rest);

    private static int CountVowelGroupsOrZero(string s)
    {
        if (DutchLexicon.Words.TryGetValue(s, out var known))
        {
            return known;
        }

        return CountVowelGroups(s);
    }

    /// <summary>The number of vowel sounds by the cluster rules alone.</summary>
    internal static int CountVowelGroups(string w)
    {
        var s = Prepare(w);
        var count = 0;
        var i = 0;
        while (i < s.Length)
        {
            if (!IsVowel(s, i))
            {
                i++;
                continue;
            }

            // A run of vowels: split it into clusters from left to right.
            var end = i;
            while (end < s.Length && IsVowel(s, end))
            {
                end++;
            }

            var run = s[i..end];
            count += CountRun(run);
            i = end;
        }

        return count;
    }

    private static int CountRun(string run)
    {
        var count = 0;
        var i = 0;
        while (i < run.Length)
        {
            count++;
            var plain = Plain(run[i..]);
            var cluster = Clusters.FirstOrDefault(c => plain.StartsWith(c, StringComparison.Ordinal)
                && !run.Skip(i + 1).Take(c.Length - 1).Any(IsDiaeresis));
            i += cluster?.Length ?? 1;
        }

        return count;
    }

    private static bool IsVowel(string s, int i)
    {
        var c = s[i];
        if (c == 'y')
        {
            // y before a vowel at the start of a word or syllable is a consonant (yoga, royaal).
            var next = i + 1 < s.Length ? s[i + 1] : '\0';
            var prevIsVowel = i > 0 && "aeiou".Contains(Plain(s[i - 1]));
            return !(IsVowelLetter(next) && (i == 0 || prevIsVowel));
        }

        if (c == 'u' && i > 0 && s[i - 1] == 'q')
        {
            // The u of qu is part of the consonant (quote, aquarium, equipe).
            return false;
        }

        return IsVowelLetter(c);
    }

    private static bool IsVowelLetter(char c) => c == Ij || "aeiouyàáâäèéêëìíîïòóôöùúûü".Contains(c);

    private static bool IsDiaeresis(char c) => c is 'ä' or 'ë' or 'ï' or 'ö' or 'ü';

    private static char Plain(char c) => c switch
    {
        'à' or 'á' or 'â' or 'ä' => 'a',
        'è' or 'é' or 'ê' or 'ë' => 'e',
        'ì' or 'í' or 'î' or 'ï' => 'i',
        'ò' or 'ó' or 'ô' or 'ö' => 'o',
        'ù' or 'ú' or 'û' or 'ü' => 'u',
        _ => c,
    };

    private static string Plain(string s) => string.Concat(s.Select(Plain));

    /// <summary>Marks "ij" as one vowel (unless the i carries a diaeresis).</summary>
    private static string Prepare(string w)
    {
        var sb = new StringBuilder(w.Length);
        for (var i = 0; i < w.Length; i++)
        {
            if (w[i] == 'i' && i + 1 < w.Length && w[i + 1] == 'j')
            {
                sb.Append(Ij);
                i++;
            }
            else
            {
                sb.Append(w[i]);
            }
        }

        return sb.ToString();
    }

    /// <summary>Lower case, typographic apostrophes and hyphens made plain, other marks removed.</summary>
    internal static string Normalise(string word)
    {
        var sb = new StringBuilder(word.Length);
        foreach (var ch in word.Normalize(NormalizationForm.FormC))
        {
            var c = char.ToLower(ch, CultureInfo.InvariantCulture);
            if (char.IsLetter(c))
            {
                sb.Append(c);
            }
            else if (c is '-' or '\u2010' or '\u2011')
            {
                sb.Append('-');
            }
        }

        return sb.ToString().Trim('-');
    }

    /// <summary>AVG, BW, DPIA, OR: two to five capitals.</summary>
    private static bool IsAbbreviation(string word)
    {
        var letters = word.Where(char.IsLetter).ToArray();
        return letters.Length is >= 2 and <= 5 && letters.All(char.IsUpper);
    }
}
