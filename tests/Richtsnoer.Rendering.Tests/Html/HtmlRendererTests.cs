using AngleSharp.Html.Parser;
using Richtsnoer.Core;
using Richtsnoer.Core.Model;
using Richtsnoer.Rendering.Html;

namespace Richtsnoer.Rendering.Tests.Html;

public class HtmlRendererTests
{
    private static AngleSharp.Html.Dom.IHtmlDocument Parse(ProtocolDocument doc) => new HtmlParser().ParseDocument(HtmlRenderer.ToHtml(doc));

    [Theory]
    [MemberData(nameof(Samples.ExamplesAndLanguages), MemberType = typeof(Samples))]
    public void The_page_has_metadata_a_table_of_contents_and_every_numbered_clause(string example, Language language)
    {
        var doc = Samples.Example(example, language);
        var html = Parse(doc);

        Assert.Equal(language.Tag(), html.DocumentElement.GetAttribute("lang"));
        Assert.Contains(doc.Metadata.OrganisationName, html.Title);
        Assert.Equal(doc.Metadata.OrganisationName, html.QuerySelector("meta[name=author]")!.GetAttribute("content"));

        var toc = html.QuerySelectorAll("nav.toc li").Select(li => li.TextContent).ToList();
        Assert.Equal(doc.Sections.Select(s => s.Label(language) + s.Title), toc);
        foreach (var link in html.QuerySelectorAll("nav.toc a"))
        {
            Assert.NotNull(html.GetElementById(link.GetAttribute("href")!.TrimStart('#')));
        }

        var headings = html.QuerySelectorAll("article.clause h3").Select(h => h.TextContent).ToList();
        Assert.Equal(doc.AllClauses.Select(c => c.Number + c.Title), headings);
        Assert.Empty(html.QuerySelectorAll("script"));
        Assert.DoesNotContain("{{", html.Body!.TextContent);
    }

    [Fact]
    public void Hostile_text_is_shown_literally_and_never_becomes_markup()
    {
        var doc = Samples.Hostile(Samples.Nasty, Samples.Nasty);
        var html = Parse(doc);

        Assert.Empty(html.QuerySelectorAll("script"));
        Assert.Empty(html.QuerySelectorAll("a[href^=javascript]"));
        Assert.Equal(Samples.Nasty, html.QuerySelector("header.doc .org")!.TextContent);
        var own = html.QuerySelector("article[data-clause=own-1]")!;
        Assert.Contains("<script>alert('x')</script>", own.TextContent);
        Assert.Contains("{{org_name}}", own.TextContent);
    }

    [Fact]
    public void Adapted_and_own_clauses_are_marked()
    {
        var html = Parse(Samples.Hostile("Bakkerij", "Eigen regel"));
        Assert.Contains("eigen bepaling", html.QuerySelector("article[data-clause=own-1] h3")!.TextContent);
    }

    [Fact]
    public void Characters_no_document_may_hold_are_dropped_not_crashing()
    {
        var html = HtmlRenderer.ToHtml(Samples.Hostile("Bakker\u0001ij \uD800x", "Regel\u0008 met \uFFFF tekens"));
        Assert.DoesNotContain('\u0001', html);
        Assert.DoesNotContain('\uFFFF', html);
        Assert.Contains("Bakkerij x", html);
    }

    [Theory]
    [MemberData(nameof(Samples.ExamplesAndLanguages), MemberType = typeof(Samples))]
    public void The_staff_summary_has_its_title_once_and_its_parts_as_unnumbered_headings(string example, Language language)
    {
        var protocol = Samples.Example(example, language);
        var summary = Core.Assembly.SummaryAssembler.Assemble(Samples.Library, Samples.Answers(example), protocol);
        var html = Parse(summary);
        var headings = html.QuerySelectorAll("h1, h2, h3").Select(h => h.TextContent).ToList();
        Assert.Equal([summary.Metadata.Title], headings.Where(t => t.Contains(summary.Metadata.Title, StringComparison.Ordinal)));
        Assert.Equal(summary.AllClauses.Select(c => c.Title), html.QuerySelectorAll("article.clause h2").Select(h => h.TextContent));
        Assert.Empty(html.QuerySelectorAll("h3, .num"));
    }
}
