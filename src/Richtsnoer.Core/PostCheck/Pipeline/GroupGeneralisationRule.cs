namespace Richtsnoer.Core.PostCheck.Pipeline;

/// <summary>
/// Generalisations about a group (stage 4, abusive/discrimination): a group (Polen, moslims,
/// vrouwen, women, ...) after a demonstrative or generalising word (die, al die, typical) or at
/// the start of the sentence, followed in the same sentence by a generalisation or negative
/// predicate (ook altijd, nooit, kunnen (echt) niet, stelen, never, can't). Not a
/// generalisation: "mijn Poolse collega's", "die Polen van de bouw waren super behulpzaam",
/// "vrouwen in de techniek: altijd welkom".
/// </summary>
public sealed class GroupGeneralisationRule : IContextRule
{
    public void Apply(PostAnalysis post)
    {
        var tokens = post.Tokens;
        var words = post.Words;
        var groups = words.Set("group_nouns");
        var markers = words.Set("group_markers");
        var generalisations = words.Set("group_generalisations");
        foreach (var (first, last, _) in groups.Matches(tokens))
        {
            var s = tokens[first].Sentence;
            var marked = tokens[first].Is(TokenFlags.SentenceStart);
            for (var k = Math.Max(0, first - 3); k < first && !marked; k++)
            {
                marked = tokens[k].Sentence == s && markers.MatchAt(tokens, k) is { } m && m.Last >= first - 2;
            }

            if (!marked)
            {
                continue;
            }

            for (var k = last + 1; k < tokens.Count && tokens[k].Sentence == s; k++)
            {
                if (generalisations.MatchAt(tokens, k, gap: 2) is { } g)
                {
                    post.Add(CheckCategory.Abusive, "discrimination", first, g.Last);
                    break;
                }
            }
        }
    }
}
