namespace Richtsnoer.Core.PostCheck.Pipeline;

/// <summary>
/// "Namens" with a role of any name (stage 4, employer): "Namens Reestdal, als woonconsulent: ...",
/// "On behalf of Kroon, as recruiter: ...". The word lists know many roles, not all; the structure
/// says it: "namens" (or "on behalf of") and, in the same sentence, "als" or "as" followed by a
/// word (after an article) that is the role. Then the writer says who speaks and the employer
/// finding is taken back. Without the role ("Namens Reestdal: ...") it stays.
/// </summary>
public sealed class OnBehalfRoleRule : IContextRule
{
    private static readonly PhraseSet OnBehalf = new(["namens", "on behalf of"]);

    private static readonly HashSet<string> As = new(StringComparer.Ordinal) { "als", "as" };

    private static readonly HashSet<string> Articles = new(StringComparer.Ordinal) { "de", "het", "een", "onze", "the", "a", "an", "our" };

    public void Apply(PostAnalysis post)
    {
        if (!post.Findings.Exists(f => f.Category == CheckCategory.Employer && f.Kind == "function"))
        {
            return;
        }

        var tokens = post.Tokens;
        foreach (var (_, last, _) in OnBehalf.Matches(tokens))
        {
            var s = tokens[last].Sentence;
            for (var k = last + 1; k + 1 < tokens.Count && tokens[k].Sentence == s && k <= last + 8; k++)
            {
                if (!As.Contains(tokens[k].Norm))
                {
                    continue;
                }

                var role = k + 1;
                if (role + 1 < tokens.Count && Articles.Contains(tokens[role].Norm) && tokens[role + 1].Sentence == s)
                {
                    role++;
                }

                if (tokens[role].Sentence == s && tokens[role].Norm.Length >= 3 && !tokens[role].Is(TokenFlags.Number))
                {
                    post.Findings.RemoveAll(f => f.Category == CheckCategory.Employer && f.Kind == "function");
                    return;
                }
            }
        }
    }
}
