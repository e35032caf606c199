namespace Richtsnoer.Core.PostCheck.Pipeline;

/// <summary>
/// "Vertrouwelijk" about a private secret (stage 4, confidential): a confidentiality word
/// (vertrouwelijk, niet verder vertellen, niet doorsturen) in a post with nothing about work in
/// it (no work word, no name or matter of the organisation, no relation, no meeting) is about
/// the writer's own life ("mijn zus vertelde me vertrouwelijk dat ze gaat trouwen") and is
/// taken back: only with something private in it (a relative, a friend, "mijn geheim"). With
/// anything about work, or without either, it stays.
/// </summary>
public sealed class PrivateSecretRule(CheckLexicon lexicon) : IContextRule
{
    private static readonly PhraseSet Private = new(
        ["zus", "broer", "dochter", "zoon", "vriendin", "vriend", "buurvrouw", "buurman", "neef", "nicht", "schoonzus", "zwager", "mijn geheim", "geheime", "geheim recept", "sister", "brother", "daughter", "son", "my secret", "secret ingredient"],
        forms: true);

    private readonly PhraseSet privateContext = new(lexicon.PrivateContext.Select(t => t.Text));

    public void Apply(PostAnalysis post)
    {
        if (!post.Findings.Exists(f => f.Category == CheckCategory.Confidential && f.Kind == "marker"))
        {
            return;
        }

        if (post.Findings.Exists(f => f.Category is CheckCategory.Employer or CheckCategory.Relation or CheckCategory.Competitor or CheckCategory.Conversation
            || (f.Category == CheckCategory.Confidential && f.Kind != "marker")))
        {
            return;
        }

        if (post.AnyWith(post.Words.Set("work_words")))
        {
            return;
        }

        var tokens = post.Tokens;
        foreach (var matter in post.Vocabulary.Matters)
        {
            if (post.AnyWith(matter.Qualifiers))
            {
                return;
            }
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            if (post.Vocabulary.HeadForms.ContainsKey(tokens[i].Norm))
            {
                return;
            }
        }

        if (post.AnyWith(Private) || post.AnyWith(privateContext) || post.AnyWith(post.Words.Set("private_words")))
        {
            post.Findings.RemoveAll(f => f.Category == CheckCategory.Confidential && f.Kind == "marker");
        }
    }
}
