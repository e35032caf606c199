namespace Richtsnoer.Core.PostCheck.Pipeline;

/// <summary>
/// Stage 2 of the pipeline: Dutch inflection and compounds, as small rules of our own (decision
/// 022). A term is expanded at build time into the forms a post may use (singular, plural in -en
/// and -s, diminutive and its plural); a word of a post is then a form of the term, a compound
/// that ends with one (beveiligingsincident for incident) or a compound that starts with one
/// (examenvragen for examen). English plurals (-s, -es, -ies) come along.
/// </summary>
public static class DutchMorphology
{
    private const string Vowels = "aeiouy";

    private static bool IsVowel(char c) => Vowels.Contains(c, StringComparison.Ordinal);

    /// <summary>
    /// The singular forms a (possibly plural or diminutive) word can come from: jaarrekeningen →
    /// jaarrekening, uurtarieven → uurtarief, vragen → vraag, plannen → plan, offertes → offerte,
    /// zorgplannetje → zorgplan, jaarrekeninkje → jaarrekening. Always includes the word itself.
    /// </summary>
    public static IReadOnlyList<string> Singulars(string word)
    {
        var result = new List<string> { word };
        void Add(string s)
        {
            if (s.Length >= 2 && !result.Contains(s))
            {
                result.Add(s);
            }
        }

        // Diminutives: -etje, -tje, -pje, -kje (after ing: -inkje), -je, with their plural -s.
        var w = word.EndsWith("jes", StringComparison.Ordinal) ? word[..^1] : word;
        if (w.EndsWith("inkje", StringComparison.Ordinal))
        {
            Add(w[..^5] + "ing");
        }
        else if (w.EndsWith("etje", StringComparison.Ordinal) && w.Length > 6)
        {
            var b = w[..^4];
            Add(b.Length >= 2 && b[^1] == b[^2] ? b[..^1] : b);
            Add(b);
        }
        else if (w.EndsWith("tje", StringComparison.Ordinal) || w.EndsWith("pje", StringComparison.Ordinal))
        {
            Add(w[..^3]);
        }
        else if (w.EndsWith("je", StringComparison.Ordinal) && w.Length > 4)
        {
            Add(w[..^2]);
        }

        // Plural -'s, -s and English -ies (notities → notitie, policies → policy).
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 5)
        {
            Add(word[..^3] + "y");
        }

        if (word.EndsWith("'s", StringComparison.Ordinal))
        {
            Add(word[..^2]);
        }
        else if (word.EndsWith('s') && word.Length > 3 && !word.EndsWith("ss", StringComparison.Ordinal))
        {
            Add(word[..^1]);
        }

        // Plural -en: undouble a consonant (plannen → plan), restore a long vowel (vragen → vraag),
        // z → s and v → f at the end (prijzen → prijs, tarieven → tarief).
        if (word.EndsWith("en", StringComparison.Ordinal) && word.Length > 4)
        {
            var b = word[..^2];
            if (b.Length >= 2 && b[^1] == b[^2] && !IsVowel(b[^1]))
            {
                Add(b[..^1]);
            }
            else
            {
                Add(word[..^1]);
                var end = b[^1] switch { 'z' => b[..^1] + "s", 'v' => b[..^1] + "f", _ => b };
                if (b.Length >= 3 && !IsVowel(b[^1]) && IsVowel(b[^2]) && !IsVowel(b[^3]) && b[^2] != 'i')
                {
                    Add(end[..^1].Insert(end.Length - 2, b[^2].ToString()) + end[^1]);
                }

                Add(end);
            }
        }

        return result;
    }

    /// <summary>
    /// Every form of a term word a post may use: the singulars it comes from and, for each, the
    /// plurals and diminutives (toets → toetsen, toetsje, toetsjes; plan → plannen, plannetje).
    /// </summary>
    public static IReadOnlySet<string> Forms(string word)
    {
        var forms = new HashSet<string>(StringComparer.Ordinal) { word };
        foreach (var s in Singulars(word))
        {
            forms.Add(s);
            if (s.Length < 3)
            {
                continue;
            }

            var last = s[^1];
            var shortVowel = !IsVowel(last) && IsVowel(s[^2]) && !IsVowel(s[^3]);
            var longish = !shortVowel && !IsVowel(last) && (IsVowel(s[^2]) || (s[^2] == 'j' && s[^3] == 'i'));
            var doubled = s.Length >= 4 && !IsVowel(last) && IsVowel(s[^2]) && s[^2] == s[^3];

            // Plural in -en: prijs → prijzen, tarief → tarieven, vraag → vragen, plan → plannen.
            var stem = last switch { 's' when longish => s[..^1] + "z", 'f' when longish => s[..^1] + "v", _ => s };
            if (doubled)
            {
                stem = stem.Remove(stem.Length - 2, 1);
            }

            forms.Add(last == 'e' ? s + "n" : stem + "en");
            if (shortVowel)
            {
                forms.Add(s + last + "en");
            }

            // Plural in -s, -'s (words on a vowel), English -ies.
            forms.Add(s + "s");
            if (IsVowel(last))
            {
                forms.Add(s + "'s");
            }

            if (last == 'y')
            {
                forms.Add(s[..^1] + "ies");
            }

            // Diminutives and their plurals: offertetje, examentje, plannetje, toetsje, boompje, jaarrekeninkje.
            var dims = new List<string>();
            if (IsVowel(last) || last is 'l' or 'r' or 'n' or 'w')
            {
                dims.Add(s + "tje");
            }

            if (last == 'm')
            {
                dims.Add(s + "pje");
            }

            if (s.EndsWith("ing", StringComparison.Ordinal))
            {
                dims.Add(s[..^1] + "kje");
            }

            if (shortVowel)
            {
                dims.Add(s + last + "etje");
            }

            dims.Add(s + "je");
            foreach (var d in dims)
            {
                forms.Add(d);
                forms.Add(d + "s");
            }
        }

        return forms;
    }

    /// <summary>
    /// True when <paramref name="word"/> is a compound that ends with <paramref name="head"/>
    /// (veiligheidsincident, concept-jaarrekening): the rest has at least three letters.
    /// </summary>
    public static bool EndsCompound(string word, string head) =>
        head.Length >= 4 && word.Length >= head.Length + 3 && word.EndsWith(head, StringComparison.Ordinal);

    /// <summary>
    /// True when <paramref name="word"/> is a compound that starts with <paramref name="modifier"/>,
    /// with or without a linking s or e(n) (examenvragen, overnamegesprekken, rapportcijfer): the
    /// rest has at least three letters.
    /// </summary>
    public static bool StartsCompound(string word, string modifier) =>
        modifier.Length >= 4 && word.Length >= modifier.Length + 4 && word.StartsWith(modifier, StringComparison.Ordinal);

    /// <summary>
    /// The parts a compound term may be split into at a linking s or at a known head:
    /// belastingaangifte → (belasting, aangifte) when aangifte is known; veiligheidsincident →
    /// (veiligheid, incident). The head has at least four letters.
    /// </summary>
    public static (string Modifier, string Head)? SplitCompound(string word, Func<string, bool> knownHead)
    {
        for (var k = 4; k <= word.Length - 4; k++)
        {
            var head = word[k..];
            if (knownHead(head))
            {
                var modifier = word[..k];
                if (modifier.EndsWith('s') && modifier.Length > 4 && knownHead(word[(k - 0)..]))
                {
                    modifier = modifier[..^1];
                }

                return (modifier.EndsWith('s') && modifier.Length > 5 ? modifier[..^1] : modifier, head);
            }
        }

        return null;
    }
}
