using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using Richtsnoer.Core;
using Richtsnoer.Core.Model;
using Richtsnoer.Rendering.Pdf;
using Richtsnoer.Rendering.Pdf.Layout;
using Richtsnoer.Rendering.Tests.Docx;

namespace Richtsnoer.Rendering.Tests.Pdf;

public partial class PdfRendererTests
{
    private static byte[] Render(ProtocolDocument document) => new PdfRenderer().RenderToBytes(document);

    private static PdfDocument Open(byte[] pdf) => PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);

    /// <summary>pdftotext of the whole file, whitespace collapsed to single spaces, per page.</summary>
    private static List<string> PdfToText(byte[] pdf, bool layout = false)
    {
        if (!Samples.Has("pdftotext"))
        {
            Assert.Skip("pdftotext (poppler-utils) is not installed; .ci/run installs it");
        }

        var dir = Samples.TempDir("rs-pdf");
        try
        {
            var file = Path.Combine(dir, "doc.pdf");
            File.WriteAllBytes(file, pdf);
            var text = layout ? Samples.Run("pdftotext", "-layout", "-enc", "UTF-8", file, "-") : Samples.Run("pdftotext", "-enc", "UTF-8", file, "-");
            return text.Split('\f').Select(p => Spaces().Replace(p, " ").Trim()).ToList();
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private static string Norm(string s) => Spaces().Replace(s, " ").Trim();

    /// <summary>The text without the running header and footer, so paragraphs read on across page breaks.</summary>
    private static string Body(List<string> pages, ProtocolDocument document)
    {
        var m = document.Metadata;
        var header = Norm(m.OrganisationName + " · " + m.Title);
        var version = "Versie " + m.Version;
        return string.Join(" ", pages.Select((p, i) =>
        {
            var text = p.Replace(string.Format("Pagina {0} van {1}", i + 1, pages.Count(x => x.Length > 0)), "", StringComparison.Ordinal);
            if (i > 0)
            {
                text = text.Replace(header, "", StringComparison.Ordinal).Replace(version, "", StringComparison.Ordinal);
            }

            return Norm(text);
        }));
    }

    [Fact]
    public void Is_registered_as_pdf() => Assert.IsType<PdfRenderer>(Renderers.For("pdf"));

    [Theory]
    [MemberData(nameof(Samples.Examples), MemberType = typeof(Samples))]
    public void Pdftotext_returns_every_heading_in_order_and_page_x_of_y(string example, Language language)
    {
        var document = Samples.Protocol(example, language);
        var pdf = Render(document);
        var pages = PdfToText(pdf).Where(p => p.Length > 0).ToList();
        var all = string.Join(" ", pages);

        var at = 0;
        foreach (var section in document.Sections)
        {
            foreach (var heading in new[] { section.Title }.Concat(section.Clauses.Select(c => c.Number + " " + c.Title)))
            {
                var found = all.IndexOf(Norm(heading), at, StringComparison.Ordinal);
                Assert.True(found >= 0, $"heading not found in order: {heading}");
                at = found + heading.Length;
            }
        }

        using var read = Open(pdf);
        Assert.Equal(read.PageCount, pages.Count);
        var pageOf = language == Language.Nl ? "Pagina {0} van {1}" : "Page {0} of {1}";
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains(string.Format(pageOf, i + 1, pages.Count), pages[i], StringComparison.Ordinal);
        }

        Assert.DoesNotContain("{{", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Body_text_extracts_in_reading_order()
    {
        var document = Samples.Protocol("bakkerij", Language.Nl);
        var all = Body(PdfToText(Render(document)), document);
        var at = 0;
        foreach (var p in document.AllClauses.SelectMany(c => c.Blocks).OfType<Paragraph>())
        {
            var text = Norm(p.Inlines.PlainText());
            var found = all.IndexOf(text, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"paragraph not found in order: {text}");
            at = found + text.Length;
        }
    }

    [Fact]
    public void Dutch_diacritics_and_typographic_quotes_survive()
    {
        const string text = "Café, reünie, naïef, ümlaut, ĳsbaan, IJmuiden, „citaat”, ‘enkel’ – ‘s avonds…";
        var document = Samples.Handmade() with { };
        var clause = document.Sections[0].Clauses[0] with { Blocks = [new Paragraph([new Inline(text)])] };
        var sections = document.Sections.ToList();
        sections[0] = sections[0] with { Clauses = [clause] };
        var all = string.Join(" ", PdfToText(Render(document with { Sections = sections })));
        Assert.Contains(text, all, StringComparison.Ordinal);
        Assert.Contains("Bakkerij Één & Zoon", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Characters_the_font_lacks_show_as_a_replacement_mark()
    {
        var document = Samples.Handmade();
        var sections = document.Sections.ToList();
        sections[0] = sections[0] with { Clauses = [sections[0].Clauses[0] with { Blocks = [new Paragraph([new Inline("abc 日本 def")])] }] };
        var layout = PdfRenderer.Layout(document with { Sections = sections });
        var texts = layout.Pages.SelectMany(p => p.Texts).Select(t => t.Text).ToList();
        Assert.Contains("abc \uFFFD\uFFFD def", texts);
    }

    [Theory]
    [InlineData(Language.Nl, "nl-NL")]
    [InlineData(Language.En, "en-GB")]
    public void Document_info_language_and_bookmarks_are_set(Language language, string tag)
    {
        var document = Samples.Protocol("ict", language);
        using var pdf = Open(Render(document));
        Assert.Contains(document.Metadata.Title, pdf.Info.Title, StringComparison.Ordinal);
        Assert.Contains(document.Metadata.OrganisationName, pdf.Info.Title, StringComparison.Ordinal);
        Assert.Equal(document.Metadata.OrganisationName, pdf.Info.Author);
        Assert.Equal(document.Metadata.Subject, pdf.Info.Subject);
        Assert.Contains("social media", pdf.Info.Keywords, StringComparison.Ordinal);
        Assert.Equal(tag, pdf.Internals.Catalog.Elements.GetString("/Lang"));

        // One bookmark per chapter and appendix, with one child per clause.
        Assert.Equal(document.Sections.Count, pdf.Outlines.Count);
        Assert.Equal(document.Sections.Select(s => s.Clauses.Count), pdf.Outlines.Select(o => o.Outlines.Count));
        Assert.EndsWith(document.Sections[0].Title, pdf.Outlines[0].Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Concurrent_requests_each_get_the_same_complete_pdf()
    {
        // The web app renders for several users at once.
        var document = Samples.Protocol("bakkerij", Language.Nl);
        var expected = Render(document).Length;
        var sizes = new int[8];
        Parallel.For(0, sizes.Length, i => sizes[i] = Render(document).Length);
        Assert.All(sizes, s => Assert.Equal(expected, s));
    }

    [Fact]
    public void Pages_are_a4()
    {
        using var pdf = Open(Render(Samples.Protocol("bakkerij", Language.Nl)));
        Assert.All(pdf.Pages.Cast<PdfPage>(), p =>
        {
            Assert.Equal(595.3, p.Width.Point, 0);
            Assert.Equal(841.9, p.Height.Point, 0);
        });
    }

    [Theory]
    [MemberData(nameof(Samples.Examples), MemberType = typeof(Samples))]
    public void The_staff_summary_fits_on_one_page(string example, Language language)
    {
        var summary = Samples.Summary(example, language);
        using var pdf = Open(Render(summary));
        Assert.Equal(1, pdf.PageCount);
        var text = PdfToText(Render(summary))[0];
        // Every rule (allowed, not allowed, consequences, monitoring) and whom to ask is on that page.
        var items = summary.AllClauses.SelectMany(c => c.Blocks).SelectMany(b => b switch
        {
            BulletList l => l.Items,
            NumberedList l => l.Items,
            _ => [],
        }).ToList();
        Assert.True(items.Count >= 10, $"{example}: {items.Count} rules");
        foreach (var item in items)
        {
            Assert.Contains(Norm(item.PlainText()), text, StringComparison.Ordinal);
        }

        foreach (var clause in summary.AllClauses)
        {
            Assert.Contains(Norm(clause.Title), text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Samples.Examples), MemberType = typeof(Samples))]
    public void No_heading_is_left_alone_at_the_bottom_of_a_page(string example, Language language)
    {
        var layout = PdfRenderer.Layout(Samples.Protocol(example, language));
        foreach (var anchor in layout.Anchors)
        {
            var page = layout.Pages[anchor.Page - 1];
            var bodyBelow = page.Texts.Count(t => t.Baseline > anchor.Y + 20 && t.Font is FontFace.Serif or FontFace.SerifBold);
            Assert.True(bodyBelow >= 1, $"heading {anchor.Outline?.Title} on page {anchor.Page} has no text under it");
        }
    }

    [Theory]
    [MemberData(nameof(Samples.Examples), MemberType = typeof(Samples))]
    public void A_lead_in_sentence_stays_on_the_page_of_its_list(string example, Language language)
    {
        var document = Samples.Protocol(example, language);
        var pages = PdfRenderer.Layout(document).Pages.Select(p => Norm(string.Join(" ", p.Texts.Select(t => t.Text)))).ToList();
        int PageOf(string text, int from = 0) => pages.FindIndex(from, p => p.Contains(text, StringComparison.Ordinal));
        foreach (var clause in document.AllClauses)
        {
            for (var i = 0; i + 1 < clause.Blocks.Count; i++)
            {
                if (clause.Blocks[i] is Paragraph p && p.Inlines.PlainText().TrimEnd().EndsWith(':') && clause.Blocks[i + 1] is BulletList list)
                {
                    var end = string.Join(" ", Norm(p.Inlines.PlainText()).Split(' ').TakeLast(3));
                    var start = string.Join(" ", Norm(list.Items[0].PlainText()).Split(' ').Take(4));
                    var page = PageOf(end);
                    Assert.True(page >= 0, end);
                    Assert.Equal(page, PageOf(start, page));
                }
            }
        }
    }

    [Fact]
    public void Table_of_contents_gives_the_page_of_each_chapter()
    {
        var document = Samples.Protocol("zorg", Language.Nl);
        var layout = PdfRenderer.Layout(document);
        var pages = PdfToText(Render(document));
        var contents = PdfToText(Render(document), layout: true)[0];
        foreach (var section in document.Sections)
        {
            var page = layout.PageOf("s:" + section.Number);
            Assert.True(page > 1);
            Assert.Contains(Norm(section.Title), pages[page - 1], StringComparison.Ordinal);
            Assert.Matches(Regex.Escape(Norm(section.Title)) + @" +" + page + @"\b", contents);
        }
    }

    [Fact]
    public void A_very_long_organisation_name_is_cut_in_the_header_not_spilled()
    {
        var name = string.Concat(Enumerable.Repeat("Zorggroep Lindehof ", 600));
        var document = Samples.Protocol(Samples.WithName(Samples.Answers("bakkerij"), name), Language.Nl);
        var layout = PdfRenderer.Layout(document);
        Assert.All(layout.Pages.SelectMany(p => p.Texts), t => Assert.InRange(t.X, 0, PdfRenderer.Frame.Width));
        var pages = PdfToText(Render(document));
        Assert.Contains("…", pages[1], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Samples.Examples), MemberType = typeof(Samples))]
    public void No_example_box_is_split_across_pages(string example, Language language)
    {
        var document = Samples.Protocol(example, language);
        var layout = PdfRenderer.Layout(document);
        var boxes = layout.Pages.SelectMany((p, i) => p.Texts.Select(t => (t.Block, Page: i)))
            .Where(x => x.Block >= 0 && layout.Blocks[x.Block] is TextBlock { Box: not null })
            .GroupBy(x => x.Block)
            .ToList();
        Assert.Equal(document.AllClauses.SelectMany(c => c.Blocks).OfType<Example>().Count(), boxes.Count);
        Assert.All(boxes, b => Assert.Single(b.Select(x => x.Page).Distinct()));
    }

    [Theory]
    [MemberData(nameof(Samples.Examples), MemberType = typeof(Samples))]
    public void Every_number_keeps_its_distance_from_its_title(string example, Language language)
    {
        var layout = PdfRenderer.Layout(Samples.Protocol(example, language));
        var measure = EmbeddedFontMeasure.Instance;
        var markers = 0;
        foreach (var page in layout.Pages)
        {
            for (var i = 0; i + 1 < page.Texts.Count; i++)
            {
                var (marker, text) = (page.Texts[i], page.Texts[i + 1]);
                if (marker.Part != TextPart.Marker)
                {
                    continue;
                }

                markers++;
                Assert.Equal(marker.Block, text.Block);
                var gap = text.X - (marker.X + measure.Width(marker.Text, marker.Font, marker.Size));
                Assert.True(gap >= 4, $"\"{marker.Text}\" is {gap:0.0} pt from \"{text.Text}\"");
            }
        }

        Assert.True(markers > 50);
    }
}
