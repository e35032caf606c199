using System.Net;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Richtsnoer.Web.Tests.Infrastructure;

namespace Richtsnoer.Web.Tests.Tools;

/// <summary>The post check page and API, the blog disclaimer and the response guide, for members of the organisation.</summary>
public abstract class EmployeeToolsTests(AppFixture fixture)
{
    private static readonly Dictionary<string, Dictionary<string, string[]>> Extra = new()
    {
        ["information"] = new()
        {
            ["q.competitors"] = ["Codekracht Software B.V."],
            ["q.relations"] = ["Woningstichting Thuisbaas"],
        },
    };

    private Task<(WebSession Session, Guid Org)> MemberAsync() => Flows.GeneratedAsync(fixture.App, "Datastroom Software B.V.", Extra);

    [Fact]
    public async Task The_page_shows_the_verdict_and_highlights_the_findings()
    {
        var (s, org) = await MemberAsync();
        using var _ = s;
        await s.GetAsync($"/o/{org}/tools/post-check");
        Assert.Equal(HttpStatusCode.OK, s.Status);
        Assert.Contains("niet", s.Text(".privacy"));

        const string draft = "Codekracht zijn echte klootzakken.\nBel Jan: 06-12345678";
        await s.SubmitAsync("main form", new Dictionary<string, string[]> { ["Text"] = [draft] });
        Assert.Equal(HttpStatusCode.OK, s.Status);
        Assert.Contains("no-store", s.Response.Headers.CacheControl!.ToString());
        Assert.NotNull(s.Page.QuerySelector(".verdict-red"));
        var marks = s.Page.QuerySelectorAll(".draft mark").Select(m => m.TextContent).ToList();
        Assert.Contains("Codekracht", marks);
        Assert.Contains("klootzakken", marks);
        Assert.Contains("06-12345678", marks);
        Assert.Equal(3, s.Page.QuerySelectorAll(".findings li").Length);
        Assert.Contains("het team Communicatie", s.Html);
        Assert.Equal(draft, s.Page.QuerySelector("textarea[name=Text]")!.TextContent.TrimStart('\n'));
    }

    [Fact]
    public async Task An_empty_or_green_post_gets_a_clear_answer()
    {
        var (s, org) = await MemberAsync();
        using var _ = s;
        await s.GetAsync($"/o/{org}/tools/post-check");
        await s.SubmitAsync("main form", new Dictionary<string, string[]> { ["Text"] = [""] });
        Assert.NotNull(s.Page.QuerySelector(".has-error"));
        await s.SubmitAsync("main form", new Dictionary<string, string[]> { ["Text"] = ["Mooie dag vandaag."] });
        Assert.NotNull(s.Page.QuerySelector(".verdict-green"));
        Assert.Null(s.Page.QuerySelector(".draft"));
    }

