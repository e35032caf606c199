using System.IO.Compression;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Richtsnoer.Core;
using Richtsnoer.Core.Model;
using Richtsnoer.Rendering.Docx;

namespace Richtsnoer.Rendering.Tests.Docx;

public class DocxRendererTests
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static readonly XNamespace Xml = XNamespace.Xml;

    private static byte[] Render(ProtocolDocument document) => new DocxRenderer().RenderToBytes(document);

    private static XDocument Part(byte[] docx, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        using var s = zip.GetEntry(name)!.Open();
        return XDocument.Load(s);
    }

    private static List<XElement> Paragraphs(XDocument doc) => doc.Descendants(W + "p").ToList();

    private static string Text(XElement p) => string.Concat(p.Descendants(W + "t").Select(t => t.Value));

    private static string? Style(XElement p) => p.Element(W + "pPr")?.Element(W + "pStyle")?.Attribute(W + "val")?.Value;

    [Fact]
    public void Is_registered_as_docx() => Assert.IsType<DocxRenderer>(Renderers.For("docx"));

    [Theory]
    [MemberData(nameof(Samples.Examples), MemberType = typeof(Samples))]
    public void Word_would_open_the_protocol_and_the_summary_without_a_repair_prompt(string example, Language language)
    {
        foreach (var document in new[] { Samples.Protocol(example, language), Samples.Summary(example, language) })
        {
            using var docx = WordprocessingDocument.Open(new MemoryStream(Render(document)), false);
            var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(docx, TestContext.Current.CancellationToken)
                .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
            Assert.Empty(errors);
        }
    }

    [Fact]
    public void Has_real_word_styles_with_multilevel_clause_numbering()
    {
        var docx = Render(Samples.Protocol("bakkerij", Language.Nl));
        var styles = Part(docx, "word/styles.xml");
        var ids = styles.Descendants(W + "style").Select(s => (string)s.Attribute(W + "styleId")!).ToHashSet();
        foreach (var id in new[] { "Normal", "Title", "Heading1", "Heading2", "Heading3", "ListBullet", "ListNumber", "TOC1", "Header", "Footer" })
        {
            Assert.Contains(id, ids);
        }

        // Heading 1 and 2 are bound to Word's list numbering: "1." and "1.1" are not typed text.
        var numbering = Part(docx, "word/numbering.xml");
        var clauseLevels = numbering.Descendants(W + "abstractNum").First().Elements(W + "lvl")
            .Select(l => ((string?)l.Element(W + "pStyle")?.Attribute(W + "val"), (string)l.Element(W + "lvlText")!.Attribute(W + "val")!)).ToList();
        Assert.Equal([("Heading1", "%1."), ("Heading2", "%1.%2")], clauseLevels);
        var heading1 = styles.Descendants(W + "style").Single(s => (string?)s.Attribute(W + "styleId") == "Heading1");
        Assert.Equal("1", heading1.Descendants(W + "numId").Single().Attribute(W + "val")!.Value);
    }

    [Fact]
    public void Headings_read_back_in_order_without_typed_numbers_and_appendices_are_lettered()
    {
        var document = Samples.Protocol("zorg", Language.Nl);
        var body = Part(Render(document), "word/document.xml");
        var headings = Paragraphs(body).Where(p => Style(p) is "Heading1" or "Heading2").ToList();

        var expected = document.Sections.SelectMany(s => new[] { s.Title }.Concat(s.Clauses.Select(c => c.Title))).ToList();
        Assert.Equal(expected, headings.Select(h => Text(h).Replace(" (aangepast)", "").Replace(" (eigen bepaling)", "")));

        // Appendix headings use the lettered list ("Bijlage A.", "A.1"); there are appendices.
        var appendix = headings.Where(h => h.Element(W + "pPr")!.Element(W + "numPr")?.Element(W + "numId")?.Attribute(W + "val")?.Value == "2").ToList();
        Assert.Equal(document.Appendices.Sum(s => 1 + s.Clauses.Count), appendix.Count);
        Assert.NotEmpty(document.Appendices);
    }

    [Theory]
    [MemberData(nameof(Samples.Examples), MemberType = typeof(Samples))]
    public void Every_text_of_the_document_reads_back_in_order_and_no_placeholder_is_left(string example, Language language)
    {
        var document = Samples.Protocol(example, language);
        var xml = Part(Render(document), "word/document.xml");
        var all = string.Join("\n", Paragraphs(xml).Select(Text));

        var at = 0;
        foreach (var clause in document.AllClauses)
        {
            foreach (var text in BlockTexts(clause.Blocks))
            {
                var found = all.IndexOf(text, at, StringComparison.Ordinal);
                Assert.True(found >= 0, $"clause {clause.Number}: text not found after position {at}: {text}");
                at = found + text.Length;
            }
        }

        Assert.DoesNotContain("{{", all);
        Assert.DoesNotContain("}}", all);
        Assert.Contains(document.Metadata.OrganisationName, all);
    }

    private static IEnumerable<string> BlockTexts(IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Paragraph p: yield return p.Inlines.PlainText(); break;
                case Example e: yield return e.Inlines.PlainText(); break;
                case BulletList b: foreach (var i in b.Items) { yield return i.PlainText(); } break;
                case NumberedList n: foreach (var i in n.Items) { yield return i.PlainText(); } break;
                case Table t: foreach (var c in t.Rows.SelectMany(r => r)) { yield return c.PlainText(); } break;
            }
        }
    }

    [Fact]
    public void Spaces_around_bold_words_survive()
    {
        var body = Part(Render(Samples.Handmade()), "word/document.xml");
        var p = Paragraphs(body).Single(x => Text(x).StartsWith("Kijk", StringComparison.Ordinal));
        Assert.Equal("Kijk goed uit. ", Text(p));
        var texts = p.Descendants(W + "t").ToList();
        Assert.All(texts, t => Assert.Equal("preserve", t.Attribute(Xml + "space")?.Value));
        Assert.True(texts.Single(t => t.Value == "goed").Parent!.Element(W + "rPr")!.Element(W + "b") is not null);
    }

    [Fact]
    public void Long_texts_of_emoji_and_accents_come_back_unchanged()
    {
        // Far longer than the writer's 16k-character flush size, with pairs that straddle it.
        var text = "é" + string.Concat(Enumerable.Repeat("😀ĳ", 12000));
        var document = Samples.Handmade();
        var sections = document.Sections.ToList();
        sections[0] = sections[0] with { Clauses = [sections[0].Clauses[0] with { Blocks = [new Paragraph([new Inline(text)])] }] };
        var body = Part(Render(document with { Sections = sections }), "word/document.xml");
        Assert.Contains(Paragraphs(body), p => Text(p) == text);
    }

    [Fact]
    public void Header_names_organisation_title_and_version_and_footer_counts_pages()
    {
        var docx = Render(Samples.Handmade());
        using var zip = new ZipArchive(new MemoryStream(docx));
        var headers = zip.Entries.Where(e => e.FullName.StartsWith("word/header", StringComparison.Ordinal)).Select(e => XDocument.Load(e.Open())).ToList();
        var header = headers.Select(h => string.Concat(h.Descendants(W + "t").Select(t => t.Value))).Single(t => t.Length > 0);
        Assert.Contains("Bakkerij Één & Zoon", header);
        Assert.Contains("Richtlijnen", header);
        Assert.Contains("Versie 2.3", header);

        var footers = zip.Entries.Where(e => e.FullName.StartsWith("word/footer", StringComparison.Ordinal)).Select(e => XDocument.Load(e.Open())).ToList();
        Assert.NotEmpty(footers);
        foreach (var footer in footers)
        {
            var instructions = footer.Descendants(W + "instrText").Select(i => i.Value.Trim()).ToList();
            Assert.Equal(["PAGE", "NUMPAGES"], instructions);
            Assert.StartsWith("Pagina ", string.Concat(footer.Descendants(W + "t").Select(t => t.Value)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void English_footer_says_page_of()
    {
        var footer = Part(Render(Samples.Handmade(Language.En)), "word/footer1.xml");
        Assert.Equal("Page 1 of 1", string.Concat(footer.Descendants(W + "t").Select(t => t.Value)));
    }

    [Fact]
    public void Has_a_table_of_contents_field_listing_every_chapter()
    {
        var document = Samples.Protocol("ict", Language.Nl);
        var body = Part(Render(document), "word/document.xml");
        Assert.Contains(body.Descendants(W + "instrText"), i => i.Value.Trim().StartsWith("TOC ", StringComparison.Ordinal));
        var entries = Paragraphs(body).Where(p => Style(p) == "TOC1").Select(Text).ToList();
        Assert.Equal(document.Sections.Count, entries.Count);
        Assert.All(document.Sections.Zip(entries), x => Assert.EndsWith(x.First.Title, x.Second, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Samples.Examples), MemberType = typeof(Samples))]
    public void Word_is_asked_to_update_the_contents_on_opening_and_every_entry_links_to_its_chapter(string example, Language language)
    {
        // The contents' page numbers exist only once Word has updated the TOC field; the
        // updateFields setting makes Word do that when the document is opened.
        using var docx = WordprocessingDocument.Open(new MemoryStream(Render(Samples.Protocol(example, language))), false);
        var settings = docx.MainDocumentPart!.DocumentSettingsPart!.Settings;
        var update = settings.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.UpdateFieldsOnOpen>();
        Assert.NotNull(update);
        Assert.True(update.Val is null || update.Val.Value);

        var body = docx.MainDocumentPart.Document.Body!;
        var instructions = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.FieldCode>().Select(f => f.Text.Trim()).ToList();
        Assert.Single(instructions, i => i.StartsWith("TOC ", StringComparison.Ordinal));
        var bookmarks = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.BookmarkStart>().Select(b => b.Name!.Value).ToHashSet();
        var links = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Hyperlink>().Select(h => h.Anchor?.Value).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, a => Assert.Contains(a!, bookmarks));
    }

    [Theory]
    [InlineData(Language.Nl, "nl-NL")]
    [InlineData(Language.En, "en-GB")]
    public void Properties_and_language_are_set(Language language, string tag)
    {
        var document = Samples.Protocol("bakkerij", language);
        var bytes = Render(document);
        using (var docx = WordprocessingDocument.Open(new MemoryStream(bytes), false))
        {
            var p = docx.PackageProperties;
            Assert.Equal(document.Metadata.Title, p.Title);
            Assert.Equal(document.Metadata.OrganisationName, p.Creator);
            Assert.Equal("1.0", p.Version);
            Assert.Equal(tag, p.Language);
            Assert.Equal(document.Metadata.Subject, p.Subject);
        }

        var styles = Part(bytes, "word/styles.xml");
        var langs = styles.Descendants(W + "lang").Select(l => l.Attribute(W + "val")!.Value).Distinct().ToList();
        Assert.Equal([tag], langs);
        Assert.NotNull(styles.Root!.Element(W + "docDefaults")!.Descendants(W + "lang").SingleOrDefault());
    }

    [Fact]
    public void Numbered_lists_restart_at_one()
    {
        var numbering = Part(Render(Samples.Protocol("zorg", Language.Nl)), "word/numbering.xml");
        var lists = numbering.Descendants(W + "num").Where(n => n.Element(W + "lvlOverride") is not null).ToList();
        Assert.True(lists.Count >= 2);
        Assert.All(lists, n => Assert.Equal("1", n.Descendants(W + "startOverride").Single().Attribute(W + "val")!.Value));
    }
}
