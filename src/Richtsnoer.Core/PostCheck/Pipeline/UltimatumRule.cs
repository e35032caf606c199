namespace Richtsnoer.Core.PostCheck.Pipeline;

/// <summary>
/// Threats as an ultimatum (stage 4, abusive): a condition about someone ("als je", "als die
/// afwasser", "if that guy"), the ultimatum ("nog één keer", "one more time") and then, in the
/// same sentence or the next, harm (snijden, steken, "zie ik je buiten", "de volgende",
/// ambulance, break). The violent verb need not be in the word lists: the structure carries the
/// threat. Not a threat: "als je nog één keer zo'n taart bakt, kom ik langs" (no harm) or "als de
/// printer nog één keer vastloopt" without harm to a person.
/// </summary>
public sealed class UltimatumRule : IContextRule
{
    public void Apply(PostAnalysis post)
    {
        var tokens = post.Tokens;
        var words = post.Words;
        var conditions = words.Set("ultimatum_conditions");
        var markers = words.Set("ultimatum_markers");
        var subjects = words.Set("ultimatum_subjects");
        var harm = words.Set("ultimatum_harm");
        foreach (var (first, _, _) in conditions.Matches(tokens))
        {
            var s = tokens[first].Sentence;
            (string Text, int Last)? marker = null;
            var subject = false;
            for (var k = first + 1; k < tokens.Count && tokens[k].Sentence == s && k <= first + 8 && marker is null; k++)
            {
                subject |= k <= first + 2 && subjects.MatchAt(tokens, k) is not null;
                marker = markers.MatchAt(tokens, k);
            }

            if (marker is not { } m || !subject)
            {
                continue;
            }

            for (var k = m.Last + 1; k < tokens.Count && tokens[k].Sentence <= s + 1; k++)
            {
                if (harm.MatchAt(tokens, k) is { } h)
                {
                    if (!post.Findings.Exists(f => f.Category == CheckCategory.Abusive && f.Start <= tokens[first].Start && tokens[h.Last].End <= f.End))
                    {
                        post.Add(CheckCategory.Abusive, "threat", first, h.Last);
                    }

                    break;
                }
            }
        }
    }
}
