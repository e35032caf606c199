using System.Text;
using Richtsnoer.Core;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Content;
using Richtsnoer.Core.Quality;
using Richtsnoer.Web.Tests.Infrastructure;

namespace Richtsnoer.Web.Tests.Protocol;

/// <summary>The quality report beside the coverage panel: the report of <c>richtsnoer check</c> on the same answers.</summary>
public abstract class QualityReportTests(AppFixture fixture)
{
    private static readonly Dictionary<string, Dictionary<string, string[]>> NoPhonesAtWork = new()
    {
        ["working-hours"] = new() { ["q.working_hours"] = ["none"] },
    };

    [Fact]
    public async Task The_protocol_page_shows_readability_per_chapter_and_the_findings_of_the_cli()
    {
        using var s = fixture.App.Session();
        await Flows.RegisterAsync(s);
        var org = await Flows.CreateOrganisationAsync(s, "Kwaliteit Keurmeesters BV");
        await Flows.CompleteInterviewAsync(s, org, NoPhonesAtWork);

        // What "richtsnoer check" reports on the answers file of this draft.
        var (_, file) = await s.DownloadAsync($"/o/{org}/protocol/answers-file?handler=download");
        var answers = AnswersFileCheck.Check(file, "a.yaml", ContentLibrary.Default).Answers!;
        var cli = QualityChecker.Run(ContentLibrary.Default, answers, QualityPatterns.Default);
        var readability = cli.For(Language.Nl)!;
        Assert.Contains(cli.Findings, f => f.Id == QualityChecks.WorkingHoursBan.Id);

        await s.GetAsync($"/o/{org}/protocol");
        var panel = s.Page.QuerySelector("aside .quality")!;
        Assert.NotNull(panel);
        var rows = panel.QuerySelectorAll(".quality-sections tbody tr");
        Assert.Equal(readability.Sections.Count, rows.Length);
        foreach (var (section, row) in readability.Sections.Zip(rows))
        {
            Assert.Equal(section.SectionId, row.GetAttribute("data-section"));
            Assert.Equal(section.Scores.Score!.Value.ToString("0", Language.Nl.Culture()), row.QuerySelectorAll("td")[0].TextContent.Split(' ')[0].Trim());
            Assert.Equal(section.Scores.Statistics.Words.ToString(Language.Nl.Culture()), row.QuerySelectorAll("td")[1].TextContent.Trim());
        }

        var findings = panel.QuerySelectorAll(".quality-findings > li");
        Assert.Equal(cli.Findings.Select(f => f.Id), findings.Select(li => li.GetAttribute("data-check")));
        foreach (var (finding, li) in cli.Findings.Zip(findings))
        {
            Assert.Contains(finding.Message.Nl, li.TextContent);
            Assert.Equal(finding.Check.Basis.Nl, li.QuerySelector(".basis")!.TextContent);
            Assert.Equal(finding.Fix.Nl, li.QuerySelector(".fix")!.TextContent);
        }

        // In English for an English interface.
        await s.PostAsync("/language", [new("__RequestVerificationToken", s.Token()), new("lang", "en")]);
        await s.GetAsync($"/o/{org}/protocol");
        var ban = s.Page.QuerySelector($"aside .quality li[data-check='{QualityChecks.WorkingHoursBan.Id}']")!;
        var english = cli.Findings.First(f => f.Id == QualityChecks.WorkingHoursBan.Id);
        Assert.Equal(english.Check.Basis.En, ban.QuerySelector(".basis")!.TextContent);
        Assert.Equal(english.Fix.En, ban.QuerySelector(".fix")!.TextContent);
        Assert.Contains("Quality of the text", s.Text("aside .quality h2"));
    }
}

[Collection("sqlite")]
public sealed class QualityReportTestsOnSqlite(SqliteFixture f) : QualityReportTests(f);

[Collection("postgres")]
public sealed class QualityReportTestsOnPostgres(PostgresFixture f) : QualityReportTests(f);
