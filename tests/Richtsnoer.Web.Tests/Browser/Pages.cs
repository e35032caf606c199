using Microsoft.Playwright;

namespace Richtsnoer.Web.Tests.Browser;

/// <summary>Page objects: what a user does on each page, in the words of that page.</summary>
public sealed class Site(IPage page, AccessibilityLog axe, string screenshots)
{
    public IPage Page { get; } = page;

    /// <summary>axe-core and a screenshot of the page as it is now.</summary>
    public async Task VisitedAsync(string name)
    {
        await Page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await axe.CheckAsync(Page, name);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, name + ".png") });
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, name + "-full.png"), FullPage = true });
    }

    public async Task RegisterAsync(string email, string password)
    {
        await Page.GotoAsync("/");
        await VisitedAsync("home");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Gratis beginnen" }).ClickAsync();
        await VisitedAsync("register");
        await Page.GetByLabel("E-mailadres").FillAsync(email);
        await Page.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(password);
        await Page.GetByLabel("Wachtwoord nog een keer").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Account maken" }).ClickAsync();
        await Page.WaitForURLAsync("**/organisations/new");
    }

    public async Task<WizardPage> CreateOrganisationAsync(string name)
    {
        await VisitedAsync("organisation-new");
        await Page.GetByLabel("Naam van de organisatie").FillAsync(name);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Beginnen" }).ClickAsync();
        await Page.WaitForURLAsync("**/interview/organisation");
        return new WizardPage(this);
    }

    public async Task LoginAsync(string email, string password)
    {
        await Page.GetByLabel("E-mailadres").FillAsync(email);
        await Page.GetByLabel("Wachtwoord").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
    }

    public async Task LogoutAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();
        await Page.WaitForURLAsync("**/account/login?loggedOut=1");
    }
}

public sealed class WizardPage(Site site)
{
    private IPage Page => site.Page;

    public ILocator Preview => Page.Locator("#preview");

    public async Task<string> StepCountAsync() => (await Page.Locator(".step-count").TextContentAsync())!.Trim();

    public async Task VisitedAsync(string name) => await site.VisitedAsync(name);

    public ILocator Question(string id) => Page.Locator($"[data-question='{id}']");

    public async Task ChooseAsync(string question, string label) =>
        await Question(question).GetByLabel(label, new() { Exact = true }).CheckAsync();

    public async Task FillAsync(string question, string text) => await Question(question).Locator("input, textarea").First.FillAsync(text);

    public async Task FillContactAsync(string question, string name, string? email = null)
    {
        await Question(question).GetByLabel("Afdeling of persoon").FillAsync(name);
        if (email is not null)
        {
            await Question(question).GetByLabel("E-mailadres").FillAsync(email);
        }
    }

    /// <summary>Waits until the live preview shows this text.</summary>
    public async Task PreviewShowsAsync(string text) =>
        await Assertions.Expect(Preview).ToContainTextAsync(text, new() { Timeout = 30_000 });

    public async Task NextAsync(string expectedStep)
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Volgende stap" }).ClickAsync();
        await Page.WaitForURLAsync($"**/interview/{expectedStep}");
    }

    public async Task BackAsync(string expectedStep)
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Vorige stap" }).ClickAsync();
        await Page.WaitForURLAsync($"**/interview/{expectedStep}");
    }

    public async Task<ProtocolPage> FinishAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Klaar: protocol bekijken" }).ClickAsync();
        await Page.WaitForURLAsync("**/protocol");
        return new ProtocolPage(site);
    }
}

public sealed class ProtocolPage(Site site)
{
    private IPage Page => site.Page;

    public async Task VisitedAsync(string name) => await site.VisitedAsync(name);

    /// <summary>Clicks a download button and returns the file's bytes.</summary>
    public async Task<(string Name, byte[] Bytes)> DownloadAsync(string button, bool summary = false)
    {
        var row = Page.Locator(".download-row").Nth(summary ? 1 : 0);
        var download = await Page.RunAndWaitForDownloadAsync(async () =>
            await row.GetByRole(AriaRole.Link, new() { Name = button }).ClickAsync());
        var path = await download.PathAsync();
        return (download.SuggestedFilename, await File.ReadAllBytesAsync(path));
    }

    public ILocator Clause(string id) => Page.Locator($"#c-{id}");

    /// <summary>Opens "Tekst aanpassen" of the first clause that has it; returns that clause's id.</summary>
    public async Task<string> OpenFirstAdaptableAsync()
    {
        var link = Page.Locator(".clause-tools a[href*='/protocol/clauses/']").First;
        var id = (await link.GetAttributeAsync("href"))!.Split('/')[5].Split('?')[0];
        await link.ClickAsync();
        await Page.WaitForURLAsync($"**/protocol/clauses/{id}**");
        return id;
    }

    public async Task AdaptAsync(string title, string text)
    {
        await site.VisitedAsync("clause-adapt");
        await Page.GetByLabel("Titel").FillAsync(title);
        await Page.GetByLabel("Tekst", new() { Exact = true }).FillAsync(text);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Aanpassing bewaren" }).ClickAsync();
        await Page.WaitForURLAsync("**/protocol?lang=nl&saved=1**");
    }
}
