using System.Text.RegularExpressions;
using Richtsnoer.Web.Features.Tools;
using Richtsnoer.Web.Tests.Infrastructure;

namespace Richtsnoer.Web.Tests.Tools;

/// <summary>
/// Issue 15 on the employee tools: the highlighted draft reads like the draft, the disclaimer's
/// inputs are styled, contacts are mailto:/tel: links without doubled brackets, and a finding
/// names the clause of the assembled protocol that is about it.
/// </summary>
public abstract partial class ToolsPageFixesTests(AppFixture fixture)
{
    private static readonly Dictionary<string, Dictionary<string, string[]>> Extra = new()
    {
        ["information"] = new()
        {
            ["q.confidential_matters"] = ["de nieuwe huisstijl"],
            ["q.competitors"] = ["Codekracht Software B.V."],
            ["q.relations"] = ["Woningstichting Thuisbaas"],
        },
        ["contacts"] = new()
        {
            ["q.escalation_contact.name"] = ["het team Communicatie"],
            ["q.escalation_contact.email"] = ["communicatie@voorbeeld.nl"],
            ["q.escalation_contact.phone"] = ["(020) 555 12 34"],
        },
    };

    private Task<(WebSession Session, Guid Org)> MemberAsync() => Flows.GeneratedAsync(fixture.App, "Datastroom Software B.V.", Extra);

    [GeneratedRegex(@"\.draft mark\s*\{[^}]*\}")]
    private static partial Regex DraftMarkRule();

    [Fact]
    public async Task The_highlighted_draft_has_the_text_of_the_draft_without_seams()
    {
        var (s, org) = await MemberAsync();
        using var _ = s;
        await s.GetAsync($"/o/{org}/tools/post-check");
        const string draft = "Die klootzakken van Codekracht Software B.V.!\n\n  Bel me: 06-12345678";
        await s.SubmitAsync("main form", new Dictionary<string, string[]> { ["Text"] = [draft] });
        var box = s.Page.QuerySelector(".draft")!;
        foreach (var sup in box.QuerySelectorAll("sup").ToList())
        {
            sup.Remove();
        }

        Assert.Equal(draft, box.TextContent);
        var marks = box.QuerySelectorAll("mark").ToList();
        Assert.NotEmpty(marks);
        // No two marks of the same verdict touch: a phrase is one run, not pieces with seams.
        for (var i = 1; i < marks.Count; i++)
        {
            Assert.False(marks[i - 1].NextSibling == marks[i] && marks[i - 1].ClassName == marks[i].ClassName, $"'{marks[i - 1].TextContent}' and '{marks[i].TextContent}' are two marks of one run");
        }

        var css = await s.Client.GetStringAsync("/css/site.css", TestContext.Current.CancellationToken);
        var rule = DraftMarkRule().Match(css).Value;
        Assert.Contains("padding: 0", rule);
        Assert.Contains("box-decoration-break: clone", rule);
    }

    [Fact]
    public void Neighbouring_pieces_of_one_verdict_are_one_mark_and_every_finding_keeps_its_number()
    {
        static Core.PostCheck.Finding F(int start, int length, Core.PostCheck.CheckCategory category) => new(category, "k", start, length, "m", null, null, "ask");
        const string text = "aaa bbb ccc";
        var findings = new[] { F(0, 7, Core.PostCheck.CheckCategory.Abusive), F(4, 7, Core.PostCheck.CheckCategory.Abusive) };
        var html = PostCheckModel.DraftMarkup(text, PostCheckModel.Split(text, findings), findings, Core.Language.Nl);
        Assert.Equal("<mark class=\"finding-red\">aaa bbb ccc</mark><sup class=\"refs\"><a href=\"#f-1\" aria-label=\"bevinding 1\">1</a>,<a href=\"#f-2\" aria-label=\"bevinding 2\">2</a></sup>", html);
    }

