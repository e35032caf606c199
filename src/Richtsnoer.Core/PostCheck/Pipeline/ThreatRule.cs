namespace Richtsnoer.Core.PostCheck.Pipeline;

/// <summary>
/// Threats as a structure (stage 4, abusive): a speaker (ik, I, we), a violent act (slaan,
/// timmeren, in elkaar trappen, neersteken, kill, smash; the parts of a separable verb may stand
/// apart: "steek die gast nog eens neer") and a target (hem, haar, jou, zijn/his, or die/that with
/// a person: "die leerling", "that kid") in one sentence. Not a threat: "ik sla de training over",
/// "ik steek de kaarsen aan", "killing it at the gym" (no person as target).
/// </summary>
public sealed class ThreatRule : IContextRule
{
    private static readonly HashSet<string> Personal = new(StringComparer.Ordinal)
    {
        "hem", "haar", "jou", "je", "jullie", "hun", "zijn", "him", "her", "you", "his", "them",
    };

    public void Apply(PostAnalysis post)
    {
        var tokens = post.Tokens;
        var words = post.Words;
        var acts = words.Set("threat_acts");
        var speakers = words.Set("threat_speakers");
        var not = words.Set("threat_not");
        var people = words.Set("threat_people");
        var speakerIn = post.SentencesWith(speakers);
        foreach (var (first, last, _) in acts.Matches(tokens, gap: 8))
        {
            var s = tokens[first].Sentence;
            if (!speakerIn[s] || (last + 1 < tokens.Count && tokens[last + 1].Sentence == s && not.MatchAt(tokens, last + 1) is not null))
            {
                continue;
            }

            var target = false;
            for (var k = Math.Max(0, first - 6); k < Math.Min(tokens.Count, last + 5) && !target; k++)
            {
                if (tokens[k].Sentence != s)
                {
                    continue;
                }

                var n = tokens[k].Norm;
                target = Personal.Contains(n)
                    || (n is "die" or "dat" or "deze" or "that" or "this" or "those" && k + 1 < tokens.Count && people.MatchAt(tokens, k + 1) is not null);
            }

            if (target && !post.Findings.Exists(f => f.Category == CheckCategory.Abusive && f.Start <= tokens[first].Start && tokens[first].End <= f.End))
            {
                post.Add(CheckCategory.Abusive, "threat", first, last);
            }
        }
    }
}
