using Microsoft.Playwright;
using Richtsnoer.Web.Tests.Infrastructure;

namespace Richtsnoer.Web.Tests.Browser;

/// <summary>The smaller interview problems of issue 15, as a user in Chromium meets them.</summary>
[Collection("browser")]
public sealed class WizardFixesJourneyTests(BrowserFixture fixture)
{
    private async Task<(Site Site, AccessibilityLog Axe, WizardPage Wizard)> StartAsync(string who, int width = 1280, int height = 900)
    {
        var axe = new AccessibilityLog();
        var page = await fixture.NewPageAsync(width, height);
        var site = new Site(page, axe, fixture.ScreenshotDirectory);
        await site.RegisterAsync(Flows.NewEmail(who), Flows.Password);
        return (site, axe, await site.CreateOrganisationAsync("Schildersbedrijf Kwast"));
    }

    [Fact]
    public async Task One_click_on_next_is_enough_when_the_answer_reveals_an_optional_question()
    {
        var (site, axe, wizard) = await StartAsync("one-click");
        await wizard.ChooseAsync("sector", "Industrie en bouw");
        await wizard.NextAsync("works-council");

        // "Ja" reveals the optional consent date; "next" straight after it must still move on.
        await wizard.ChooseAsync("works_council", "Ja");
        await site.Page.GetByRole(AriaRole.Button, new() { Name = "Volgende stap" }).ClickAsync();
        await site.Page.WaitForURLAsync("**/interview/working-hours", new() { Timeout = 15_000 });
        Assert.True(axe.Problems.Count == 0, string.Join("\n", axe.Problems));
    }

    [Fact]
    public async Task A_date_field_shows_the_whole_date_and_the_preview_names_no_sector_before_one_is_chosen()
    {
        var (site, axe, wizard) = await StartAsync("date-sector");
        foreach (var word in new[] { "cliënten", "patiënten", "raad van bestuur", "vrijwilliger" })
        {
            await Assertions.Expect(wizard.Preview).Not.ToContainTextAsync(word);
        }

        await site.Page.GotoAsync(site.Page.Url.Replace("/organisation", "/rules"));
        await wizard.FillAsync("effective_date", "2027-01-01");
        var box = await wizard.Question("effective_date").Locator("input").BoundingBoxAsync();
        // 11rem: room for dd-mm-jjjj and the calendar button (the old field cut it to "01/01/20").
        Assert.True(box!.Width >= 176, $"the date field is {box.Width}px wide");
        await site.VisitedAsync("rules-date");
        Assert.True(axe.Problems.Count == 0, string.Join("\n", axe.Problems));
    }

    [Fact]
    public async Task On_a_phone_the_preview_is_one_tap_away_from_anywhere_in_the_form()
    {
        var (site, axe, wizard) = await StartAsync("phone-preview", 390, 844);
        var toggle = site.Page.Locator(".preview-toggle");
        await Assertions.Expect(toggle).ToBeVisibleAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-controls", "preview-panel");
        await Assertions.Expect(site.Page.Locator("#preview-panel")).ToBeHiddenAsync();

        // Scrolled to the end of the form the button is still on screen.
        await site.Page.EvaluateAsync("window.scrollTo(0, document.body.scrollHeight)");
        var box = await toggle.BoundingBoxAsync();
        Assert.True(box is not null && box.Y >= 0 && box.Y + box.Height <= 844, $"the preview button is at {box?.Y}px");

        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(wizard.Preview).ToBeInViewportAsync();
        await wizard.PreviewShowsAsync("Schildersbedrijf Kwast");
        await site.VisitedAsync("phone-preview-open");

        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(site.Page.Locator("#preview-panel")).ToBeHiddenAsync();
        await site.VisitedAsync("phone-preview-closed");
        Assert.True(axe.Problems.Count == 0, string.Join("\n", axe.Problems));
    }
}
