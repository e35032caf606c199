using System.Net;
using Richtsnoer.Core.Content;
using Richtsnoer.Web.Tests.Infrastructure;

namespace Richtsnoer.Web.Tests.Organisations;

/// <summary>The quick start on the page that creates an organisation, over HTTP.</summary>
public abstract class QuickStartTests(AppFixture fixture)
{
    private static Dictionary<string, string[]> Quick(string name = "Bakkerij De Gouden Korst", string sector = "retail_horeca", string worksCouncil = "false", string email = "winkel@goudenkorst.nl") => new()
    {
        ["Name"] = [name],
        ["q.sector"] = [sector],
        ["q.works_council"] = [worksCouncil],
        ["q.escalation_contact.name"] = ["de bedrijfsleider"],
        ["q.escalation_contact.email"] = [email],
        ["q.effective_date"] = ["2027-01-01"],
    };

    [Fact]
    public async Task Five_answers_on_one_screen_give_a_protocol_ready_to_download()
    {
        using var s = fixture.App.Session();
        await Flows.RegisterAsync(s);
        await s.SubmitAsync("main form", Quick(), ("start", "quick"));
        Assert.Matches("^/o/[0-9a-f-]{36}/protocol$", s.Url);
        Assert.Equal(HttpStatusCode.OK, s.Status);
        Assert.NotNull(s.Page.QuerySelector(".download-row a[href*='/download/pdf']"));
        Assert.Contains("Bakkerij De Gouden Korst", s.Text("article.document"));
        Assert.Contains("de bedrijfsleider", s.Text("article.document"));
        var org = s.Url.Split('/')[2];

        // Reached from the quick start, the protocol page is no "step 8 of 8"; from the
        // interview's last step (the browser names it as referrer) it is.
        Assert.Equal("Bakkerij De Gouden Korst", s.Text(".eyebrow"));
        var total = ContentLibrary.Default.Interview.ScreenCount;
        using (var fromStep = new HttpRequestMessage(HttpMethod.Get, $"/o/{org}/protocol"))
        {
            fromStep.Headers.Referrer = new Uri(s.Client.BaseAddress!, $"/o/{org}/interview/{ContentLibrary.Default.Interview.Steps[^1].Id}");
            var page = await s.Client.SendAsync(fromStep, TestContext.Current.CancellationToken);
            Assert.Contains($"stap {total} van {total}", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        // The organisation page: ready, and refinement starts at the first question.
        await s.GetAsync("/organisations");
        Assert.Contains("Protocol klaar", s.Text(".card"));
        var refine = s.Page.QuerySelectorAll(".card a").First(a => a.TextContent.Contains("Aanscherpen", StringComparison.Ordinal));
        Assert.Equal($"/o/{org}/interview/{ContentLibrary.Default.Interview.Steps[0].Id}", refine.GetAttribute("href"));

        await s.GetAsync($"/o/{org}/download/pdf?lang=nl");
        Assert.Equal(HttpStatusCode.OK, s.Status);
    }

    [Fact]
    public async Task A_missing_or_wrong_answer_keeps_everything_typed_and_creates_nothing()
    {
        using var s = fixture.App.Session();
        await Flows.RegisterAsync(s);
        var answers = Quick(email: "winkel-at-goudenkorst");
        answers.Remove("q.works_council");
        await s.SubmitAsync("main form", answers, ("start", "quick"));
        Assert.Equal("/organisations/new", s.Url);
        var summary = s.Text(".error-summary");
        Assert.Contains("Heeft de organisatie een ondernemingsraad (OR)? Dit antwoord is verplicht.", summary);
        Assert.Contains("geen geldig e-mailadres", summary);
        Assert.DoesNotContain("?:", summary);
        Assert.Equal("Bakkerij De Gouden Korst", s.Page.QuerySelector("#f-Name")!.GetAttribute("value"));
        Assert.True(s.Page.QuerySelector("input[name='q.sector'][value=retail_horeca]")!.HasAttribute("checked"));
        Assert.Equal("winkel-at-goudenkorst", s.Page.QuerySelector("#q-escalation_contact-email")!.GetAttribute("value"));
        Assert.Equal("2027-01-01", s.Page.QuerySelector("#q-effective_date")!.GetAttribute("value"));

        // Nothing was created: the account still has no organisation.
        await s.GetAsync("/organisations");
        Assert.Equal("/organisations/new", s.Url);
    }

    [Fact]
    public async Task The_full_interview_stays_one_button_away_and_counts_its_screens_as_its_steps_do()
    {
        using var s = fixture.App.Session();
        await Flows.RegisterAsync(s);
        var total = ContentLibrary.Default.Interview.ScreenCount;
        Assert.Contains($"in {total} schermen", s.Text("main"));

        await s.SubmitAsync("main form", new Dictionary<string, string[]> { ["Name"] = ["Zorggroep Het Anker"] }, ("start", "interview"));
        Assert.Matches("^/o/[0-9a-f-]{36}/interview/organisation$", s.Url);
        Assert.Equal($"Stap 1 van {total}", s.Text(".step-count"));
    }
}

[Collection("sqlite")]
public sealed class QuickStartTestsOnSqlite(SqliteFixture f) : QuickStartTests(f);

[Collection("postgres")]
public sealed class QuickStartTestsOnPostgres(PostgresFixture f) : QuickStartTests(f);
