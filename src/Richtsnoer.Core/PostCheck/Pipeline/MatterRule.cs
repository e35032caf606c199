namespace Richtsnoer.Core.PostCheck.Pipeline;

/// <summary>
/// Confidential matters in any form (stage 4, confidential). A word of the matter, one of its
/// inflections, a compound with it or a word of its family signals the matter. A plain everyday
/// word (toets, prijs, sluiting) needs a sign in the whole post: a qualifier of the matter
/// (van klanten: a client's name also counts), a proper name in it (Brandsma), "not yet" for a
/// matter "vóór ..." (morgen, tomorrow), an amount for money matters with the organisation in
/// view, or a strong organisation word (op school, bij ons). A general statement ("wat is een
/// aanbesteding?"), something private (mijn eigen, de tennisclub) or someone's own ("mijn
/// uurtarief") without such a sign stays green. Word-list matches of a matter that are only a
/// qualifier (leerlingen, opdrachtgevers) or fail these tests are taken back.
/// </summary>
public sealed class MatterRule(CheckLexicon lexicon) : IContextRule
{
    private readonly PhraseSet privateContext = new(lexicon.PrivateContext.Select(t => t.Text));
    private readonly PhraseSet organisationContext = new(lexicon.OrganisationContext.Select(t => t.Text));
    private readonly HashSet<string> everyday = lexicon.EverydayMatters.Select(t => Tokenizer.Fold(t.Text)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The longest word the morphology looks into.</summary>
    public const int MaxWord = 48;

    private static readonly PhraseSet Questions = new(["wat is", "wat zijn", "hoe", "eigenlijk", "what is", "what are", "how"]);

    private static readonly PhraseSet Strong = new(["bij ons", "op school", "op kantoor", "op de bouw", "op het werk", "op de zaak", "van ons", "at work"]);

    public void Apply(PostAnalysis post)
    {
        var vocabulary = post.Vocabulary;
        if (vocabulary.Matters.Count == 0 || post.Tokens.Count == 0)
        {
            return;
        }

        var words = post.Words;
        var tokens = post.Tokens;
        var judged = new List<(int First, int Last, bool Counts)>();
        var signs = new Dictionary<int, bool>();
        foreach (var (first, last, matter, head, hitPlain, amounts) in Hits(tokens, vocabulary, words))
        {
            var plain = hitPlain;
            var entry = vocabulary.Matters[matter];
            if (!signs.TryGetValue(matter, out var sign))
            {
                sign = signs[matter] = Sign(post, entry);
            }

            var sentence = tokens[first].Sentence;
            var named = post.Findings.Exists(f => f.Category is CheckCategory.Employer or CheckCategory.Relation);
            var orgWord = post.SentencesWith(words.Set("organisation_words"))[sentence] || named;
            var strongWord = post.SentencesWith(Strong)[sentence] || post.Findings.Exists(f => f.Category == CheckCategory.Employer);
            var amount = amounts switch { "money" => post.HasMoney(), "number" => post.HasMoney() || post.HasNumber(), _ => false };
            // "Thuis" next to a pupil or a client is their home: the matter is still theirs, so still confidential.
            var served = post.SentencesWith(vocabulary.Served)[sentence];
            var privately = (!served && (post.SentencesWith(words.Set("private_words"))[sentence] || post.SentencesWith(privateContext)[sentence])) || Owned(tokens, first);
            var general = Indefinite(tokens, first) && (post.SentencesWith(Questions)[sentence] || Question(post, sentence));
            plain |= everyday.Contains(tokens[first].Norm);
            var counts = sign || (!privately && (strongWord
                || (amount && (orgWord || amounts == "number" || !entry.HasQualifiers))
                || (!plain && !general && (!entry.HasQualifiers || orgWord))));

            // A word-list match is only taken back when the post shows it is innocent.
            var broadOrg = orgWord || post.SentencesWith(organisationContext)[sentence];
            var veto = !sign && (privately || general || (plain && !broadOrg && !amount));
            judged.Add((first, last, !veto));
            if (counts && !veto)
            {
                post.Add(CheckCategory.Confidential, "matter", first, last);
            }
        }

        // Word-list matches of a matter: keep them only where the judgement above agrees.
        post.Findings.RemoveAll(f => f.Category == CheckCategory.Confidential && f.Kind == "matter" && f.Term is null
            && post.TokenAt(f.Start) is var t && t >= 0
            && (judged.Exists(j => j.First <= t && t <= j.Last && !j.Counts) && !judged.Exists(j => j.First <= t && t <= j.Last && j.Counts)
                || (!judged.Exists(j => j.First <= t && t <= j.Last) && OnlyQualifier(post, f))));
    }

    /// <summary>True when the sentence ends with a question mark.</summary>
    private static bool Question(PostAnalysis post, int sentence)
    {
        var tokens = post.Tokens;
        var last = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Sentence == sentence)
            {
                last = i;
            }
            else if (tokens[i].Sentence > sentence)
            {
                break;
            }
        }

        if (last < 0)
        {
            return false;
        }

