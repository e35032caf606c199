namespace Richtsnoer.Core.PostCheck;

/// <summary>
/// Turns what an organisation typed in its answers into terms the check can find in a post:
/// names without legal form ("Codekracht Software B.V." → "Codekracht Software", "Codekracht"),
/// handles without @ or #, and confidential matters split into the words that signal them
/// ("inkoopprijzen en afspraken met leveranciers" → "inkoopprijz…", "afspraken met leverancier…").
/// </summary>
internal sealed class OrganisationTerms(CheckLexicon lexicon)
{
    private static readonly char[] Spaces = [' ', '\t', '\u00A0'];

    private readonly HashSet<string> legal = Set(lexicon.LegalForms);
    private readonly HashSet<string> articles = Set(lexicon.Articles);
    private readonly HashSet<string> descriptors = Set(lexicon.NameDescriptors);
    private readonly HashSet<string> generic = Set(lexicon.GenericNameWords);
    private readonly HashSet<string> genericMatters = Set(lexicon.GenericMatters);
    private readonly HashSet<string> everydayMatters = Set(lexicon.EverydayMatters);

    // Interchangeable last parts of a matter: "lek" → "gat", "kwetsbaarheid", ... (keys without spaces).
    private readonly List<string[]> synonyms = [.. lexicon.MatterSynonyms.Select(t => t.Text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(NormalisedText.Term).Where(w => w.Length > 0).ToArray())];

    /// <summary>The synonym group a word (or its plain stem) belongs to, else null.</summary>
    private string[]? Group(string word)
    {
        var key = Key(word).Replace(" ", "", StringComparison.Ordinal);
        foreach (var g in synonyms)
        {
            foreach (var m in g)
            {
                var mk = m.Replace(" ", "", StringComparison.Ordinal);
                if (mk == key || Stem(mk) == key)
                {
                    return g;
                }
            }
        }

        return null;
    }

