namespace Richtsnoer.Core.PostCheck.Pipeline;

/// <summary>
/// Hearsay from work (stage 4, conversation): a reporting verb (appte, vertelde, hoorde, zei,
/// heard, told) with a person or place of work (teamleider, de baas, de partners,
/// lerarenkamer, koffieautomaat) in the same sentence, and what was said after it ("dat ...",
/// "that ...", a colon or a quotation) or a source after hoorde/heard ("hoorde van de planner",
/// "heard from my team leader"). Not hearsay: "mijn buurvrouw appte me dat mijn pakketje er is",
/// "ik hoorde een merel".
/// </summary>
public sealed class HearsayRule : IContextRule
{
    public void Apply(PostAnalysis post)
    {
        if (post.Has(CheckCategory.Conversation))
        {
            return;
        }

        var tokens = post.Tokens;
        var words = post.Words;
        var sources = post.SentencesWith(words.Set("hearsay_sources"));
        var places = post.SentencesWith(words.Set("hearsay_places"));
        foreach (var (first, last, _) in words.Set("hearsay_verbs").Matches(tokens))
        {
            var s = tokens[first].Sentence;
            if (!sources[s] && !places[s])
            {
                continue;
            }

            var said = false;
            for (var k = last + 1; k < tokens.Count && tokens[k].Sentence == s && !said; k++)
            {
                said = tokens[k].Norm is "dat" or "that" or "van" or "from" or "in" or "bij" or "at" or "het" or "it";
            }

            var end = tokens[last].End;
            said |= end < post.Draft.Length && post.Draft[end] is ':' or '"' or '“';
            said |= tokens[first].Start >= 2 && post.Draft[tokens[first].Start - 2] == ',';
            if (said)
            {
                post.Add(CheckCategory.Conversation, "hearsay", first, last);
                return;
            }
        }
    }
}
