using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;
using Richtsnoer.Core;
using Richtsnoer.Core.Model;
using Richtsnoer.Rendering.Pdf;
using Richtsnoer.Rendering.Tests.Docx;

namespace Richtsnoer.Rendering.Tests.Pdf;

/// <summary>
/// The PDF/UA check of decision 023: veraPDF cannot be installed here, so these tests read the
/// saved file back (PDFsharp's reader for the objects, our own tokenizer for the page content)
/// and check the machine-checkable PDF/UA-1 requirements a screen reader depends on: tagged
/// (MarkInfo, StructTreeRoot, ParentTree), identified (pdfuaid:part 1 in the XMP), language,
/// title shown, every piece of page content either tagged or an artifact, every marked content
/// owned by a structure element, and a tag tree that mirrors the document (headings in order,
/// lists as L/LI/Lbl/LBody, tables as Table/TR/TH/TD, the contents as TOC/TOCI).
/// </summary>
public partial class PdfTaggingTests
{
    public static TheoryData<string, Language, bool> Documents()
    {
        var data = new TheoryData<string, Language, bool>();
        foreach (var example in Samples.ExampleNames())
        {
            foreach (var language in new[] { Language.Nl, Language.En })
            {
                data.Add(example, language, false);
                data.Add(example, language, true);
            }
        }

        return data;
    }

    private sealed record Element(string Type, List<Element> Kids, List<(int Page, int Mcid)> Content, string? Scope = null);

    private sealed record Tagged(PdfDocument Pdf, Element Root, string Xmp);

    private static ProtocolDocument Document(string example, Language language, bool summary) =>
        summary ? Samples.Summary(example, language) : Samples.Protocol(example, language);

    private static Tagged Read(byte[] bytes)
    {
        var pdf = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
        var catalog = pdf.Internals.Catalog;
        var tree = catalog.Elements.GetDictionary("/StructTreeRoot");
        Assert.NotNull(tree);
        Assert.NotNull(tree.Elements.GetDictionary("/ParentTree"));
        var pages = pdf.Pages.Cast<PdfPage>().Select((p, i) => (p.Reference!.ObjectID, i)).ToDictionary(x => x.ObjectID, x => x.i);
        var root = Walk(tree, -1, pages);
        var metadata = catalog.Elements.GetDictionary("/Metadata");
        Assert.NotNull(metadata);
        return new Tagged(pdf, root, Encoding.UTF8.GetString(metadata.Stream.UnfilteredValue));
    }

    private static Element Walk(PdfDictionary node, int page, Dictionary<PdfObjectID, int> pages)
    {
        if (node.Elements.GetReference("/Pg") is { } pg)
        {
            page = pages[pg.ObjectID];
        }

        var attributes = node.Elements["/A"] is PdfReference ar ? ar.Value as PdfDictionary : node.Elements.GetDictionary("/A");
        var element = new Element(node.Elements.GetName("/S").TrimStart('/'), [], [], attributes?.Elements.GetName("/Scope"));
        var k = node.Elements["/K"];
        var kids = k is PdfReference r ? [r.Value] : k is PdfArray a ? a.Elements.Select(e => e is PdfReference x ? x.Value : e).ToList() : k is null ? [] : new List<PdfItem> { k };
        foreach (var kid in kids)
        {
            switch (kid)
            {
                case PdfInteger mcid:
                    element.Content.Add((page, mcid.Value));
                    break;
                case PdfDictionary d when d.Elements.GetName("/Type") == "/MCR":
                    element.Content.Add((pages[d.Elements.GetReference("/Pg")!.ObjectID], d.Elements.GetInteger("/MCID")));
                    break;
                case PdfDictionary d:
                    element.Kids.Add(Walk(d, page, pages));
                    break;
            }
        }

        return element;
    }

    private static IEnumerable<Element> All(Element e) => new[] { e }.Concat(e.Kids.SelectMany(All));

    [GeneratedRegex(@"<<.*?>>|\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>|\[|\]|/[^\s/\[\]()<>{}%]+|[-+]?\d*\.?\d+|[A-Za-z'""*]+", RegexOptions.Singleline)]
    private static partial Regex Token();

    [GeneratedRegex(@"/MCID\s+(\d+)")]
    private static partial Regex Mcid();