    [Fact]
    public async Task The_disclaimer_inputs_are_text_inputs_the_stylesheet_styles()
    {
        var (s, org) = await MemberAsync();
        using var _ = s;
        await s.GetAsync($"/o/{org}/tools/disclaimer");
        var inputs = s.Page.QuerySelectorAll("main form input:not([type=hidden])").ToList();
        Assert.Equal(2, inputs.Count);
        Assert.All(inputs, i => Assert.Equal("text", i.GetAttribute("type")));
        var css = await s.Client.GetStringAsync("/css/site.css", TestContext.Current.CancellationToken);
        Assert.Contains("input[type=text]", css);
    }

    [Fact]
    public async Task Contacts_are_mailto_and_tel_links_without_doubled_brackets()
    {
        var (s, org) = await MemberAsync();
        using var _ = s;
        await s.GetAsync($"/o/{org}/tools/response-guide");
        while (s.Page.QuerySelector(".choices a") is { } next)
        {
            await s.GetAsync(next.GetAttribute("href")!);
        }

        var main = s.Page.QuerySelector("main")!;
        Assert.NotNull(main.QuerySelector("#advice"));
        Assert.NotEmpty(main.QuerySelectorAll(".notice a[href='mailto:communicatie@voorbeeld.nl']"));
        Assert.NotEmpty(main.QuerySelectorAll(".notice a[href='tel:0205551234']"));
        Assert.DoesNotContain("((", main.TextContent);
        Assert.DoesNotContain("))", main.TextContent);
        Assert.Contains("het team Communicatie, communicatie@voorbeeld.nl, (020) 555 12 34", main.TextContent);

        await s.GetAsync($"/o/{org}/tools/post-check");
        await s.SubmitAsync("main form", new Dictionary<string, string[]> { ["Text"] = ["Codekracht Software B.V. zijn idioten."] });
        var ask = s.Page.QuerySelector(".post-check .ask")!;
        Assert.NotNull(ask.QuerySelector("a[href='mailto:communicatie@voorbeeld.nl']"));
        Assert.NotNull(ask.QuerySelector("a[href='tel:0205551234']"));
        Assert.DoesNotContain("((", ask.TextContent);
    }

    [Fact]
    public async Task A_finding_names_the_clause_of_the_protocol_that_is_about_it()
    {
        var (s, org) = await MemberAsync();
        using var _ = s;
        // The numbers as the assembled protocol on the protocol page has them.
        await s.GetAsync($"/o/{org}/protocol");
        string NumberOf(string clauseId) => s.Page.QuerySelector($"#c-{clauseId} .num")!.TextContent.Trim();
        var competitors = NumberOf("competitors-list");
        var relations = NumberOf("relations-list");
        var confidential = NumberOf("confidential-list");
        Assert.NotEqual(NumberOf("relations"), competitors);

        await s.GetAsync($"/o/{org}/tools/post-check");
        await s.SubmitAsync("main form", new Dictionary<string, string[]> { ["Text"] = ["Codekracht Software B.V. pakt Woningstichting Thuisbaas in. En de nieuwe huisstijl is vertrouwelijk."] });
        var hints = s.Page.QuerySelectorAll(".findings li")
            .Where(li => !li.TextContent.Contains("“vertrouwelijk”", StringComparison.Ordinal)) // the marker word itself
            .ToDictionary(li => li.QuerySelector("strong")!.TextContent, li => li.QuerySelector(".hint")?.TextContent ?? "");
        Assert.StartsWith($"Zie {competitors} ", hints["Concurrent"]);
        Assert.StartsWith($"Zie {relations} ", hints["Klant, partner of leverancier"]);
        Assert.StartsWith($"Zie {confidential} ", hints["Vertrouwelijk"]);
    }
}

[Collection("sqlite")]
public sealed class ToolsPageFixesTestsOnSqlite(SqliteFixture f) : ToolsPageFixesTests(f);

[Collection("postgres")]
public sealed class ToolsPageFixesTestsOnPostgres(PostgresFixture f) : ToolsPageFixesTests(f);
