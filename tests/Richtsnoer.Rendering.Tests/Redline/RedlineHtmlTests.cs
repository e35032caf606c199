using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Richtsnoer.Core;
using Richtsnoer.Core.Redline;
using Richtsnoer.Rendering.Redline;

namespace Richtsnoer.Rendering.Tests.Redline;

public class RedlineHtmlTests
{
    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    private static IDocument Fragment(RedlineInput input) => Parse("<!DOCTYPE html><html><body>" + RedlineHtmlRenderer.Fragment(input) + "</body></html>");

    /// <summary>The visible text of an element with the screen-reader words left out: what a sighted reader sees.</summary>
    private static string Visible(IElement e)
    {
        var clone = (IElement)e.Clone();
        foreach (var sr in clone.QuerySelectorAll(".rl-sr").ToList())
        {
            sr.Remove();
        }

        return clone.TextContent;
    }

    [Fact]
    public void The_fragment_uses_no_style_attribute_no_script_and_no_event_handler()
    {
        var (from, to) = RedlineSamples.Handmade();
        var html = RedlineHtmlRenderer.Fragment(RedlineSamples.Input(from, to));
        var doc = Fragment(RedlineSamples.Input(from, to));

        var all = doc.Body!.QuerySelectorAll("*").ToList();
        Assert.NotEmpty(all);
        Assert.All(all, e => Assert.DoesNotContain(e.Attributes, a => a.Name == "style" || a.Name.StartsWith("on", StringComparison.Ordinal)));
        Assert.Empty(doc.QuerySelectorAll("script, style, link, iframe, object"));
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.Single(doc.Body!.Children);
        Assert.Equal("redline", doc.Body.Children[0].ClassName);
    }

    [Fact]
    public void A_changed_word_is_in_ins_and_del_with_visible_markers_and_the_clause_says_changed_in_words()
    {
        var (from, to) = RedlineSamples.Bakery();
        var input = RedlineSamples.Input(from, to);
        var doc = Fragment(input);

        var dels = doc.QuerySelectorAll("del").Where(d => d.TextContent.Contains(RedlineSamples.OldNumber, StringComparison.Ordinal)).ToList();
        var changed = input.Redline.AllClauses.Where(c => c.Status == ClauseStatus.Changed && c.Old!.Blocks.Count > 0).ToList();
        Assert.NotEmpty(dels);
        Assert.All(dels, d =>
        {
            Assert.Equal(RedlineLabels.DeleteOpen + RedlineSamples.OldNumber + RedlineLabels.DeleteClose, Visible(d));
            var article = d.Closest("article")!;
            Assert.Contains("rl-changed", article.ClassList);
            Assert.Contains("[gewijzigd]", article.QuerySelector(".rl-badge")!.TextContent, StringComparison.Ordinal);
            Assert.Contains(article.QuerySelectorAll("ins"), i => Visible(i) == "{+" + RedlineSamples.NewNumber + "+}");
            Assert.Contains(changed, c => c.Id == article.GetAttribute("data-clause"));
        });

        // Screen readers hear what the change is, since the markers are hidden from them.
        Assert.All(doc.QuerySelectorAll("ins"), i => Assert.Equal("toegevoegd: ", i.QuerySelector(".rl-sr")!.TextContent));
        Assert.All(doc.QuerySelectorAll("del"), i => Assert.Equal("verwijderd: ", i.QuerySelector(".rl-sr")!.TextContent));

        // Every added clause is marked new, and its whole text is inserted.
        foreach (var added in input.Redline.AllClauses.Where(c => c.Status == ClauseStatus.Added))
        {
            var article = doc.QuerySelectorAll("article").Single(a => a.GetAttribute("data-clause") == added.Id);
            Assert.Contains("[nieuw]", article.QuerySelector(".rl-badge")!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain(article.QuerySelectorAll("p, li, td, th"), p => p.QuerySelector("ins") is null && p.TextContent.Length > 0);
        }
    }

    [Theory]
    [InlineData(Language.Nl, "Wijzigingen van versie 1.0 naar versie 2.0", "Legenda", "verplaatst van 2.1")]
    [InlineData(Language.En, "Changes from version 1.0 to version 2.0", "Key", "moved from 2.1")]
    public void Heading_legend_summary_and_moves_are_in_the_chosen_language(Language language, string heading, string legend, string moved)
    {
        var (from, to) = RedlineSamples.Handmade(language);
        var input = RedlineSamples.Input(from, to, language);
        var doc = Fragment(input);

        Assert.Equal(heading, doc.QuerySelector("h2")!.TextContent);
        Assert.Equal(legend, doc.QuerySelector(".rl-legend")!.GetAttribute("aria-label"));
        Assert.Equal(RedlineLabels.SummaryLine(input.Redline.Summary, language), doc.QuerySelector(".rl-summary")!.TextContent);
        Assert.Contains(doc.QuerySelectorAll(".rl-badge"), b => b.TextContent.Contains(moved, StringComparison.Ordinal));
        Assert.Equal(language.Tag(), doc.QuerySelector(".redline")!.GetAttribute("lang"));
    }

    [Fact]
    public void Without_unchanged_text_an_unchanged_clause_is_only_its_heading()
    {
        var (from, to) = RedlineSamples.Bakery();
        var doc = Fragment(RedlineSamples.Input(from, to, showUnchanged: false));

        var unchanged = doc.QuerySelectorAll("article.rl-unchanged").ToList();
        Assert.NotEmpty(unchanged);
        Assert.All(unchanged, a => Assert.Single(a.Children));
        Assert.NotEmpty(doc.QuerySelectorAll("article.rl-changed p"));
    }

    [Fact]
    public void The_standalone_page_embeds_its_stylesheet_and_the_fragment()
    {
        var (from, to) = RedlineSamples.Handmade();
        var input = RedlineSamples.Input(from, to);
        var doc = Parse(RedlineHtmlRenderer.Document(input));

        Assert.Equal("nl-NL", doc.DocumentElement.GetAttribute("lang"));
        Assert.Contains(".redline ins", doc.QuerySelector("style")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Fragment(input).QuerySelector(".redline")!.OuterHtml, doc.QuerySelector("main > .redline")!.OuterHtml);
        Assert.Same(new RedlineHtmlRenderer().GetType(), RedlineRenderers.For("HTML")!.GetType());
    }
}
