using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Richtsnoer.Web.Tests.Infrastructure;

namespace Richtsnoer.Web.Tests.Security;

/// <summary>
/// Security finding 1: one request could burn a CPU core for minutes (the page split the draft
/// once per finding) and the API answered 57 MB for a 1 MB draft. Now a draft is at most 50,000
/// characters and at most 200 findings are listed, with the total.
/// </summary>
public abstract class PostCheckLimitsTests(AppFixture fixture)
{
    /// <summary>10,000 swear words in 40,000 characters: every word is a finding.</summary>
    private static readonly string Worst = string.Concat(Enumerable.Repeat("kut ", 10_000));

    private Task<(WebSession Session, Guid Org)> MemberAsync() => Flows.GeneratedAsync(fixture.App, "Drukkerij Punt");

    [Fact]
    public async Task The_page_refuses_a_draft_longer_than_a_long_blog_post()
    {
        var (s, org) = await MemberAsync();
        using var _ = s;
        await s.GetAsync($"/o/{org}/tools/post-check");
        Assert.Equal("50000", s.Page.QuerySelector("textarea")!.GetAttribute("maxlength"));
        await s.SubmitAsync("main form", new Dictionary<string, string[]> { ["Text"] = [new string('a', 50_001)] });
        Assert.Contains("te lang", s.Text("#e-Text"));
        Assert.Null(s.Page.QuerySelector(".verdict"));
    }

    [Fact]
    public async Task A_draft_full_of_findings_lists_the_first_200_and_says_how_many_there_are()
    {
        var (s, org) = await MemberAsync();
        using var _ = s;
        await s.GetAsync($"/o/{org}/tools/post-check");
        await s.SubmitAsync("main form", new Dictionary<string, string[]> { ["Text"] = [Worst] });
        Assert.Equal(HttpStatusCode.OK, s.Status);
        Assert.Contains("Rood", s.Text(".verdict"));
        Assert.Equal(200, s.Page.QuerySelectorAll("ol.findings > li").Length);
        Assert.Equal(200, s.Page.QuerySelectorAll(".draft mark").Length);
        Assert.Contains("eerste 200 van", s.Text(".post-check .notice"));

        // The whole draft is still shown once, in order.
        Assert.Equal(Worst, Collapse(s));
    }

    [Fact]
    public async Task The_api_answers_a_draft_full_of_findings_with_200_and_the_total()
    {
        var (s, org) = await MemberAsync();
        using var _ = s;
        var ct = TestContext.Current.CancellationToken;
        var response = await s.Client.PostAsJsonAsync($"/api/o/{org}/post-check", new { text = Worst }, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(ct);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("red", json.RootElement.GetProperty("verdict").GetString());
        Assert.Equal(200, json.RootElement.GetProperty("findings").GetArrayLength());
        Assert.Equal(10_000, json.RootElement.GetProperty("total").GetInt32());
        Assert.True(body.Length < 200_000, $"{body.Length} characters of JSON");
    }

    /// <summary>The draft's text as shown: marks and plain runs, without the footnote numbers.</summary>
    private static string Collapse(WebSession s)
    {
        var draft = s.Page.QuerySelector(".draft")!;
        foreach (var sup in draft.QuerySelectorAll("sup").ToList())
        {
            sup.Remove();
        }

        return draft.TextContent;
    }
}

[Collection("sqlite")]
public sealed class PostCheckLimitsTestsOnSqlite(SqliteFixture f) : PostCheckLimitsTests(f);
