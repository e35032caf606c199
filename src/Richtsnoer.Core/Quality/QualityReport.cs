using Richtsnoer.Core.Content;
using Richtsnoer.Core.Model;

namespace Richtsnoer.Core.Quality;

/// <summary>The thresholds of the quality check. Every value can be changed per call.</summary>
public sealed record QualityOptions
{
    public static readonly QualityOptions Default = new();

    /// <summary>A section whose main score (Flesch-Douma or Flesch Reading Ease) is lower gets a warning.</summary>
    public double SectionThreshold { get; init; } = 60;

    /// <summary>The whole document gets a warning below this score.</summary>
    public double DocumentThreshold { get; init; } = 60;

    /// <summary>Sections with fewer words are scored but never warned about: the formulas need some text.</summary>
    public int MinimumWordsForWarning { get; init; } = 40;

    /// <summary>
    /// The main text (chapters, not the appendices, which are reference material) gets a warning
    /// above this many words. Null means by size: <see cref="SmallOrganisationBudget"/> words under
    /// <see cref="SmallOrganisation"/> staff (about 7 minutes of reading), else <see cref="LargeOrganisationBudget"/>.
    /// </summary>
    public int? WordBudget { get; init; }

    public const int SmallOrganisation = 50;
    public const int SmallOrganisationBudget = 1500;
    public const int LargeOrganisationBudget = 2000;

    /// <summary>The budget for an organisation of <paramref name="employees"/> staff (unknown counts as large).</summary>
    public int BudgetFor(long? employees) => WordBudget ?? (employees < SmallOrganisation ? SmallOrganisationBudget : LargeOrganisationBudget);

    /// <summary>How many of the longest sections the length warning names.</summary>
    public int LongestSectionsNamed { get; init; } = 3;

    /// <summary>Reading speed for the reading time: words per minute.</summary>
    public int WordsPerMinute { get; init; } = 200;
}

/// <summary>The pattern files the legal checks use (content/quality/).</summary>
public sealed record QualityPatterns(PatternSet Overbroad, PatternSet Monitoring)
{
    public const string OverbroadFile = "quality/overbroad.yaml";
    public const string MonitoringFile = "quality/monitoring.yaml";

    public static QualityPatterns Load(string contentRoot) =>
        new(PatternSet.Load(contentRoot, OverbroadFile), PatternSet.Load(contentRoot, MonitoringFile));

    private static readonly Lazy<QualityPatterns> DefaultPatterns = new(() => Load(ContentLibrary.DefaultDirectory()));

    /// <summary>The patterns shipped next to the program.</summary>
    public static QualityPatterns Default => DefaultPatterns.Value;
}

/// <summary>
/// Scores and findings for one set of answers. Built by <see cref="QualityChecker"/>; read by the
/// CLI and the web app.
/// </summary>
public sealed record QualityReport(
    IReadOnlyList<DocumentReadability> Readability,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<CheckDefinition> Checks)
{
    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);

    public int Count(Severity severity) => Findings.Count(f => f.Severity == severity);

    /// <summary>The checks that ran and found nothing.</summary>
    public IEnumerable<CheckDefinition> Passed => Checks.Where(c => Findings.All(f => f.Check != c));

    public DocumentReadability? For(Language language) => Readability.FirstOrDefault(r => r.Language == language);
}

/// <summary>What the quality check looks at: the answers as given and the documents assembled from them.</summary>
public sealed record QualityInput(
    ContentLibrary Library,
    Answers.AnswerSet Answers,
    IReadOnlyList<ProtocolDocument> Documents,
    QualityPatterns Patterns,
    QualityOptions Options);
