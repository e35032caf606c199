namespace Richtsnoer.Core.PostCheck;

/// <summary>What the post check can find. The verdict of a category is fixed (see <see cref="Categories"/>).</summary>
public enum CheckCategory
{
    Confidential,
    PersonalData,
    Abusive,
    Relation,
    Competitor,
    Conversation,
    Employer,
}

/// <summary>Green: fine. Orange: think twice, read the clause. Red: do not publish like this, ask first.</summary>
public enum Verdict
{
    Green,
    Orange,
    Red,
}

public static class Categories
{
    public static readonly IReadOnlyList<CheckCategory> All = Enum.GetValues<CheckCategory>();

    /// <summary>The id used in JSON and in content files, e.g. "personal-data".</summary>
    public static string Id(this CheckCategory category) => category switch
    {
        CheckCategory.Confidential => "confidential",
        CheckCategory.PersonalData => "personal-data",
        CheckCategory.Abusive => "abusive",
        CheckCategory.Relation => "relation",
        CheckCategory.Competitor => "competitor",
        CheckCategory.Conversation => "conversation",
        CheckCategory.Employer => "employer",
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    public static bool TryParse(string? id, out CheckCategory category)
    {
        foreach (var c in All)
        {
            if (c.Id() == id)
            {
                category = c;
                return true;
            }
        }

        category = default;
        return false;
    }

    /// <summary>The verdict a finding of this category gives (issue 5: red for harm, orange for care).</summary>
    public static Verdict Severity(this CheckCategory category) => category switch
    {
        CheckCategory.Confidential or CheckCategory.PersonalData or CheckCategory.Abusive => Verdict.Red,
        _ => Verdict.Orange,
    };

    /// <summary>The protocol topic (content/topics.yaml) whose first clause a finding points to.</summary>
    public static string Topic(this CheckCategory category) => category switch
    {
        CheckCategory.Confidential => "confidential",
        CheckCategory.PersonalData => "respect",
        CheckCategory.Abusive => "respect",
        CheckCategory.Relation => "relations",
        CheckCategory.Competitor => "clients-competitors",
        CheckCategory.Conversation => "conversations",
        CheckCategory.Employer => "personal-title",
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    public static string Id(this Verdict verdict) => verdict switch
    {
        Verdict.Green => "green",
        Verdict.Orange => "orange",
        _ => "red",
    };
}

/// <summary>A clause of the organisation's own protocol, e.g. "3.1" "Vertrouwelijke informatie".</summary>
public sealed record ClauseRef(string Number, string Title)
{
    public override string ToString() => $"{Number} {Title}";
}

/// <summary>
/// One thing the check found. <see cref="Start"/> and <see cref="Length"/> are in UTF-16 code
/// units of the draft. <see cref="Kind"/> says more precisely what was found (e.g. "iban",
/// "threat", "marker"); <see cref="AskWhom"/> is the organisation's contact for doubt (null
/// when it has none) and <see cref="Ask"/> the sentence that says so.
/// </summary>
public sealed record Finding(
    CheckCategory Category,
    string Kind,
    int Start,
    int Length,
    string Message,
    ClauseRef? Clause,
    string? AskWhom,
    string Ask)
{
    public Verdict Verdict => Category.Severity();

    /// <summary>
    /// The organisation's own term this finding is about, as the answers give it (a relation or a
    /// competitor, also when one of its other words from <c>check_aliases</c> matched); null when the
    /// finding comes from the word lists or no single term is known.
    /// </summary>
    public string? Term { get; init; }

    /// <summary>The explanation followed by whom to ask, as one text (the JSON "message").</summary>
    public string FullMessage => Message + " " + Ask;
}

public sealed record PostCheckResult(Verdict Verdict, IReadOnlyList<Finding> Findings, Language Language)
{
    /// <summary>How many findings the check made; more than <see cref="Findings"/> holds after <see cref="Limit"/>.</summary>
    public int Total { get; init; } = Findings.Count;

    public bool Truncated => Total > Findings.Count;

    /// <summary>
    /// The first <paramref name="max"/> findings in draft order, with <see cref="Total"/> and the
    /// verdict of all of them: a draft full of findings gets a bounded answer.
    /// </summary>
    public PostCheckResult Limit(int max) =>
        Findings.Count <= max ? this : this with { Findings = Findings.Take(max).ToList(), Total = Total };

    public bool Has(CheckCategory category) => Findings.Any(f => f.Category == category);

    public IReadOnlySet<CheckCategory> CategoriesFound => Findings.Select(f => f.Category).ToHashSet();
}
