namespace Richtsnoer.Core.PostCheck.Pipeline;

/// <summary>
/// An insult that only intensifies (stage 4, abusive): "idioot druk", "idioot mooi weer", "een
/// idioot zware laatste 10 km". The word is directly followed by an adjective or adverb
/// (context.yaml intensified, or a word on -ig, -baar, -isch), so it is taken back. "Wat een
/// idioot!" and "die idioot van hiernaast" stay.
/// </summary>
public sealed class IntensifierRule : IContextRule
{
    public void Apply(PostAnalysis post)
    {
        var words = post.Words;
        var intensifiers = words.Set("intensifiers");
        var intensified = words.Set("intensified");
        var tokens = post.Tokens;
        post.Findings.RemoveAll(f => f.Category == CheckCategory.Abusive
            && post.TokensIn(f.Start, f.End).ToList() is [var i]
            && intensifiers.MatchAt(tokens, i) is not null
            && i + 1 < tokens.Count && tokens[i + 1].Sentence == tokens[i].Sentence
            && intensified.MatchAt(tokens, i + 1) is not null);
    }
}