    private static readonly HashSet<string> Painting = ["Tj", "TJ", "'", "\"", "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "sh", "Do"];

    /// <summary>The MCIDs used on a page, after checking that nothing is painted outside marked content.</summary>
    private static List<int> MarkedContent(PdfPage page, int number)
    {
        var content = new StringBuilder();
        foreach (var stream in page.Contents.Elements.Select(e => (e is PdfReference r ? r.Value : e) as PdfDictionary))
        {
            content.Append(Encoding.Latin1.GetString(stream!.Stream.UnfilteredValue)).Append('\n');
        }

        var used = new List<int>();
        var depth = 0;
        string? previous = null;
        foreach (Match m in Token().Matches(content.ToString()))
        {
            var t = m.Value;
            switch (t)
            {
                case "BDC":
                    depth++;
                    if (previous is not null && Mcid().Match(previous) is { Success: true } id)
                    {
                        used.Add(int.Parse(id.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
                    }

                    break;
                case "BMC":
                    depth++;
                    break;
                case "EMC":
                    depth--;
                    break;
                default:
                    if (Painting.Contains(t))
                    {
                        Assert.True(depth > 0, $"page {number + 1}: '{t}' outside marked content (neither tagged nor an artifact)");
                    }

                    break;
            }

            previous = t;
        }

        Assert.Equal(0, depth);
        return used;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Is_tagged_identified_and_titled_in_the_document_language(string example, Language language, bool summary)
    {
        var document = Document(example, language, summary);
        var tagged = Read(new PdfRenderer().RenderToBytes(document));
        var catalog = tagged.Pdf.Internals.Catalog;

        Assert.True(catalog.Elements.GetDictionary("/MarkInfo")!.Elements.GetBoolean("/Marked"));
        Assert.Equal(language == Language.Nl ? "nl-NL" : "en-GB", catalog.Elements.GetString("/Lang"));
        Assert.True(catalog.Elements.GetDictionary("/ViewerPreferences")!.Elements.GetBoolean("/DisplayDocTitle"));
        Assert.StartsWith(document.Metadata.Title, tagged.Pdf.Info.Title, StringComparison.Ordinal);
        Assert.Contains("<pdfuaid:part>1</pdfuaid:part>", tagged.Xmp, StringComparison.Ordinal);
        Assert.Matches("<dc:title>.*" + Regex.Escape(document.Metadata.Title), tagged.Xmp);
        Assert.Equal("Document", Assert.Single(tagged.Root.Kids).Type);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void All_page_content_is_tagged_or_an_artifact_and_every_tag_owns_its_content(string example, Language language, bool summary)
    {
        var tagged = Read(new PdfRenderer().RenderToBytes(Document(example, language, summary)));
        var owned = All(tagged.Root).SelectMany(e => e.Content).ToList();
        Assert.Equal(owned.Count, owned.Distinct().Count());
        for (var i = 0; i < tagged.Pdf.PageCount; i++)
        {
            var page = tagged.Pdf.Pages[i];
            Assert.True(page.Elements.ContainsKey("/StructParents"), $"page {i + 1} has no StructParents");
            var used = MarkedContent(page, i);
            Assert.NotEmpty(used);
            Assert.Equal(used.Order(), owned.Where(o => o.Page == i).Select(o => o.Mcid).Order());
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_tag_tree_has_the_headings_lists_and_tables_of_the_document_in_reading_order(string example, Language language, bool summary)
    {
        var document = Document(example, language, summary);
        var tagged = Read(new PdfRenderer().RenderToBytes(document));
        var all = All(tagged.Root).ToList();

        var expected = new List<string> { "H1" };
        if (!summary)
        {
            expected.Add("H2"); // contents
        }

        foreach (var section in document.Sections)
        {
            if (!summary)
            {
                expected.Add("H2");
            }

            expected.AddRange(section.Clauses.Select(_ => summary ? "H2" : "H3"));
        }

        Assert.Equal(expected, all.Select(e => e.Type).Where(t => Regex.IsMatch(t, "^H[1-6]$")));

        var blocks = document.AllClauses.SelectMany(c => c.Blocks).ToList();
        var lists = blocks.Select(b => b switch { BulletList l => l.Items.Count, NumberedList l => l.Items.Count, _ => -1 }).Where(n => n >= 0).ToList();
        var tagLists = all.Where(e => e.Type == "L").ToList();
        Assert.Equal(lists, tagLists.Select(l => l.Kids.Count));
        Assert.All(tagLists.SelectMany(l => l.Kids), li =>
        {
            Assert.Equal("LI", li.Type);
            Assert.Equal(["Lbl", "LBody"], li.Kids.Select(k => k.Type));
        });

        var tables = blocks.OfType<Table>().Where(t => t.Rows.Count > 0).ToList();
        var tagTables = all.Where(e => e.Type == "Table").ToList();
        Assert.Equal(tables.Select(t => t.Rows.Count), tagTables.Select(t => t.Kids.Count));
        Assert.All(tagTables.SelectMany(t => t.Kids.Select((tr, i) => (tr, i))), x =>
        {
            Assert.Equal("TR", x.tr.Type);
            Assert.All(x.tr.Kids, c => Assert.Equal(x.i == 0 ? ("TH", "/Column") : ("TD", null), (c.Type, c.Scope)));
        });

        var paragraphs = blocks.Count(b => b is Paragraph or Example);
        Assert.True(all.Count(e => e.Type == "P") >= paragraphs);
        if (!summary)
        {
            var toc = Assert.Single(all, e => e.Type == "TOC");
            Assert.Equal(document.Sections.Count, toc.Kids.Count(k => k.Type == "TOCI"));
        }
        else
        {
            Assert.DoesNotContain(all, e => e.Type == "TOC");
        }
    }

    [Fact]
    public void A_screen_reader_reads_headings_and_paragraphs_with_their_spaces()
    {
        // poppler reads the tag tree the way assistive technology does: the text of each element.
        if (!Samples.Has("pdfinfo"))
        {
            Assert.Skip("pdfinfo (poppler-utils) is not installed; .ci/run installs it");
        }

        var document = Samples.Protocol("bakkerij", Language.Nl);
        var dir = Samples.TempDir("rs-pdfua");
        try
        {
            var file = Path.Combine(dir, "doc.pdf");
            File.WriteAllBytes(file, new PdfRenderer().RenderToBytes(document));
            var tree = Samples.Run("pdfinfo", "-struct-text", file);
            var read = new List<(string Type, string Text)>();
            string? type = null;
            foreach (var line in tree.Split('\n'))
            {
                var trimmed = line.Trim();
                if (trimmed.StartsWith('"') && type is not null)
                {
                    read.Add((type, trimmed.Trim('"')));
                }
                else if (trimmed.Length > 0)
                {
                    type = trimmed.Split(' ')[0];
                }
            }

            static string Norm(string s) => Regex.Replace(s, @"\s+", " ").Trim();
            Assert.Equal(
                document.AllClauses.Select(c => c.Number + " " + Norm(c.Title)),
                read.Where(r => r.Type == "H3").Select(r => Norm(r.Text)));
            var ps = read.Where(r => r.Type == "P").Select(r => Norm(r.Text)).ToHashSet();
            foreach (var p in document.AllClauses.SelectMany(c => c.Blocks).OfType<Paragraph>())
            {
                Assert.Contains(Norm(p.Inlines.PlainText()), ps);
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Theory]
    [InlineData("Bakkerij <Één> & \"Zoon\"")]
    [InlineData("long")]
    public void The_identification_survives_hostile_and_very_long_names_as_well_formed_xmp(string name)
    {
        if (name == "long")
        {
            name = string.Concat(Enumerable.Repeat("Zorggroep Lindehof ", 600));
        }

        var document = Samples.Protocol(Samples.WithName(Samples.Answers("bakkerij"), name), Language.Nl);
        var tagged = Read(new PdfRenderer().RenderToBytes(document));
        var xmp = System.Xml.Linq.XDocument.Parse(tagged.Xmp[tagged.Xmp.IndexOf("<x:xmpmeta", StringComparison.Ordinal)..(tagged.Xmp.LastIndexOf("</x:xmpmeta>", StringComparison.Ordinal) + "</x:xmpmeta>".Length)]);
        System.Xml.Linq.XNamespace ua = "http://www.aiim.org/pdfua/ns/id/";
        Assert.Equal("1", xmp.Descendants(ua + "part").Single().Value);
        Assert.Equal(document.Metadata.OrganisationName.Trim(), tagged.Pdf.Info.Author.Trim());
    }
}
