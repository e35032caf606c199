using Richtsnoer.Core.Model;

namespace Richtsnoer.Core.Content;

public sealed record SectionDefinition(string Id, LocalText Title, bool Appendix);

/// <summary>
/// One line of the staff summary. <see cref="Group"/> is the heading it goes under (allowed,
/// not-allowed, consequences, monitoring); <see cref="ClauseId"/> the clause it points to,
/// else the first clause of its topic.
/// </summary>
public sealed record SummaryRule(string Id, string Topic, Condition? When, LocalText Text)
{
    public static readonly IReadOnlyList<string> Groups = ["allowed", "not-allowed", "consequences", "monitoring"];

    public string Group { get; init; } = "not-allowed";

    public string? ClauseId { get; init; }
}

public sealed record GuideAnswer(LocalText Label, string? Next, string? Situation);

public sealed record GuideQuestion(string Id, LocalText Text, IReadOnlyList<GuideAnswer> Answers);

public sealed record GuideSituationText(string Title, string Recognise, IReadOnlyList<string> Steps);

public sealed record GuideSituation(string Id, bool Escalate, GuideSituationText Nl, GuideSituationText En)
{
    public GuideSituationText For(Language language) => language == Language.Nl ? Nl : En;
}

/// <summary>The response guide: a decision tree that ends in a situation with concrete steps.</summary>
public sealed record ResponseGuide(string Start, IReadOnlyDictionary<string, GuideQuestion> Questions, IReadOnlyList<GuideSituation> Situations)
{
    public GuideSituation? Situation(string id) => Situations.FirstOrDefault(s => s.Id == id);
}

/// <summary>Templates for the personal-blog disclaimer and bio line ({{name}}, {{year}}, {{org_name}}).</summary>
public sealed record DisclaimerTemplates(LocalText Disclaimer, LocalText Bio, IReadOnlyDictionary<string, LocalText> FillIn);

/// <summary>Everything under content/: loaded once, immutable, shared by every request.</summary>
public sealed record ContentLibrary(
    IReadOnlyList<Topic> Topics,
    IReadOnlyList<SectionDefinition> Sections,
    Interview Interview,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, RawValue>> Presets,
    IReadOnlyList<ClauseTemplate> Clauses,
    IReadOnlyList<SummaryRule> SummaryRules,
    ResponseGuide ResponseGuide,
    DisclaimerTemplates Disclaimer,
    string RootDirectory)
{
    public ClauseTemplate? Clause(string id) => Clauses.FirstOrDefault(c => c.Id == id);

    public Topic? Topic(string key) => Topics.FirstOrDefault(t => t.Key == key);

    public SectionDefinition? Section(string id) => Sections.FirstOrDefault(s => s.Id == id);

    /// <summary>The clauses that are alternatives of each other, by group.</summary>
    public IEnumerable<IGrouping<string, ClauseTemplate>> AlternativeGroups =>
        Clauses.Where(c => c.Alternative is not null).GroupBy(c => c.Alternative!);

    private static readonly Lazy<ContentLibrary> DefaultLibrary = new(() => ContentLoader.Load(DefaultDirectory()));

    /// <summary>The library shipped next to the program (content/ copied to the output folder).</summary>
    public static ContentLibrary Default => DefaultLibrary.Value;

    public static string DefaultDirectory()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "content");
        if (Directory.Exists(beside))
        {
            return beside;
        }

        // Running from a source tree without a build copy: walk up to the repository's content/.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "content");
            if (File.Exists(Path.Combine(candidate, "topics.yaml")))
            {
                return candidate;
            }
        }

        return beside;
    }
}
