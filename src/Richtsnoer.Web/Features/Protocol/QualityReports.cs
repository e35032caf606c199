using System.Runtime.CompilerServices;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Content;
using Richtsnoer.Core.Quality;

namespace Richtsnoer.Web.Features.Protocol;

/// <summary>
/// The quality report of the protocol page: the same <see cref="QualityChecker.Run"/> with the same
/// default thresholds as <c>richtsnoer check</c>, on the stored answers. The pattern files are read
/// once per content library.
/// </summary>
public static class QualityReports
{
    private static readonly ConditionalWeakTable<ContentLibrary, QualityPatterns> Patterns = [];

    public static QualityReport For(ContentLibrary library, AnswerSet answers) =>
        QualityChecker.Run(library, answers, Patterns.GetValue(library, l => QualityPatterns.Load(l.RootDirectory)), QualityOptions.Default);
}
