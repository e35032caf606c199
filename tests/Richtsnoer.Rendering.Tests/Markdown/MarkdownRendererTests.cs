using AngleSharp.Html.Parser;
using Richtsnoer.Core;
using Richtsnoer.Rendering.Markdown;
using Richtsnoer.Rendering.Tests.Html;

namespace Richtsnoer.Rendering.Tests.Markdown;

public class MarkdownRendererTests
{
    /// <summary>What a Markdown viewer shows: CommonMark rendered by Markdig, parsed as HTML.</summary>
    private static AngleSharp.Html.Dom.IHtmlDocument View(string markdown) =>
        new HtmlParser().ParseDocument(Markdig.Markdown.ToHtml(markdown));

    [Theory]
    [MemberData(nameof(Samples.ExamplesAndLanguages), MemberType = typeof(Samples))]
    public void A_viewer_shows_every_section_and_clause_heading_in_order(string example, Language language)
    {
        var doc = Samples.Example(example, language);
        var view = View(MarkdownRenderer.ToMarkdown(doc));
        Assert.Equal(doc.Metadata.Title, view.QuerySelector("h1")!.TextContent);
        Assert.Equal(doc.Sections.Select(s => $"{s.Label(language)}. {s.Title}"), view.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.Equal(doc.AllClauses.Select(c => $"{c.Number} {c.Title}"), view.QuerySelectorAll("h3").Select(h => h.TextContent));
        Assert.DoesNotContain("{{", view.Body!.TextContent);
    }

    [Fact]
    public void Hostile_text_stays_literal_text_in_a_viewer()
    {
        var doc = Samples.Hostile(Samples.Nasty, Samples.Nasty);
        var view = View(MarkdownRenderer.ToMarkdown(doc));

        Assert.Empty(view.QuerySelectorAll("script"));
        Assert.Empty(view.QuerySelectorAll("a"));
        Assert.Single(view.QuerySelectorAll("h1"));
        Assert.Equal(doc.AllClauses.Count(), view.QuerySelectorAll("h3").Length);
        var flat = Samples.Nasty.Replace("\n", " ");
        Assert.Contains(flat, view.QuerySelector("p strong")!.TextContent);
    }

    // "- x", "1. x" and "> x" in an own clause are meant as list and example (the same syntax as
    // the clause library); these are the other block markers CommonMark knows.
    [Theory]
    [InlineData("+ not a bullet")]
    [InlineData("2027. not a list")]
    [InlineData("# not a heading")]
    [InlineData("---")]
    [InlineData("=== not a heading either")]
    public void Text_that_looks_like_a_block_marker_stays_a_paragraph(string text)
    {
        var view = View(MarkdownRenderer.ToMarkdown(Samples.Hostile("Bakkerij", text)));
        var own = view.QuerySelectorAll("h3").Last(h => h.TextContent.Contains("eigen bepaling", StringComparison.Ordinal));
        Assert.Equal(text, own.NextElementSibling!.TextContent);
        Assert.Equal("P", own.NextElementSibling.TagName);
    }

    [Fact]
    public void Ampersands_and_exclamation_marks_are_written_as_they_are()
    {
        var markdown = MarkdownRenderer.ToMarkdown(Samples.Hostile("Bakkerij Één & Zoon!", "Vragen? Bel ons! Koffie & thee, R&D."));
        Assert.Contains("**Bakkerij Één & Zoon!**", markdown, StringComparison.Ordinal);
        Assert.Contains("Vragen? Bel ons! Koffie & thee, R&D.", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("\\&", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("\\!", markdown, StringComparison.Ordinal);
    }

    // Escaped only where CommonMark would otherwise read a character reference or an image.
    [Theory]
    [InlineData("&copy; 2027 &amp; later")]
    [InlineData("&#60;script&#62;alert(1)&#60;/script&#62;")]
    [InlineData("&#x3C;b&#x3E;vet&#x3C;/b&#x3E;")]
    [InlineData("&copy\u0001; stays literal when a control character hides it")]
    [InlineData("![foto](https://example.org/x.png) and ![x](javascript:alert(1))")]
    [InlineData("!!! &&& ! & ;")]
    public void Text_that_looks_like_a_reference_or_an_image_stays_literal(string text)
    {
        var view = View(MarkdownRenderer.ToMarkdown(Samples.Hostile("Bakkerij", text)));
        Assert.Empty(view.QuerySelectorAll("img"));
        Assert.Empty(view.QuerySelectorAll("a"));
        Assert.Empty(view.QuerySelectorAll("script, b"));
        var own = view.QuerySelectorAll("h3").Last(h => h.TextContent.Contains("eigen bepaling", StringComparison.Ordinal));
        Assert.Equal(text.Replace("\u0001", "", StringComparison.Ordinal), own.NextElementSibling!.TextContent);
    }

    [Theory]
    [MemberData(nameof(Samples.ExamplesAndLanguages), MemberType = typeof(Samples))]
    public void The_staff_summary_has_its_title_once_and_its_parts_as_unnumbered_headings(string example, Language language)
    {
        var protocol = Samples.Example(example, language);
        var summary = Richtsnoer.Core.Assembly.SummaryAssembler.Assemble(Samples.Library, Samples.Answers(example), protocol);
        var view = View(MarkdownRenderer.ToMarkdown(summary));
        Assert.Equal([summary.Metadata.Title], view.QuerySelectorAll("h1, h2, h3").Select(h => h.TextContent).Where(t => t.Contains(summary.Metadata.Title, StringComparison.Ordinal)));
        Assert.Equal(summary.AllClauses.Select(c => c.Title), view.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.Empty(view.QuerySelectorAll("h3"));
    }
}