        var draft = post.Draft;
        for (var k = tokens[last].End; k < draft.Length && k < tokens[last].End + 4; k++)
        {
            if (draft[k] == '?')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A sign anywhere in the post that the matter is meant: a qualifier, a proper name of it, "not yet".</summary>
    private static bool Sign(PostAnalysis post, MatterEntry matter)
    {
        var tokens = post.Tokens;
        if (post.AnyWith(matter.Qualifiers) || (matter.QualifierKlant && post.Findings.Exists(f => f.Category is CheckCategory.Relation)))
        {
            return true;
        }

        if (matter.Names.Count > 0 && tokens.Any(t => matter.Names.Contains(t.Norm) || DutchMorphology.Singulars(t.Norm).Any(matter.Names.Contains)))
        {
            return true;
        }

        return matter.Before && post.AnyWith(post.Words.Set("not_yet"), gap: 1);
    }

    /// <summary>A word-list match whose only word is a qualifier of a matter with a head of its own (leerlingen, opdrachtgever).</summary>
    private static bool OnlyQualifier(PostAnalysis post, RawSpan f)
    {
        var inside = post.TokensIn(f.Start, f.End).ToList();
        if (inside.Count != 1)
        {
            return false;
        }

        var tokens = post.Tokens;
        return post.Vocabulary.Matters.Any(m => m.Qualifiers.MatchAt(tokens, inside[0]) is not null
            && !m.Heads.Any(h => h.Forms.Contains(tokens[inside[0]].Norm)));
    }

    /// <summary>Every place a head of a matter (or a word of its families) stands; plain when it is an everyday word.</summary>
    private static IEnumerable<(int First, int Last, int Matter, int Head, bool Plain, string? Amounts)> Hits(IReadOnlyList<Token> tokens, OrganisationVocabulary v, ContextLexicon words)
    {
        var seen = new HashSet<(int, int, int)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var n = tokens[i].Norm;

            // No term is longer than this; a longer "word" (hostile input, a hash) is not looked into,
            // so a megabyte without spaces stays linear.
            if (n.Length > MaxWord)
            {
                continue;
            }

            var found = new List<(int Matter, int Head)>();
            if (v.HeadForms.TryGetValue(n, out var direct))
            {
                found.AddRange(direct);
            }

            for (var k = 3; k <= n.Length - 6; k++)
            {
                if (v.CompoundEnds.TryGetValue(n[k..], out var ends))
                {
                    found.AddRange(ends);
                }
            }

            if (n.Length >= 8 && !words.IsOrdinary(n))
            {
                for (var k = 5; k <= n.Length - 3; k++)
                {
                    if (v.CompoundStarts.TryGetValue(n[..k], out var starts))
                    {
                        found.AddRange(starts);
                    }
                }
            }

            foreach (var (m, h) in found)
            {
                if (seen.Add((i, m, h)))
                {
                    var head = v.Matters[m].Heads[h];
                    yield return (i, i, m, h, !head.Compound && Everyday(n, words), head.Families.FirstOrDefault(f => f.Amounts is not null)?.Amounts);
                }
            }

            foreach (var family in words.Families)
            {
                if (v.ByFamily[family.Id].Count == 0)
                {
                    continue;
                }

                var last = words.FamilySet(family).MatchAt(tokens, i, gap: 2)?.Last;
                if (last is null && n.Length >= 8 && !words.IsOrdinary(n) && family.Words.Any(w => !w.Contains(' ') && DutchMorphology.StartsCompound(n, Tokenizer.Fold(w)) && w.Length >= 5))
                {
                    last = i;
                }

                if (last is { } l)
                {
                    foreach (var (m, h) in v.ByFamily[family.Id])
                    {
                        if (seen.Add((i, m, h)))
                        {
                            yield return (i, l, m, h, l > i || Everyday(n, words), family.Amounts);
                        }
                    }
                }
            }
        }
    }

    /// <summary>An everyday word, or a compound of two everyday words (jaar + rekening, rapport + cijfer).</summary>
    public static bool Everyday(string word, ContextLexicon words)
    {
        if (word.Length > MaxWord)
        {
            return false;
        }

        if (words.IsOrdinary(word))
        {
            return true;
        }

        foreach (var s in DutchMorphology.Singulars(word))
        {
            for (var k = 3; k <= s.Length - 3; k++)
            {
                var left = s[..k];
                if ((words.IsOrdinary(left) || (left.EndsWith('s') && words.IsOrdinary(left[..^1]))) && words.IsOrdinary(s[k..]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>"mijn uurtarief", "je eigen aangifte", "my exam": the writer's own (one adjective may stand between).</summary>
    private static bool Owned(IReadOnlyList<Token> tokens, int i)
    {
        for (var k = i - 1; k >= Math.Max(0, i - 2); k--)
        {
            if (tokens[k].Sentence != tokens[i].Sentence)
            {
                return false;
            }

            if (tokens[k].Norm is "mijn" or "m'n" or "my" or "je" or "jouw" or "your")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"een aanbesteding", "a tender": a general statement about the concept (one adjective may stand between).</summary>
    private static bool Indefinite(IReadOnlyList<Token> tokens, int i)
    {
        for (var k = i - 1; k >= Math.Max(0, i - 2); k--)
        {
            if (tokens[k].Sentence != tokens[i].Sentence)
            {
                return false;
            }

            if (tokens[k].Norm is "een" or "a" or "an")
            {
                return true;
            }
        }

        return false;
    }
}
