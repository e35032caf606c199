using System.Runtime.CompilerServices;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Content;
using Richtsnoer.Core.Quality;

namespace Richtsnoer.Web.Features.Protocol;

/// <summary>
/// The quality report of the protocol page: the same <see cref="QualityChecker.Run"/> with the same
/// default thresholds as <c>richtsnoer check</c>, on the stored answers. The pattern files are read
/// once per content library; a report is kept per content of the answers (at most
/// <see cref="MaxCached"/>, the least recently used leaving first), so opening the page again does not assemble the protocol once more.
/// </summary>
public static class QualityReports
{
    private const int MaxCached = 200;

    private static readonly ConditionalWeakTable<ContentLibrary, QualityPatterns> Patterns = [];

    private static readonly Infrastructure.BoundedCache<(ContentLibrary Library, string Answers), QualityReport> Reports = new(MaxCached);

    public static QualityReport For(ContentLibrary library, AnswerSet answers)
    {
        var key = (library, Infrastructure.Fingerprint.Of(AnswersFile.Write(answers, library)));
        if (Reports.TryGet(key, out var report))
        {
            return report;
        }

        report = QualityChecker.Run(library, answers, Patterns.GetValue(library, l => QualityPatterns.Load(l.RootDirectory)), QualityOptions.Default);
        Reports.Set(key, report);
        return report;
    }
}
