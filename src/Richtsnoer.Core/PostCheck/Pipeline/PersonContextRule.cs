namespace Richtsnoer.Core.PostCheck.Pipeline;

/// <summary>
/// A named person and their health or a disciplinary matter, over the whole post (stage 4,
/// personal-data): "Collega Marieke is er voorlopig niet. Ze heeft een hernia." The person is a
/// first name, a title with a capitalised name (collega Marieke, docent Karel, meneer De Groot),
/// an @handle, or a capitalised word followed by a name verb or "van de"/"uit" (Hanneke is ...,
/// Jeroen van de salarisadministratie). The health or disciplinary word counts in the person's
/// sentence, or in one of the next two sentences when that one speaks of him or her (hij, ze,
/// haar, he, she, his).
/// </summary>
public sealed class PersonContextRule(CheckLexicon lexicon) : IContextRule
{
    private static readonly HashSet<string> Pronouns = new(StringComparer.Ordinal)
    {
        "hij", "zij", "ze", "haar", "zijn", "hem", "he", "she", "her", "his", "him", "they",
    };

    private static readonly HashSet<string> NameVerbs = new(StringComparer.Ordinal)
    {
        "is", "heeft", "ligt", "zit", "krijgt", "kreeg", "was", "wordt", "werd", "gaat", "moet", "mag", "kan", "has", "had", "got", "gets",
    };

    private readonly HashSet<string> firstNames = lexicon.FirstNames.Select(f => Tokenizer.Fold(f.Text)).ToHashSet(StringComparer.Ordinal);
    private readonly HashSet<string> notNames = lexicon.NotNames.Select(f => Tokenizer.Fold(f.Text)).ToHashSet(StringComparer.Ordinal);
    private readonly PhraseSet introducers = new(lexicon.NameIntroducers.Select(t => t.Text));
    private readonly PhraseSet health = new(lexicon.Health.Select(t => t.Text));

    public void Apply(PostAnalysis post)
    {
        var tokens = post.Tokens;
        if (tokens.Count == 0)
        {
            return;
        }

        var words = post.Words;
        var matches = new List<(int First, int Last, string Kind)>();
        foreach (var (first, last, _) in health.Matches(tokens))
        {
            matches.Add((first, last, "health"));
        }

        foreach (var (first, last, _) in words.Set("health_extra").Matches(tokens))
        {
            matches.Add((first, last, "health"));
        }

        foreach (var (first, last, _) in words.Set("disciplinary").Matches(tokens))
        {
            matches.Add((first, last, "discipline"));
        }

        if (matches.Count == 0)
        {
            return;
        }

        var named = new bool[post.SentenceCount];
        var pronoun = new bool[post.SentenceCount];
        var covered = new bool[tokens.Count];
        foreach (var f in post.Findings)
        {
            if (f.Category is CheckCategory.Employer or CheckCategory.Relation or CheckCategory.Competitor or CheckCategory.Abusive)
            {
                foreach (var k in post.TokensIn(f.Start, f.End))
                {
                    covered[k] = true;
                }
            }
        }

        foreach (var (first, last, _) in matches)
        {
            for (var k = first; k <= last; k++)
            {
                covered[k] = true;
            }
        }

        var titles = words.Set("person_titles");
        for (var i = 0; i < tokens.Count; i++)
        {
            pronoun[tokens[i].Sentence] |= Pronouns.Contains(tokens[i].Norm);
            if (!covered[i] && Person(post, i, titles))
            {
                named[tokens[i].Sentence] = true;
            }
        }

        foreach (var (first, last, kind) in matches)
        {
            var s = tokens[first].Sentence;
            var counts = named[s];
            for (var back = 1; back <= 2 && !counts && s - back >= 0; back++)
            {
                counts = named[s - back] && pronoun[s];
            }

            if (counts && !post.Findings.Exists(f => f.Category == CheckCategory.PersonalData && f.Start <= tokens[first].Start && tokens[last].End <= f.End))
            {
                post.Add(CheckCategory.PersonalData, kind, first, last);
            }
        }
    }

    private bool Person(PostAnalysis post, int i, PhraseSet titles)
    {
        var tokens = post.Tokens;
        var t = tokens[i];
        if (t.Is(TokenFlags.Handle))
        {
            return true;
        }

        if (!t.Is(TokenFlags.Capitalised) || t.Is(TokenFlags.Hashtag) || notNames.Contains(t.Norm))
        {
            return false;
        }

        if (firstNames.Contains(t.Norm))
        {
            return true;
        }

        if (i > 0 && tokens[i - 1].Sentence == t.Sentence && (titles.MatchAt(tokens, i - 1) is not null || introducers.MatchAt(tokens, i - 1) is not null))
        {
            return true;
        }

        if (post.Words.IsOrdinary(t.Norm) || t.Norm.Length < 3 || i + 1 >= tokens.Count || tokens[i + 1].Sentence != t.Sentence)
        {
            return false;
        }

        var next = tokens[i + 1].Norm;
        return NameVerbs.Contains(next) || (next is "van" or "uit" && i + 2 < tokens.Count && tokens[i + 2].Norm is "de" or "het" or "ons" || next == "uit");
    }
}
