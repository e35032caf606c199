using Microsoft.Playwright;
using Richtsnoer.Web.Tests.Infrastructure;

namespace Richtsnoer.Web.Tests.Browser;

/// <summary>
/// The answers file, the quality report, the other words for the post check and the employee tools
/// in Chromium, with axe-core on every page and state the journey visits.
/// </summary>
[Collection("browser")]
public sealed class WebToolsJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Import_answers_read_the_quality_report_teach_the_check_and_use_the_tools()
    {
        var axe = new AccessibilityLog();
        var site = new Site(await fixture.NewPageAsync(), axe, fixture.ScreenshotDirectory);
        var page = site.Page;
        await site.RegisterAsync(Flows.NewEmail("journey-tools"), Flows.Password);
        await site.CreateOrganisationAsync("Datastroom Software B.V.");
        var orgPath = new Uri(page.Url).AbsolutePath.Split("/interview/")[0];

        // A broken file first: the error names the line and the field, and nothing changes.
        await page.GotoAsync(orgPath + "/protocol/answers-file");
        await site.VisitedAsync("answers-file");
        var broken = Path.Combine(Path.GetTempPath(), $"kapot-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(broken, "org_name: Datastroom\nworking_hour: free\n");
        await page.GetByLabel("Antwoordenbestand (YAML, UTF-8, hoogstens 1 MB)").SetInputFilesAsync(broken);
        await page.GetByRole(AriaRole.Button, new() { Name = "Controleren en inlezen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".file-errors")).ToContainTextAsync("bedoel je 'working_hours'?");
        await site.VisitedAsync("answers-file-refused");

        var example = Path.Combine(TestDatabases.RepoRoot(), "examples", "answers", "ict.yaml");
        await page.GetByLabel("Antwoordenbestand (YAML, UTF-8, hoogstens 1 MB)").SetInputFilesAsync(example);
        await page.GetByRole(AriaRole.Button, new() { Name = "Controleren en inlezen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Het bestand is ingelezen");
        await site.VisitedAsync("answers-file-imported");

        // The quality report beside the coverage.
        await page.GotoAsync(orgPath + "/protocol");
        await Assertions.Expect(page.Locator("aside .quality h2")).ToHaveTextAsync("Kwaliteit van de tekst");
        await page.Locator("aside .quality-details > summary").ClickAsync();
        await page.Locator("aside .quality-findings summary").First.ClickAsync();
        await site.VisitedAsync("protocol-quality");

        // Other words for a relation, and a test draft.
        await page.GetByRole(AriaRole.Link, new() { Name = "Andere woorden voor de publicatiecheck" }).ClickAsync();
        await page.GetByLabel("Relatie: Woningstichting Thuisbaas").FillAsync("WST, de woningstichting");
        await page.GetByRole(AriaRole.Button, new() { Name = "Woorden opslaan" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("De woorden zijn opgeslagen");
        await site.VisitedAsync("check-terms");
        await page.GetByLabel("Proefbericht").FillAsync("Vandaag weer bij WST geweest. Zwaluw Systemen snapt er niets van.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Proberen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".matched-terms li[data-category=relation] .via")).ToHaveTextAsync("WST");
        await site.VisitedAsync("check-terms-tried");

        // The employee tools.
        await page.GotoAsync(orgPath + "/tools/post-check");
        await page.GetByLabel("Je bericht").FillAsync("Codekracht Software B.V. zijn echte klootzakken.\nBel Jan: 06-12345678");
        await page.GetByRole(AriaRole.Button, new() { Name = "Controleren" }).ClickAsync();
        await Assertions.Expect(page.Locator(".verdict-red")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".post-check .ask a[href^='mailto:']")).ToHaveCountAsync(1);
        await site.VisitedAsync("post-check-result");

        await page.GotoAsync(orgPath + "/tools/disclaimer");
        await page.GetByLabel("Je naam").FillAsync("Sanne de Vries");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tekst maken" }).ClickAsync();
        await Assertions.Expect(page.Locator(".copy-text").First).ToContainTextAsync("Sanne de Vries");
        await site.VisitedAsync("disclaimer-result");

        await page.GotoAsync(orgPath + "/tools/response-guide");
        while (await page.Locator(".choices a").CountAsync() > 0)
        {
            await page.Locator(".choices a").First.ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        }

        await Assertions.Expect(page.Locator("#advice")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".notice a[href^='tel:']")).ToHaveCountAsync(1);
        await site.VisitedAsync("response-guide-advice");

        File.Delete(broken);
        Assert.True(axe.Problems.Count == 0, string.Join("\n", axe.Problems));
    }
}
