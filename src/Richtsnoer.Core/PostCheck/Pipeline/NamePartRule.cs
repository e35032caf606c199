namespace Richtsnoer.Core.PostCheck.Pipeline;

/// <summary>
/// Names by their distinctive part (stage 4, relation, competitor, employer). A part of a
/// multi-word name that is not an ordinary word stands for the whole name when written with a
/// capital as a word of its own ("bij Weidezicht", "in het Olof", "Bij Van Essen"; not inside
/// "customer-centric"). A part that is an ordinary word only counts with a capital and the
/// article it has in the name ("De Horizon", not "aan de horizon"). A name right after a
/// relative, a form of address or a first name is a surname ("oma Hegeman"), not the organisation.
/// </summary>
public sealed class NamePartRule(CheckLexicon lexicon) : IContextRule
{
    private readonly HashSet<string> firstNames = lexicon.FirstNames.Select(f => Tokenizer.Fold(f.Text)).ToHashSet(StringComparer.Ordinal);

    public void Apply(PostAnalysis post)
    {
        var tokens = post.Tokens;
        var surnameBefore = post.Words.Set("surname_before");

        bool Surname(int i) => i > 0 && tokens[i - 1].Sentence == tokens[i].Sentence
            && (surnameBefore.MatchAt(tokens, i - 1) is not null || (tokens[i - 1].Is(TokenFlags.Capitalised) && firstNames.Contains(tokens[i - 1].Norm)));

        // A one-word name, or a name that starts with "van" or "de", right after "oma", "meneer" or
        // a first name is someone's surname ("Lotte van Dalen").
        post.Findings.RemoveAll(f => f.Category is CheckCategory.Employer or CheckCategory.Relation or CheckCategory.Competitor
            && post.TokensIn(f.Start, f.End).ToList() is [var first, ..] and var all
            && (all.Count == 1 || tokens[first].Norm is "van" or "de" or "den" or "der" or "ter" or "ten") && Surname(first));

        // A name written all in lower case that is nothing but common words ("na maanden van
        // dalen", "het publieke domein", "snel transport naar het ziekenhuis") is those words.
        post.Findings.RemoveAll(f => f.Category is CheckCategory.Employer or CheckCategory.Relation or CheckCategory.Competitor
            && post.TokensIn(f.Start, f.End).ToList() is { Count: > 0 } all && LowerCaseWords(all));

        bool LowerCaseWords(List<int> span) =>
            span.All(k => !tokens[k].Is(TokenFlags.Handle) && !tokens[k].Is(TokenFlags.Hashtag)
                && (!tokens[k].Is(TokenFlags.Capitalised) || (tokens[k].Is(TokenFlags.SentenceStart) && span.Count > 1))
                && post.Words.IsCommonWord(tokens[k].Norm));

        var index = post.Vocabulary.PartIndex;
        if (index.Count == 0)
        {
            return;
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (!t.Is(TokenFlags.Capitalised) || t.Is(TokenFlags.JoinedBefore) || t.Is(TokenFlags.JoinedAfter) || t.Is(TokenFlags.Hashtag))
            {
                continue;
            }

            var norm = t.Norm.EndsWith("'s", StringComparison.Ordinal) ? t.Norm[..^2] : t.Norm;
            if (!index.TryGetValue(norm, out var candidates))
            {
                continue;
            }

            foreach (var (name, part) in candidates)
            {
                // The organisation itself is left to the word lists, which know "op persoonlijke titel".
                if (name.Category == CheckCategory.Employer)
                {
                    continue;
                }

                var before = part.Before;
                var hasBefore = before is not null && i > 0 && tokens[i - 1].Norm == before && tokens[i - 1].Sentence == t.Sentence;
                if ((part.Ordinary && !hasBefore)
                    || (before == "van" && !hasBefore)
                    || Surname(hasBefore ? i - 1 : i))
                {
                    continue;
                }

                // "in het centrum van Amersfoort": after a preposition of place it is the place, not the name.
                if (!hasBefore && i > 0 && tokens[i - 1].Sentence == t.Sentence && tokens[i - 1].Norm is "in" or "uit" or "naar" or "van" or "rond" or "nabij" or "near" or "from" or "around" or "to")
                {
                    continue;
                }

                // "8102 AB Raalte", "3811 Amersfoort": after a postcode it is the place.
                if (i > 0 && (tokens[i - 1].Is(TokenFlags.Number) || (tokens[i - 1].Norm.Length == 2 && i > 1 && tokens[i - 2].Is(TokenFlags.Number))))
                {
                    continue;
                }

                // "Van Dalen Logistiek": a part inside the organisation's own name is that name.
                if (post.Findings.Exists(f => f.Category == CheckCategory.Employer && f.Start <= t.Start && t.End <= f.End))
                {
                    continue;
                }

                var first = hasBefore ? i - 1 : i;
                var start = tokens[first].Start;
                if (!post.Findings.Exists(f => f.Category == name.Category && f.Start <= t.Start && t.End <= f.End))
                {
                    post.Findings.Add(new RawSpan(name.Category, name.Category switch
                    {
                        CheckCategory.Relation => "relation",
                        CheckCategory.Competitor => "competitor",
                        _ => "undisclosed",
                    }, start, t.End, name.Category == CheckCategory.Employer ? null : name.Name));
                }

                break;
            }
        }
    }
}
