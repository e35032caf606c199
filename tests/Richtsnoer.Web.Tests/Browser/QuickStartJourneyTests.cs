using System.Diagnostics;
using System.Text;
using Microsoft.Playwright;
using Richtsnoer.Web.Tests.Infrastructure;

namespace Richtsnoer.Web.Tests.Browser;

/// <summary>
/// The quick start in Chromium: from registration to a downloaded PDF with only the five
/// quick-start answers, timed, with a person's pace estimated from what the journey did.
/// </summary>
[Collection("browser")]
public sealed class QuickStartJourneyTests(BrowserFixture fixture)
{
    private static readonly TimeSpan PersonBudget = TimeSpan.FromMinutes(5);

    private async Task<(Site Site, AccessibilityLog Axe)> OpenAsync(int width = 1280, int height = 900)
    {
        var axe = new AccessibilityLog();
        var page = await fixture.NewPageAsync(width, height);
        return (new Site(page, axe, fixture.ScreenshotDirectory), axe);
    }

    public static TheoryData<string, string, string, bool, string, string> Organisations => new()
    {
        { "bakery-12", "Bakkerij De Gouden Korst", "Winkel en horeca", false, "de bedrijfsleider", "winkel@goudenkorst.nl" },
        { "firm-40-works-council", "Van der Berg Accountants", "Zakelijke dienstverlening", true, "het secretariaat", "secretariaat@vdberg.nl" },
    };

    [Theory]
    [MemberData(nameof(Organisations))]
    public async Task Registration_to_a_downloaded_pdf_with_only_the_quick_start_takes_a_person_at_most_five_minutes(
        string journey, string name, string sector, bool worksCouncil, string contact, string email)
    {
        var (site, axe) = await OpenAsync();
        var clock = Stopwatch.StartNew();
        await site.RegisterAsync(Flows.NewEmail(journey), Flows.Password);
        var protocol = await site.QuickStartAsync(new QuickStartAnswers(name, sector, worksCouncil, contact, email, "2027-01-01"), "quickstart-" + journey);
        await protocol.VisitedAsync("quickstart-" + journey + "-protocol");
        var (pdfName, pdf) = await protocol.DownloadAsync("PDF");
        clock.Stop();

        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        Assert.EndsWith(".pdf", pdfName);
        if (JourneyTests.PdfText(pdf) is { } text)
        {
            Assert.Contains(name, text);
            Assert.Contains(contact, text);
        }

        var report = site.Pace.Report(journey, clock.Elapsed);
        TestContext.Current.SendDiagnosticMessage(report);
        Console.WriteLine(report);
        Assert.True(site.Pace.Estimate <= PersonBudget, report);
        Assert.True(axe.Problems.Count == 0, string.Join("\n", axe.Problems));
    }

    [Fact]
    public async Task A_quick_start_with_a_missing_answer_keeps_what_was_typed_and_says_what_is_missing()
    {
        var (site, axe) = await OpenAsync();
        await site.RegisterAsync(Flows.NewEmail("quick-missing"), Flows.Password);
        await site.Page.GetByLabel("Naam van de organisatie").FillAsync("Fietsenmaker Spaak");
        await site.Page.Locator("[data-question=sector]").GetByLabel("Winkel en horeca").CheckAsync();
        await site.Page.GetByRole(AriaRole.Button, new() { Name = "Protocol maken" }).ClickAsync();
        await Assertions.Expect(site.Page.Locator(".error-summary")).ToContainTextAsync("Heeft de organisatie een ondernemingsraad (OR)? Dit antwoord is verplicht.");
        await Assertions.Expect(site.Page.Locator(".error-summary")).Not.ToContainTextAsync("?:");
        await Assertions.Expect(site.Page.GetByLabel("Naam van de organisatie")).ToHaveValueAsync("Fietsenmaker Spaak");
        await Assertions.Expect(site.Page.Locator("[data-question=sector]").GetByLabel("Winkel en horeca")).ToBeCheckedAsync();
        await site.VisitedAsync("quickstart-errors");
        Assert.True(axe.Problems.Count == 0, string.Join("\n", axe.Problems));
    }

    [Fact]
    public async Task On_a_phone_the_quick_start_and_its_protocol_fit_the_screen()
    {
        var (site, axe) = await OpenAsync(390, 844);
        await site.RegisterAsync(Flows.NewEmail("quick-phone"), Flows.Password);
        var protocol = await site.QuickStartAsync(new QuickStartAnswers("Kapsalon Knip", "Winkel en horeca", false, "de eigenaar", "knip@kapsalonknip.nl", "2027-01-01"), "quickstart-phone");
        await protocol.VisitedAsync("quickstart-phone-protocol");
        var width = await site.Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"protocol page is {width}px wide on a 390px screen");
        Assert.True(axe.Problems.Count == 0, string.Join("\n", axe.Problems));
    }

    [Fact]
    public async Task The_organisation_page_offers_refinement_from_the_first_question()
    {
        var (site, axe) = await OpenAsync();
        await site.RegisterAsync(Flows.NewEmail("quick-refine"), Flows.Password);
        await site.QuickStartAsync(new QuickStartAnswers("Drukkerij Van Os", "Industrie en bouw", true, "de planning", "planning@vanos.nl", "2027-03-01"));
        await site.Page.GotoAsync("/organisations");
        await site.VisitedAsync("organisations-after-quickstart");
        await site.Page.GetByRole(AriaRole.Link, new() { Name = "Aanscherpen" }).ClickAsync();
        await site.Page.WaitForURLAsync("**/interview/organisation");
        var wizard = new WizardPage(site);

        // One line of help; the rest behind "Meer uitleg".
        var help = wizard.Question("sector").Locator("details.more-help");
        await Assertions.Expect(wizard.Question("sector").Locator(".hint")).ToHaveTextAsync("Met de sector vullen we verstandige standaardantwoorden in.");
        await Assertions.Expect(help.Locator("p")).ToBeHiddenAsync();
        await help.Locator("summary").ClickAsync();
        await Assertions.Expect(help.Locator("p")).ToBeVisibleAsync();

        await Assertions.Expect(wizard.Question("sector").GetByLabel("Industrie en bouw")).ToBeCheckedAsync();
        await site.VisitedAsync("refine-step-1");
        Assert.True(axe.Problems.Count == 0, string.Join("\n", axe.Problems));
    }
}
