using System.Net;
using System.Text;
using Richtsnoer.Web.Tests.Infrastructure;

namespace Richtsnoer.Web.Tests.Protocol;

/// <summary>
/// Issue 14 in the web app: owners and editors give other words for their terms (the answer
/// check_aliases) and try a draft that shows which term or word matched; the draft is never stored.
/// </summary>
public abstract class CheckTermsTests(AppFixture fixture)
{
    private static readonly Dictionary<string, Dictionary<string, string[]>> Extra = new()
    {
        ["information"] = new()
        {
            ["q.confidential_matters"] = ["de overname door Brandsma Groep"],
            ["q.relations"] = ["Sint Olof Ziekenhuis"],
            ["q.competitors"] = ["Zorgdata Noord"],
        },
    };

    private Task<(WebSession Session, Guid Org)> OwnerAsync() => Flows.GeneratedAsync(fixture.App, "Zorgsoftware Midden B.V.", Extra);

    private static Task SaveAsync(WebSession s, params string[] aliases) =>
        s.SubmitAsync("form[action*='handler=save']", aliases.Select((a, i) => (a, i)).ToDictionary(x => $"Aliases[{x.i}]", x => new[] { x.a }));

    [Fact]
    public async Task Other_words_are_saved_as_check_aliases_and_reachable_from_the_protocol_and_the_post_check()
    {
        var (s, org) = await OwnerAsync();
        using var _ = s;
        Assert.NotNull(s.Page.QuerySelector($"a[href='/o/{org}/protocol/check-terms']"));
        await s.GetAsync($"/o/{org}/tools/post-check");
        Assert.NotNull(s.Page.QuerySelector($"main a[href='/o/{org}/protocol/check-terms']"));

        await s.GetAsync($"/o/{org}/protocol/check-terms");
        Assert.Equal(HttpStatusCode.OK, s.Status);
        Assert.Equal(["de overname door Brandsma Groep", "Sint Olof Ziekenhuis", "Zorgdata Noord"], s.Page.QuerySelectorAll("form[action*='handler=save'] label bdi").Select(b => b.TextContent));
        await SaveAsync(s, "fusie met Brandsma", "SOZ, het Olof", "");
        Assert.Equal($"/o/{org}/protocol/check-terms?saved=1", s.Url);
        Assert.Equal("SOZ, het Olof", s.Page.QuerySelector("#f-Aliases-1")!.GetAttribute("value"));

        var (_, file) = await s.DownloadAsync($"/o/{org}/protocol/answers-file?handler=download");
        var yaml = Encoding.UTF8.GetString(file);
        Assert.Contains("check_aliases:\n  - \"de overname door Brandsma Groep = fusie met Brandsma\"\n  - \"Sint Olof Ziekenhuis = SOZ, het Olof\"\n", yaml);

        // The interview shows the same answer.
        await s.GetAsync($"/o/{org}/interview/information");
        Assert.Contains("Sint Olof Ziekenhuis = SOZ, het Olof", s.Html);
    }

    [Fact]
    public async Task A_test_draft_shows_which_term_or_other_word_matched_and_is_not_stored()
    {
        var (s, org) = await OwnerAsync();
        using var _ = s;
        await s.GetAsync($"/o/{org}/protocol/check-terms");
        await SaveAsync(s, "", "SOZ, het Olof", "");
        var (_, before) = await s.DownloadAsync($"/o/{org}/audit?handler=json");

        const string draft = "Morgen ben ik bij het SOZ. En Zorgdata Noord loopt weer achter.";
        await s.SubmitAsync("form[action*='handler=try']", new Dictionary<string, string[]> { ["Draft"] = [draft] });
        Assert.Equal(HttpStatusCode.OK, s.Status);
        Assert.Contains("no-store", s.Response.Headers.CacheControl!.ToString());
        var items = s.Page.QuerySelectorAll(".matched-terms li").ToList();
        var relation = items.Single(li => li.GetAttribute("data-category") == "relation");
        Assert.Equal("Sint Olof Ziekenhuis", relation.QuerySelector(".configured")!.TextContent);
        Assert.Equal("SOZ", relation.QuerySelector(".via")!.TextContent);
        var competitor = items.Single(li => li.GetAttribute("data-category") == "competitor");
        Assert.Equal("Zorgdata Noord", competitor.QuerySelector(".configured")!.TextContent);
        Assert.Null(competitor.QuerySelector(".via"));

        // Nothing of the draft is kept: not in the answers, not in the audit trail.
        var (_, file) = await s.DownloadAsync($"/o/{org}/protocol/answers-file?handler=download");
        Assert.DoesNotContain("Morgen ben ik", Encoding.UTF8.GetString(file));
        var (_, after) = await s.DownloadAsync($"/o/{org}/audit?handler=json");
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Hostile_or_wrong_words_are_refused_or_stay_text()
    {
        var (s, org) = await OwnerAsync();
        using var _ = s;
        await s.GetAsync($"/o/{org}/protocol/check-terms");
        await SaveAsync(s, "a = b", "bel\u0007 mij", "");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, s.Status);
        Assert.Equal(2, s.Page.QuerySelectorAll(".field.has-error").Length);
        Assert.Equal("bel\u0007 mij", s.Page.QuerySelector("#f-Aliases-1")!.GetAttribute("value"));

        await s.GetAsync($"/o/{org}/protocol/check-terms");
        await SaveAsync(s, "", "<script>alert(1)</script>, {{org_name}}", "");
        Assert.Equal($"/o/{org}/protocol/check-terms?saved=1", s.Url);
        Assert.DoesNotContain("<script>alert(1)</script>", s.Html);
        Assert.Equal("<script>alert(1)</script>, {{org_name}}", s.Page.QuerySelector("#f-Aliases-1")!.GetAttribute("value"));

        await s.SubmitAsync("form[action*='handler=try']", new Dictionary<string, string[]> { ["Draft"] = ["   "] });
        Assert.NotNull(s.Page.QuerySelector(".error-summary"));
    }

    [Fact]
    public async Task A_stale_save_is_refused_and_strangers_get_nothing()
    {
        var (s, org) = await OwnerAsync();
        using var _ = s;
        using var editor = fixture.App.Session();
        var editorEmail = await Flows.RegisterAsync(editor);
        await Flows.AddEditorAsync(fixture.App, s, org, editor, editorEmail);
        await editor.GetAsync($"/o/{org}/protocol/check-terms");
        await s.GetAsync($"/o/{org}/protocol/check-terms");
        await SaveAsync(s, "", "SOZ", "");
        await SaveAsync(editor, "", "het Olof", "");
        Assert.Equal(HttpStatusCode.Conflict, editor.Status);
        Assert.Equal("het Olof", editor.Page.QuerySelector("#f-Aliases-1")!.GetAttribute("value"));
        await SaveAsync(editor, "", "het Olof", "");
        Assert.Equal($"/o/{org}/protocol/check-terms?saved=1", editor.Url);

        using var stranger = fixture.App.Session();
        await Flows.RegisterAsync(stranger);
        await stranger.GetAsync($"/o/{org}/protocol/check-terms");
        Assert.Equal(HttpStatusCode.NotFound, stranger.Status);
    }
}

[Collection("sqlite")]
public sealed class CheckTermsTestsOnSqlite(SqliteFixture f) : CheckTermsTests(f);

[Collection("postgres")]
public sealed class CheckTermsTestsOnPostgres(PostgresFixture f) : CheckTermsTests(f);
