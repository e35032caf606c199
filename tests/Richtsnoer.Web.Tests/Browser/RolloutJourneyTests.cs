using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Richtsnoer.Web.Tests.Infrastructure;

namespace Richtsnoer.Web.Tests.Browser;

/// <summary>
/// The roll-out journey of issue 13 in Chromium, with real e-mail: the owner imports 40 people
/// (two bad rows), publishes; an employee takes the link from the message the SMTP server
/// received, reads and acknowledges on a phone; after a major version they read only the changes.
/// </summary>
[Collection("browser")]
public sealed class RolloutJourneyTests(BrowserFixture fixture)
{
    /// <summary>40 people; line 12 has no valid address, line 27 repeats line 4's.</summary>
    private static byte[] Forty(string domain)
    {
        var lines = new List<string> { "Naam;E-mail;Afdeling;Taal" };
        for (var i = 1; i <= 40; i++)
        {
            var email = i switch { 11 => "geen-adres", 26 => $"medewerker3@{domain}", _ => $"medewerker{i}@{domain}" };
            lines.Add($"Medewerker {i};{email};{(i % 2 == 0 ? "Controle" : "Advies")};nl");
        }

        return Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");
    }

    [Fact]
    public async Task Import_40_staff_publish_an_employee_acknowledges_from_the_mailed_link_on_a_phone_and_later_reads_only_the_changes()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var app = new RichtsnoerApp(Db.Sqlite, TestDatabases.NewSqlite());
        await using var configured = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Richtsnoer:Email:Smtp:Host", "127.0.0.1");
            b.UseSetting("Richtsnoer:Email:Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            b.UseSetting("Richtsnoer:Email:Smtp:Security", "None");
            b.UseSetting("Richtsnoer:Accounts:VerifyRegistration", "false");
        });
        configured.UseKestrel(0);
        configured.StartServer();
        var baseUrl = configured.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First(a => a.StartsWith("http://", StringComparison.Ordinal)).Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1").TrimEnd('/');

        async Task<(Site Site, AccessibilityLog Axe)> OpenAsync(int width, int height)
        {
            var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, ViewportSize = new ViewportSize { Width = width, Height = height }, AcceptDownloads = true, Locale = "nl-NL" });
            context.SetDefaultTimeout(45_000);
            var axe = new AccessibilityLog();
            return (new Site(await context.NewPageAsync(), axe, fixture.ScreenshotDirectory), axe);
        }

        var (site, axe) = await OpenAsync(1280, 900);
        var page = site.Page;
        await site.RegisterAsync(Flows.NewEmail("journey-uitrol"), Flows.Password);
        var wizard = await site.CreateOrganisationAsync("Accountantskantoor Lindeboom");
        await wizard.ChooseAsync("sector", "ICT");
        await wizard.NextAsync("works-council");
        await wizard.ChooseAsync("works_council", "Nee");
        foreach (var step in new[] { "working-hours", "information", "contacts" })
        {
            await wizard.NextAsync(step);
        }

        await wizard.FillContactAsync("escalation_contact", "het team HR", "hr@lindeboom.test");
        await wizard.NextAsync("monitoring");
        await wizard.NextAsync("rules");
        await wizard.FillAsync("effective_date", "2027-01-01");
        await wizard.FinishAsync();
        var org = page.Url.Split("/o/")[1].Split('/')[0];

        // 40 people from Excel; the preview names the two bad lines.
        var domain = $"lindeboom-{Guid.NewGuid():N}.test";
        await page.GotoAsync("/organisations");
        await page.GetByRole(AriaRole.Link, new() { Name = "Medewerkers", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Lijst importeren uit een CSV-bestand" }).ClickAsync();
        await page.Locator("#i-Upload").SetInputFilesAsync(new FilePayload { Name = "medewerkers.csv", MimeType = "text/csv", Buffer = Forty(domain) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Controleren" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.row-errors tr[data-line]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("table.row-errors tr[data-line='12']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table.row-errors tr[data-line='27']")).ToBeVisibleAsync();
        await site.VisitedAsync("rollout-import-preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import uitvoeren" }).ClickAsync();
        await Assertions.Expect(page.Locator("ul.counts li[data-count=added] strong")).ToHaveTextAsync("38");

        // Publish 1.0: 38 invitations reach the SMTP server.
        await page.GotoAsync($"/o/{org}/versions");
        await page.GetByRole(AriaRole.Button, new() { Name = "Versie vastleggen" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publiceren" }).ClickAsync();
        await Assertions.Expect(page.Locator(".facts")).ToContainTextAsync("Gepubliceerd");
        var employee = $"medewerker7@{domain}";
        var invitation = await smtp.WaitForAsync(m => m.To.ToString().Contains(employee, StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        Assert.Contains("Accountantskantoor Lindeboom", invitation.Subject);
        await smtp.WaitForAsync(38, TimeSpan.FromSeconds(60));
        Assert.Equal(38, smtp.Accepted.Count(m => (m.Subject ?? "").StartsWith("Lezen en bevestigen", StringComparison.Ordinal)));

        // The employee, on a phone, opens the link from the message, reads and acknowledges.
        var (phone, phoneAxe) = await OpenAsync(390, 844);
        var link = Flows.LinkIn(invitation.TextBody!, "/s/");
        await phone.Page.GotoAsync(link);
        await phone.VisitedAsync("staff-signin-phone");
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "Protocol openen" }).ClickAsync();
        await Assertions.Expect(phone.Page.Locator("main")).ToContainTextAsync("Medewerker 7");
        await phone.VisitedAsync("staff-home-phone");
        await phone.Page.GetByRole(AriaRole.Link, new() { Name = "Lezen en bevestigen" }).ClickAsync();
        await Assertions.Expect(phone.Page.Locator("article .clause").First).ToBeVisibleAsync();
        Assert.True(await phone.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the reading page scrolls sideways on a phone");
        await phone.VisitedAsync("staff-read-phone");
        await phone.Page.GetByLabel("Ik heb versie 1.0 van het social-mediaprotocol van Accountantskantoor Lindeboom gelezen en begrepen.").CheckAsync();
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "Bevestigen" }).ClickAsync();
        await Assertions.Expect(phone.Page.Locator(".notice")).ToContainTextAsync("Uw bevestiging is vastgelegd");
        await phone.VisitedAsync("staff-acknowledged-phone");

        // The owner's overview: 1 of 38.
        await page.GotoAsync($"/o/{org}/rollout");
        await Assertions.Expect(page.Locator("#share")).ToContainTextAsync("1 van 38 bevestigd");
        await site.VisitedAsync("rollout-overview");

        // A major version: a rule changes; the employee gets a message about the changes only.
        await page.GotoAsync($"/o/{org}/interview/working-hours");
        await wizard.ChooseAsync("working_hours", "Niet, behalve als de functie het vraagt");
        await wizard.NextAsync("information");
        await page.GotoAsync($"/o/{org}/versions");
        await Assertions.Expect(page.GetByLabel("Inhoudelijk")).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Versie vastleggen" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publiceren" }).ClickAsync();
        await Assertions.Expect(page.Locator(".facts")).ToContainTextAsync("Gepubliceerd");
        var changed = await smtp.WaitForAsync(m => m.To.ToString().Contains(employee, StringComparison.Ordinal) && (m.Subject ?? "").StartsWith("Gewijzigd", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        await phone.Page.GotoAsync(Flows.LinkIn(changed.TextBody!, "/s/"));
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "Protocol openen" }).ClickAsync();
        await phone.Page.GetByRole(AriaRole.Link, new() { Name = "Wijzigingen lezen en bevestigen" }).ClickAsync();
        await Assertions.Expect(phone.Page.Locator("h1")).ToContainTextAsync("Wat er veranderde in versie 2.0");
        await Assertions.Expect(phone.Page.Locator("article .clause")).ToHaveCountAsync(0);
        var changedClauses = await phone.Page.Locator("article .rl-clause, article .rl-entry, article section.rl-chapter").CountAsync();
        Assert.True(changedClauses is > 0 and < 6, $"{changedClauses} changed entries shown");
        Assert.True(await phone.Page.Locator("article ins, article del").CountAsync() > 0, "no redline marks");
        await phone.VisitedAsync("staff-changes-phone");
        await phone.Page.GetByLabel("ten opzichte van versie 1.0", new() { Exact = false }).CheckAsync();
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "Bevestigen" }).ClickAsync();
        await Assertions.Expect(phone.Page.Locator(".notice")).ToContainTextAsync("Uw bevestiging is vastgelegd");

        Assert.True(axe.Problems.Count == 0, string.Join("\n", axe.Problems));
        Assert.True(phoneAxe.Problems.Count == 0, string.Join("\n", phoneAxe.Problems));
    }
}