    /// <summary>A one-word compound term with its last part replaced by each synonym: beveiligingslek → beveiligingsgat.</summary>
    private IEnumerable<string> SynonymCompounds(string term)
    {
        if (term.Contains(' '))
        {
            yield break;
        }

        foreach (var g in synonyms)
        {
            foreach (var m in g)
            {
                var mk = m.Replace(" ", "", StringComparison.Ordinal);
                foreach (var tail in (string[])[mk, Stem(mk)])
                {
                    if (term.Length - tail.Length >= 5 && term.EndsWith(tail, StringComparison.Ordinal))
                    {
                        var head = term[..^tail.Length];
                        foreach (var other in g)
                        {
                            yield return head + other.Replace(" ", "", StringComparison.Ordinal);
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// True when a matter term is one everyday word (recept, werkwijz…, incident): then it only
    /// counts in the organisation's context. A compound stem counts when an everyday word starts
    /// with it and differs by at most two letters (werkwijz → werkwijze).
    /// </summary>
    public bool IsEveryday(string term)
    {
        var key = Key(term);
        if (key.Contains(' '))
        {
            return false;
        }

        foreach (var e in everydayMatters)
        {
            if (e.StartsWith(key, StringComparison.Ordinal) && e.Length - key.Length <= 2)
            {
                return true;
            }
        }

        return false;
    }

    public IEnumerable<string> NameVariants(string name)
    {
        var trimmed = name.Trim().TrimStart('@', '#', '\uFF20', '\uFF03').Trim();
        if (trimmed.Length == 0)
        {
            yield break;
        }

        yield return trimmed;

        var words = trimmed.Split(Spaces, StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 1 && legal.Contains(Key(words[^1])))
        {
            words.RemoveAt(words.Count - 1);
        }

        var full = string.Join(' ', words);
        if (full != trimmed)
        {
            yield return full;
        }

        // Without an apostrophe: McDonald's → McDonalds.
        if (full.Contains('\'') || full.Contains('’'))
        {
            yield return full.Replace("'", "").Replace("’", "");
        }

        // The distinctive core: no leading descriptors (Woningstichting, zorgverzekeraar) and no
        // trailing generic words (Software, Systemen).
        var core = new List<string>(words);
        while (core.Count > 1 && (descriptors.Contains(Key(core[0])) || (articles.Contains(Key(core[0])) && core.Count > 2)))
        {
            core.RemoveAt(0);
        }

        while (core.Count > 1 && generic.Contains(Key(core[^1])))
        {
            core.RemoveAt(core.Count - 1);
        }

        var coreText = string.Join(' ', core);
        var letters = coreText.Count(char.IsLetter);
        var distinctive = core.Count > 1
            ? !core.All(w => articles.Contains(Key(w)) || generic.Contains(Key(w)))
            : letters >= 5 && !generic.Contains(Key(coreText)) && !articles.Contains(Key(coreText));
        if (coreText != full && distinctive)
        {
            yield return coreText;
        }
    }

    /// <summary>The terms of a confidential matter, each with whether it may be the start of a longer word.</summary>
    public IEnumerable<(string Text, bool Compound)> MatterTerms(string matter)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in MatterTermsCore(matter))
        {
            if (seen.Add(t.Text))
            {
                yield return t;
            }

            if (t.Compound)
            {
                foreach (var variant in SynonymCompounds(Key(t.Text)))
                {
                    if (seen.Add(variant))
                    {
                        yield return (variant, true);
                    }
                }
            }
        }
    }

    private IEnumerable<(string Text, bool Compound)> MatterTermsCore(string matter)
    {
        var generic = genericMatters;
        var text = " " + matter.Trim().ToLowerInvariant() + " ";

        // A relative clause says more about the matter but is not how people write about it.
        foreach (var cut in (string[])[" die ", " dat ", " that ", " which ", " who ", " wat ", " waarvan ", " waarin "])
        {
            var at = text.IndexOf(cut, StringComparison.Ordinal);
            if (at > 0)
            {
                text = text[..at] + " ";
            }
        }

        foreach (var sep in (string[])[",", ";", "/", "(", ")", " en ", " of ", " and ", " or ", " & "])
        {
            text = text.Replace(sep, "|");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in text.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var words = part.Split(Spaces, StringSplitOptions.RemoveEmptyEntries).ToList();
            while (words.Count > 0 && articles.Contains(Key(words[0])))
            {
                words.RemoveAt(0);
            }

            if (words.Count == 0)
            {
                continue;
            }

            if (words.Count == 1)
            {
                foreach (var t in SingleWord(words[0], generic))
                {
                    if (seen.Add(t.Text))
                    {
                        yield return t;
                    }
                }

                continue;
            }

            // A phrase: the last word may be inflected or the start of a compound; after a
            // preposition an article may be added ("sluiting van locaties" → "sluiting van de locatie").
            var last = words[^1];
            var phrase = string.Join(' ', words[..^1]) + " " + Stem(last);
            if (seen.Add(phrase))
            {
                yield return (phrase, true);
            }

            var at = words.FindIndex(w => Prepositions.Contains(w));
            if (at > 0 && at < words.Count - 1 && !articles.Contains(Key(words[at + 1])))
            {
                foreach (var article in (string[])["de", "het", "een", "onze", "ons", "the", "our", "a"])
                {
                    var with = new List<string>(words);
                    with.Insert(at + 1, article);
                    var variant = string.Join(' ', with[..^1]) + " " + Stem(last);
                    if (seen.Add(variant))
                    {
                        yield return (variant, true);
                    }
                }
            }

            // "plannen voor reorganisatie": the word after the preposition is the matter itself.
            for (var k = 1; k < words.Count - 1; k++)
            {
                if (Prepositions.Contains(words[k]))
                {
                    var rest = words.Skip(k + 1).ToList();
                    if (rest.Count == 1)
                    {
                        foreach (var t in SingleWord(rest[0], generic))
                        {
                            if (seen.Add(t.Text))
                            {
                                yield return t;
                            }
                        }
                    }
                }
            }
        }
    }

    private static readonly HashSet<string> Prepositions = new(StringComparer.Ordinal)
    {
        "van", "voor", "met", "over", "in", "op", "bij", "of", "for", "about", "with", "on",
    };

    /// <summary>
    /// The ways a long compound matter can be split in two, so that it is also found when
    /// written apart in one sentence: "beveiligingslekken" → ("beveiliging", "lek") as in
    /// "een lek in onze beveiliging". The first part has at least five letters (a linking s
    /// is dropped), the second at least three; each part comes with its plain forms.
    /// </summary>
    public IEnumerable<(IReadOnlyList<string> First, IReadOnlyList<string> Second)> MatterSplits(string matter)
    {
        foreach (var (text, compound) in MatterTermsCore(matter))
        {
            if (!compound || text.Contains(' ') || text.Length < 9)
            {
                continue;
            }

            for (var cut = 5; cut <= text.Length - 3; cut++)
            {
                var first = text[..cut];
                var second = text[cut..];
                var firstForms = new List<string> { first };
                if (first.EndsWith('s') && first.Length > 5)
                {
                    firstForms.Add(first[..^1]);
                }

                if (firstForms.All(f => genericMatters.Contains(f)) || genericMatters.Contains(second))
                {
                    continue;
                }

                var secondForms = new List<string> { second, second + "en", second + "s" };
                if (second.Length >= 2 && !"aeiou".Contains(second[^1]) && "aeiou".Contains(second[^2]) && (second.Length < 3 || !"aeiou".Contains(second[^3])))
                {
                    secondForms.Add(second + second[^1] + "en");
                }

                // "een gat in de beveiliging": the synonyms of the second part count too.
                if (Group(second) is { } group)
                {
                    secondForms.AddRange(group.Where(g => !secondForms.Contains(g)));
                }

                yield return (firstForms, secondForms);
            }
        }
    }

    private static IEnumerable<(string Text, bool Compound)> SingleWord(string word, HashSet<string> generic)
    {
        var key = Key(word);
        var stem = Stem(word);
        if (key.Length < 5 || generic.Contains(key) || generic.Contains(Key(stem)))
        {
            yield break;
        }

        if (key.Length >= 10)
        {
            // A long compound: also its inflections and longer compounds (omzetcijfer…).
            yield return (stem, true);
            if (stem.EndsWith('z'))
            {
                yield return (stem[..^1] + "s", true);
            }
            else if (stem.EndsWith('v'))
            {
                yield return (stem[..^1] + "f", true);
            }

            yield break;
        }

        // A shorter word: its stem may start a derived word or compound (recepten → recept,
        // receptuur, receptenboek); words that only look alike are in matter_allow (receptie).
        yield return (word, false);
        if (stem.Length >= 6)
        {
            yield return (stem, true);
        }
        else if (stem != word && stem.Length >= 5)
        {
            yield return (stem, false);
        }
    }

    /// <summary>A plain Dutch/English plural stem: recepten → recept, lekken → lek, dossiers → dossier, prijzen → prijz.</summary>
    internal static string Stem(string word)
    {
        if (word.Length > 5 && word.EndsWith("en", StringComparison.Ordinal))
        {
            var stem = word[..^2];
            if (stem.Length >= 2 && stem[^1] == stem[^2] && !"aeiou".Contains(stem[^1]))
            {
                stem = stem[..^1];
            }

            return stem;
        }

        if (word.Length > 4 && word.EndsWith("'s", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        if (word.Length > 4 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        return word;
    }

    private static string Key(string word) => NormalisedText.Term(word);

    private static HashSet<string> Set(IEnumerable<LexiconTerm> terms) =>
        terms.Select(t => NormalisedText.Term(t.Text)).ToHashSet(StringComparer.Ordinal);
}
