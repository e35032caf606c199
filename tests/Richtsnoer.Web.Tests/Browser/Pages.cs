using Microsoft.Playwright;

namespace Richtsnoer.Web.Tests.Browser;

/// <summary>Page objects: what a user does on each page, in the words of that page.</summary>
public sealed class Site(IPage page, AccessibilityLog axe, string screenshots)
{
    public IPage Page { get; } = page;

    /// <summary>What a person would have done so far: clicks, characters typed, words read.</summary>
    public PersonPace Pace { get; } = new();

    /// <summary>axe-core and a screenshot of the page as it is now; its words count as read, unless the page was read already.</summary>
    public async Task VisitedAsync(string name, bool read = true)
    {
        await Page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        if (read)
        {
            await Pace.ReadAsync(Page, name);
        }

        await axe.CheckAsync(Page, name);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, name + ".png") });
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, name + "-full.png"), FullPage = true });
    }

    /// <summary>A click a person makes.</summary>
    public async Task ClickAsync(ILocator target)
    {
        Pace.Clicks++;
        await target.ClickAsync();
    }

    /// <summary>A person clicks into a field and types; <paramref name="typed"/> is what they type when it differs from the value (a date).</summary>
    public async Task TypeAsync(ILocator field, string value, string? typed = null)
    {
        Pace.Clicks++;
        Pace.Characters += (typed ?? value).Length;
        await field.FillAsync(value);
    }

    public async Task RegisterAsync(string email, string password)
    {
        await Page.GotoAsync("/");
        await VisitedAsync("home");
        await ClickAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Gratis beginnen" }));
        await VisitedAsync("register");
        await TypeAsync(Page.GetByLabel("E-mailadres"), email);
        await TypeAsync(Page.GetByLabel("Wachtwoord", new() { Exact = true }), password);
        await TypeAsync(Page.GetByLabel("Wachtwoord nog een keer"), password);
        await ClickAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Account maken" }));
        await Page.WaitForURLAsync("**/organisations/new");
    }

    /// <summary>Creates the organisation and opens the full interview, step by step.</summary>
    public async Task<WizardPage> CreateOrganisationAsync(string name)
    {
        await VisitedAsync("organisation-new");
        await TypeAsync(Page.GetByLabel("Naam van de organisatie"), name);
        await ClickAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Alle vragen stap voor stap" }));
        await Page.WaitForURLAsync("**/interview/organisation");
        return new WizardPage(this);
    }

    /// <summary>The quick start: five answers on one screen, then the finished protocol.</summary>
    public async Task<ProtocolPage> QuickStartAsync(QuickStartAnswers answers, string screenshot = "quickstart")
    {
        await VisitedAsync(screenshot);
        var form = Page.Locator("form.quick-start");
        await TypeAsync(Page.GetByLabel("Naam van de organisatie"), answers.Name);
        await ClickAsync(form.Locator("[data-question=sector]").GetByLabel(answers.Sector, new() { Exact = true }));
        await ClickAsync(form.Locator("[data-question=works_council]").GetByLabel(answers.WorksCouncil ? "Ja" : "Nee", new() { Exact = true }));
        var contact = form.Locator("[data-question=escalation_contact]");
        await TypeAsync(contact.GetByLabel("Afdeling of persoon"), answers.Contact);
        await TypeAsync(contact.GetByLabel("E-mailadres"), answers.ContactEmail);
        // A person types the date's digits; the browser adds the dashes.
        await TypeAsync(form.Locator("[data-question=effective_date] input"), answers.EffectiveDate, answers.EffectiveDate.Replace("-", ""));
        await VisitedAsync(screenshot + "-filled", read: false);
        await ClickAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Protocol maken" }));
        await Page.WaitForURLAsync("**/protocol");
        return new ProtocolPage(this);
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
            await site.ClickAsync(row.GetByRole(AriaRole.Link, new() { Name = button })));
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

/// <summary>The five answers of the quick start, with the labels the screen shows.</summary>
public sealed record QuickStartAnswers(string Name, string Sector, bool WorksCouncil, string Contact, string ContactEmail, string EffectiveDate);

/// <summary>
/// A person's pace through a journey: 1.5 s per click, 0.25 s per character typed, and reading
/// every word the pages show at 200 words a minute. The protocol itself (the document on the
/// protocol page) is counted apart: a person downloads it to read later, and its words are
/// reported separately.
/// </summary>
public sealed class PersonPace
{
    public const double SecondsPerClick = 1.5;
    public const double SecondsPerCharacter = 0.25;
    public const double WordsPerMinute = 200;

    private readonly List<(string Page, int Words, int DocumentWords)> pages = [];

    public int Clicks { get; set; }

    public int Characters { get; set; }

    public int Words => pages.Sum(p => p.Words);

    public int DocumentWords => pages.Sum(p => p.DocumentWords);

    public IReadOnlyList<(string Page, int Words, int DocumentWords)> Pages => pages;

    public TimeSpan Estimate => TimeSpan.FromSeconds(Clicks * SecondsPerClick + Characters * SecondsPerCharacter + Words / WordsPerMinute * 60);

    public TimeSpan EstimateWithDocument => Estimate + TimeSpan.FromSeconds(DocumentWords / WordsPerMinute * 60);

    /// <summary>Counts the words rendered on the page now (hidden and collapsed text is not shown, so not read).</summary>
    public async Task ReadAsync(IPage page, string name)
    {
        var counts = await page.EvaluateAsync<int[]>("""
            () => {
                const words = t => (t || '').split(/\s+/).filter(w => /[\p{L}\p{N}]/u.test(w)).length;
                const documents = [...document.querySelectorAll('article.document, .document-frame .document')];
                const inDocument = documents.reduce((n, d) => n + words(d.innerText), 0);
                return [words(document.body.innerText) - inDocument, inDocument];
            }
            """);
        pages.Add((name, counts[0], counts[1]));
    }

    public string Report(string journey, TimeSpan automated) =>
        $"{journey}: {Clicks} clicks × {SecondsPerClick} s + {Characters} characters × {SecondsPerCharacter} s + {Words} words read at {WordsPerMinute} per minute "
        + $"({string.Join(", ", pages.Select(p => $"{p.Page} {p.Words}"))}) = {Estimate.TotalMinutes:0.0} min person time "
        + $"({Estimate:m\\:ss}); reading the protocol itself too ({DocumentWords} words): {EstimateWithDocument.TotalMinutes:0.0} min; automated run {automated.TotalSeconds:0.0} s";
}
