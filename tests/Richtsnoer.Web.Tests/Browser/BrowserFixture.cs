using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Richtsnoer.Web.Tests.Infrastructure;

namespace Richtsnoer.Web.Tests.Browser;

/// <summary>
/// The app on a real Kestrel port (SQLite) and Debian's Chromium driven by Playwright. Never
/// downloads a browser: the executable is /usr/bin/chromium (override with RICHTSNOER_CHROMIUM).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private IPlaywright? playwright;

    public RichtsnoerApp App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Screenshots of every page the journeys visit, for a human to look at.</summary>
    public string ScreenshotDirectory { get; } = Path.Combine(Path.GetTempPath(), "richtsnoer-screenshots");

    public async ValueTask InitializeAsync()
    {
        App = new RichtsnoerApp(Db.Sqlite, TestDatabases.NewSqlite());
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First(a => a.StartsWith("http://", StringComparison.Ordinal)).Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1").TrimEnd('/');

        // Warm the server up (first-request compilation, database) so that a journey on a busy
        // CI machine does not spend its timeout on start-up work.
        using (var http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(120) })
        {
            foreach (var path in new[] { "/", "/account/register", "/account/login", "/health" })
            {
                using var _ = await http.GetAsync(path, TestContext.Current.CancellationToken);
            }
        }

        Directory.CreateDirectory(ScreenshotDirectory);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("RICHTSNOER_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
            Locale = "nl-NL",
        });
        // Generous: CI runs four test assemblies at once on two cores.
        context.SetDefaultTimeout(45_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await App.DisposeAsync();
        TestDatabases.DeleteSqlite(App.ConnectionString);
    }
}

[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;

/// <summary>Runs axe-core on every page a journey visits and keeps the serious and critical violations.</summary>
public sealed class AccessibilityLog
{
    private readonly List<string> problems = [];
    private readonly HashSet<string> checkedPages = [];

    public IReadOnlyList<string> Problems => problems;

    public IReadOnlyCollection<string> CheckedPages => checkedPages;

    public async Task CheckAsync(IPage page, string name)
    {
        checkedPages.Add(name);
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
        foreach (var v in result.Violations.Where(v => v.Impact is "serious" or "critical"))
        {
            problems.Add($"{name} ({page.Url}): {v.Impact} {v.Id}: {v.Help} [{string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}]");
        }
    }
}
