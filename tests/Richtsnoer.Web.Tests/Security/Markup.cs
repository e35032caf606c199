using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Richtsnoer.Web.Tests.Security;

/// <summary>Checks that a page holds only the markup the app itself writes: user text never became elements, attributes or script.</summary>
public static class Markup
{
    private static readonly HashSet<string> Allowed =
    [
        "html", "head", "meta", "title", "link", "body", "a", "svg", "rect", "path", "span", "header", "div", "nav", "ul", "ol", "li",
        "form", "input", "button", "main", "p", "progress", "h1", "h2", "h3", "h4", "fieldset", "legend", "label", "textarea", "aside",
        "dl", "dt", "dd", "section", "article", "strong", "bdi", "footer", "script", "table", "thead", "tbody", "tr", "th", "td", "b",
        "code", "select", "option", "details", "summary", "caption",
    ];

    public static void AssertOnlyOwnMarkup(IDocument page, string context)
    {
        foreach (var element in page.All)
        {
            Assert.True(Allowed.Contains(element.LocalName), $"{context}: unexpected <{element.LocalName}>");
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{context}: event attribute {attribute.Name} on <{element.LocalName}>");
                if (attribute.Name is "href" or "src" or "action" or "formaction")
                {
                    Assert.False(attribute.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase), $"{context}: script URL in {attribute.Name}");
                }
            }
        }

        var scripts = page.QuerySelectorAll("script").Select(s => s.GetAttribute("src") ?? "(inline)").ToList();
        Assert.True(scripts.All(s => s.StartsWith("/js/", StringComparison.Ordinal)), $"{context}: scripts {string.Join(", ", scripts)}");
    }

    public static void AssertOnlyOwnMarkup(string fragment, string context)
    {
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><head><title>t</title></head><body>" + fragment + "</body></html>");
        AssertOnlyOwnMarkup(document, context);
    }
}
