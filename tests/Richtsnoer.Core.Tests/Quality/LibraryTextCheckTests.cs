using Richtsnoer.Core.Assembly;
using Richtsnoer.Core.Content;
using Richtsnoer.Core.Quality;

namespace Richtsnoer.Core.Tests.Quality;

/// <summary>
/// The overbroad and legal-risk checks read the library's own text too, not only what an
/// organisation wrote: a library clause that bans too much is as risky as an own clause.
/// </summary>
public class LibraryTextCheckTests
{
    private static readonly string[] OverbroadIds = [QualityChecks.OverbroadCriticism.Id, QualityChecks.OverbroadConditions.Id];

    /// <summary>The combinations of the main choices that AssemblyTests covers, with a sector and size per case.</summary>
    public static IEnumerable<string> Combinations()
    {
        var sectors = new[] { "anders", "zorg", "onderwijs", "overheid", "retail_horeca", "ict" };
        var i = 0;
        foreach (var wc in new[] { "true", "false" })
        foreach (var cao in new[] { "true", "false" })
        foreach (var hours in new[] { "free", "breaks", "work_related", "none" })
        foreach (var monitoring in new[] { "none", "public_mentions", "other" })
        foreach (var sanctions in new[] { "graduated", "case_by_case" })
        foreach (var channels in new[] { "true", "false" })
        {
            i++;
            yield return TestData.Minimal.Replace("works_council: false", $"works_council: {wc}").Replace("sector: anders", $"sector: {sectors[i % sectors.Length]}")
                + $"\nlanguages: [nl, en]\ncao_regulates: {cao}\nworking_hours: {hours}\nmonitoring: {monitoring}\nsanctions: {sanctions}\ncompany_channels: {channels}"
                + $"\nemployee_count: {(i % 2 == 0 ? 12 : 900)}\nroles: [customer_service, communication, marketing, recruitment, sales]"
                + "\nmonitoring_purpose: {nl: om vragen snel te beantwoorden, en: to answer questions quickly}"
                + "\nconfidential_matters: [{nl: offertes, en: quotations}]\nrelations: [Leverancier B.V.]\ncompetitors: [Concurrent B.V.]"
                + TestData.MonitoringNotice + (cao == "true" ? TestData.CaoNames : "");
        }
    }

    [Fact]
    public void The_whole_library_assembled_for_every_combination_has_no_overbroad_finding()
    {
        var count = 0;
        var problems = new List<string>();
        foreach (var yaml in Combinations())
        {
            var report = QualityChecker.Run(TestData.Library, TestData.Answers(yaml), QualityPatterns.Default);
            Assert.Equal(2, report.Readability.Count);
            problems.AddRange(report.Findings.Where(f => OverbroadIds.Contains(f.Id)).Select(f => $"{f.Message.En} ({f.Where})"));
            count++;
        }

        Assert.Equal(192, count);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
    }

    [Theory]
    [InlineData("relations", "Geef online dus geen oordeel over het werk, de producten of de mensen van andere organisaties.", "So do not give your opinion online about the work, products or people of other organisations.")]
    [InlineData("personal-title", "Anoniem of onder een andere naam over {{org_short}} schrijven, doe je niet.", "You do not write about {{org_short}} anonymously or under another name.")]
    [InlineData("respect", "Over {{org_short}} zeg je online nooit iets negatiefs.", "You never say anything negative about {{org_short}} online.")]
    public void A_library_clause_that_bans_too_much_is_flagged(string id, string nl, string en)
    {
        // The library as it was before issue 11 had sentences like these; the check now reads them.
        var original = TestData.Library.Clause(id)!;
        var changed = original with
        {
            Nl = new ClauseBody(original.Nl!.Title, BodyParser.Parse(nl)),
            En = new ClauseBody(original.En!.Title, BodyParser.Parse(en)),
        };
        var library = TestData.Library with { Clauses = TestData.Library.Clauses.Select(c => c.Id == id ? changed : c).ToList() };
        var answers = TestData.Answers(TestData.Minimal + "\nlanguages: [nl, en]");
        var findings = QualityChecker.Run(library, answers, QualityPatterns.Default).Findings.Where(f => f.Id == QualityChecks.OverbroadCriticism.Id).ToList();
        Assert.Contains(findings, f => f.Where == $"content/clauses ({id}, nl)");
        Assert.Contains(findings, f => f.Where == $"content/clauses ({id}, en)");
        Assert.Contains(findings, f => f.Message.Nl.Contains("uit de bibliotheek", StringComparison.Ordinal));
        Assert.DoesNotContain(QualityChecker.Run(TestData.Library, answers, QualityPatterns.Default).Findings, f => OverbroadIds.Contains(f.Id));
    }
}