    [Fact]
    public async Task The_api_answers_with_the_json_of_the_cli()
    {
        var (s, org) = await MemberAsync();
        using var _ = s;
        const string draft = "Ik werk bij Datastroom en Codekracht is een stel idioten.";
        var response = await s.Client.PostAsJsonAsync($"/api/o/{org}/post-check", new { text = draft, lang = "en" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = json.RootElement;
        Assert.Equal(["verdict", "findings", "total"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, root.GetProperty("total").GetInt32());
        Assert.Equal("red", root.GetProperty("verdict").GetString());
        var categories = root.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("category").GetString()).ToList();
        Assert.Equal(["employer", "competitor", "abusive"], categories);
        foreach (var f in root.GetProperty("findings").EnumerateArray())
        {
            Assert.Equal(["category", "start", "length", "message", "clause"], f.EnumerateObject().Select(p => p.Name));
        }

        var employer = root.GetProperty("findings")[0];
        Assert.Equal("Datastroom", draft.Substring(employer.GetProperty("start").GetInt32(), employer.GetProperty("length").GetInt32()));
        Assert.Contains("personal capacity", employer.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_save_that_changes_nothing_the_check_reads_keeps_the_checker_and_a_new_competitor_is_found_at_once()
    {
        var (s, org) = await MemberAsync();
        using var _ = s;
        var ct = TestContext.Current.CancellationToken;
        var tools = fixture.App.Services.GetRequiredService<Richtsnoer.Web.Features.Tools.EmployeeTools>();
        async Task<List<string?>> CategoriesAsync(string draft)
        {
            var response = await s.Client.PostAsJsonAsync($"/api/o/{org}/post-check", new { text = draft, lang = "nl" }, ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            return json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("category").GetString()).ToList();
        }

        Assert.Contains("competitor", await CategoriesAsync("Codekracht levert morgen."));
        var built = tools.CheckersBuilt;

        // Another spokesperson: a new revision, the protocol text changes, the checker's terms do not.
        await Flows.AnswerStepAsync(s, org, "working-hours", new Dictionary<string, string[]> { ["q.spokespersons"] = ["de directeur"] }, "save");
        Assert.Contains("competitor", await CategoriesAsync("Codekracht levert morgen."));
        Assert.Equal(built, tools.CheckersBuilt);

        // A new competitor is part of what the checker reads: the next check knows it.
        Assert.DoesNotContain("competitor", await CategoriesAsync("Bitbouwers levert morgen."));
        await Flows.AnswerStepAsync(s, org, "information", new Dictionary<string, string[]> { ["q.competitors"] = ["Codekracht Software B.V.\nBitbouwers Groep"], ["q.relations"] = ["Woningstichting Thuisbaas"] }, "save");
        Assert.Contains("competitor", await CategoriesAsync("Bitbouwers levert morgen."));
        Assert.True(tools.CheckersBuilt > built);
    }

    [Fact]
    public async Task An_empty_or_too_long_draft_gets_the_same_answer_on_both_pages_and_in_the_api()
    {
        var (s, org) = await MemberAsync();
        using var _ = s;
        var tooLong = new string('a', 50_001);

        await s.GetAsync($"/o/{org}/tools/post-check");
        await s.SubmitAsync("main form", new Dictionary<string, string[]> { ["Text"] = ["  \n "] });
        Assert.Equal("Fout: Typ of plak eerst een bericht.", s.Text("#e-Text"));
        await s.SubmitAsync("main form", new Dictionary<string, string[]> { ["Text"] = [tooLong] });
        Assert.Equal("Fout: De tekst is te lang om te controleren: meer dan 50.000 tekens.", s.Text("#e-Text"));
        Assert.Null(s.Page.QuerySelector(".verdict-red, .verdict-green"));

        await s.GetAsync($"/o/{org}/protocol/check-terms");
        await s.SubmitAsync("form[action*='handler=try']", new Dictionary<string, string[]> { ["Draft"] = [""] });
        Assert.Equal("Typ of plak eerst een bericht.", s.Text(".error-summary"));
        await s.SubmitAsync("form[action*='handler=try']", new Dictionary<string, string[]> { ["Draft"] = [tooLong] });
        Assert.Equal("De tekst is te lang om te controleren: meer dan 50.000 tekens.", s.Text(".error-summary"));

        var ct = TestContext.Current.CancellationToken;
        var api = await s.Client.PostAsJsonAsync($"/api/o/{org}/post-check", new { text = tooLong, lang = "en" }, ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, api.StatusCode);
        Assert.Contains("The text is too long to check: more than 50,000 characters.", await api.Content.ReadAsStringAsync(ct));
    }

    [Fact]
    public async Task The_api_refuses_what_it_cannot_check()
    {
        var (s, org) = await MemberAsync();
        using var _ = s;
        var ct = TestContext.Current.CancellationToken;
        var form = await s.Client.PostAsync($"/api/o/{org}/post-check", new FormUrlEncodedContent([new("text", "hallo")]), ct);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        var bad = await s.Client.PostAsync($"/api/o/{org}/post-check", new StringContent("{not json", Encoding.UTF8, "application/json"), ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("error", await bad.Content.ReadAsStringAsync(ct));
        var missing = await s.Client.PostAsJsonAsync($"/api/o/{org}/post-check", new { lang = "nl" }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var tooLong = await s.Client.PostAsJsonAsync($"/api/o/{org}/post-check", new { text = new string('a', 50_001) }, ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLong.StatusCode);
        var longest = await s.Client.PostAsJsonAsync($"/api/o/{org}/post-check", new { text = string.Concat(Enumerable.Repeat("Wat een kankerweer, bel 06-12345678. ", 2_000))[..50_000] }, ct);
        Assert.Equal(HttpStatusCode.OK, longest.StatusCode);

        using var stranger = fixture.App.Session();
        var anonymous = await stranger.Client.PostAsJsonAsync($"/api/o/{org}/post-check", new { text = "hallo" }, ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await Flows.RegisterAsync(stranger);
        var foreign = await stranger.Client.PostAsJsonAsync($"/api/o/{org}/post-check", new { text = "hallo" }, ct);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task Disclaimer_and_response_guide_use_the_organisation()
    {
        var (s, org) = await MemberAsync();
        using var _ = s;
        await s.GetAsync($"/o/{org}/tools");
        Assert.Equal(3, s.Page.QuerySelectorAll(".cards a").Length);

        await s.GetAsync($"/o/{org}/tools/disclaimer");
        await s.SubmitAsync("main form", new Dictionary<string, string[]> { ["Name"] = ["Sanne de Vries"], ["Year"] = ["2027"] });
        var texts = string.Join("\n", s.Page.QuerySelectorAll(".copy-text").Select(p => p.TextContent));
        Assert.Contains("© 2027 Sanne de Vries", texts);
        Assert.Contains("Datastroom Software B.V.", texts);
        await s.SubmitAsync("main form", new Dictionary<string, string[]> { ["Name"] = [new string('n', 150)] });
        Assert.NotNull(s.Page.QuerySelector(".error-summary"));

        await s.GetAsync($"/o/{org}/tools/response-guide");
        var first = s.Page.QuerySelector(".choices a")!.GetAttribute("href")!;
        await s.GetAsync(first);
        Assert.Equal(HttpStatusCode.OK, s.Status);
        while (s.Page.QuerySelector(".choices a") is { } next)
        {
            await s.GetAsync(next.GetAttribute("href")!);
        }

        Assert.NotNull(s.Page.QuerySelector("#advice"));
        Assert.Contains("het team Communicatie", s.Page.QuerySelector("main")!.TextContent);
        await s.GetAsync($"/o/{org}/tools/response-guide?path=9");
        Assert.Equal(HttpStatusCode.NotFound, s.Status);
    }
}

[Collection("sqlite")]
public sealed class EmployeeToolsTestsOnSqlite(SqliteFixture f) : EmployeeToolsTests(f);

[Collection("postgres")]
public sealed class EmployeeToolsTestsOnPostgres(PostgresFixture f) : EmployeeToolsTests(f);
