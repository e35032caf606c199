using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using PdfSharp.Pdf.IO;
using Richtsnoer.Core;
using Richtsnoer.Core.Model;
using Richtsnoer.Rendering.Docx;
using Richtsnoer.Rendering.Redline;
using Richtsnoer.Rendering.Tests.Docx;
using static Richtsnoer.Rendering.Tests.Redline.TrackedChanges;

namespace Richtsnoer.Rendering.Tests.Redline;

public class RedlineDocxTests
{
    private static byte[] Render(RedlineInput input) => new RedlineDocxRenderer().RenderToBytes(input);

    public static TheoryData<string, Language> Pairs() => new()
    {
        { "bakery", Language.Nl },
        { "bakery", Language.En },
        { "handmade", Language.Nl },
        { "handmade", Language.En },
        { "reversed", Language.Nl },
        { "same", Language.Nl },
    };

    private static (ProtocolDocument From, ProtocolDocument To) Pair(string name, Language language) => name switch
    {
        "bakery" => RedlineSamples.Bakery(language),
        "handmade" => RedlineSamples.Handmade(language),
        "reversed" => (RedlineSamples.Handmade(language).To, RedlineSamples.Handmade(language).From),
        _ => (Samples.Protocol("zorg", language), Samples.Protocol("zorg", language)),
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Accepting_all_changes_gives_the_new_text_and_rejecting_all_gives_the_old(string pair, Language language)
    {
        var (from, to) = Pair(pair, language);
        var document = RedlineSamples.Part(Render(RedlineSamples.Input(from, to, language)), "word/document.xml");

        Assert.Equal(RedlineSamples.Paragraphs(to), Accept(document));
        Assert.Equal(RedlineSamples.Paragraphs(from), Reject(document));
        if (pair != "same")
        {
            Assert.NotEmpty(document.Descendants(W + "ins"));
            Assert.NotEmpty(document.Descendants(W + "del"));
            Assert.NotEmpty(document.Descendants(W + "delText"));
        }
        else
        {
            Assert.Empty(document.Descendants(W + "ins"));
            Assert.Empty(document.Descendants(W + "del"));
        }
    }

    [Theory]
    [InlineData("bakkerij", Language.Nl)]
    [InlineData("zorg", Language.En)]
    public void The_text_view_of_a_document_is_what_the_normal_docx_renderer_writes(string example, Language language)
    {
        // Keeps the comparison above honest: the expected paragraphs are the product's own DOCX body, without editing marks.
        var document = Samples.Protocol(example, language);
        var docx = RedlineSamples.Part(new DocxRenderer().RenderToBytes(document), "word/document.xml");
        var paragraphs = docx.Descendants(W + "p").ToList();
        var first = paragraphs.FindIndex(p => Style(p) == "Heading1");
        var texts = paragraphs.Skip(first)
            .Select(p => Text(p, r => r.Element(W + "rPr")?.Element(W + "rStyle")?.Attribute(W + "val")?.Value != "ClauseMark"))
            .Append("")
            .ToList();

        Assert.Equal(RedlineSamples.Paragraphs(document), texts);
    }

    [Fact]
    public void Every_revision_has_a_unique_id_the_author_and_the_utc_date_and_deleted_text_is_in_del_text()
    {
        var (from, to) = RedlineSamples.Handmade();
        var document = RedlineSamples.Part(Render(RedlineSamples.Input(from, to)), "word/document.xml");
        var revisions = document.Descendants().Where(e => e.Name == W + "ins" || e.Name == W + "del").ToList();

        Assert.NotEmpty(revisions);
        Assert.Equal(revisions.Count, revisions.Select(r => (string?)r.Attribute(W + "id")).Distinct().Count());
        Assert.All(revisions, r =>
        {
            Assert.Equal("Marieke Verhoef", (string?)r.Attribute(W + "author"));
            Assert.Equal("2026-12-01T12:30:00Z", (string?)r.Attribute(W + "date"));
        });
        Assert.Empty(document.Descendants(W + "del").Descendants(W + "t"));
        Assert.Empty(document.Descendants(W + "ins").Descendants(W + "delText"));

        // Wholly added or removed paragraphs and rows have their mark tracked, so no empty paragraph stays behind.
        Assert.Contains(document.Descendants(W + "pPr"), p => p.Element(W + "rPr")?.Element(W + "ins") is not null);
        Assert.Contains(document.Descendants(W + "pPr"), p => p.Element(W + "rPr")?.Element(W + "del") is not null);
        Assert.Contains(document.Descendants(W + "trPr"), p => p.Element(W + "ins") is not null);
        Assert.Contains(document.Descendants(W + "trPr"), p => p.Element(W + "del") is not null);
        var settings = RedlineSamples.Part(Render(RedlineSamples.Input(from, to)), "word/settings.xml");
        Assert.NotNull(settings.Root!.Element(W + "trackRevisions"));
    }

    [Fact]
    public void A_changed_word_is_deleted_and_inserted_inside_its_paragraph()
    {
        var (from, to) = RedlineSamples.Bakery();
        var document = RedlineSamples.Part(Render(RedlineSamples.Input(from, to)), "word/document.xml");
        var deleted = document.Descendants(W + "delText").Where(t => t.Value.Contains(RedlineSamples.OldNumber, StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(deleted);
        Assert.All(deleted, d =>
        {
            Assert.Equal(RedlineSamples.OldNumber, d.Value);
            var paragraph = d.Ancestors(W + "p").First();
            Assert.Contains(paragraph.Descendants(W + "ins").Descendants(W + "t"), t => t.Value == RedlineSamples.NewNumber);
            Assert.Null(paragraph.Element(W + "pPr")?.Element(W + "rPr"));
        });
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Word_would_open_it_without_a_repair_prompt(string pair, Language language)
    {
        var (from, to) = Pair(pair, language);
        using var docx = WordprocessingDocument.Open(new MemoryStream(Render(RedlineSamples.Input(from, to, language))), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(docx, TestContext.Current.CancellationToken)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();

        Assert.Empty(errors);
    }

    [Fact]
    public void LibreOffice_converts_the_tracked_changes_to_pdf()
    {
        if (!Samples.Has("soffice") && !Samples.Has("libreoffice"))
        {
            Assert.Skip("LibreOffice is not installed; .ci/run installs libreoffice-writer-nogui");
        }

        var dir = Samples.TempDir("rs-lo-redline");
        try
        {
            var names = new List<string>();
            foreach (var pair in new[] { "bakery", "handmade" })
            {
                var (from, to) = Pair(pair, Language.Nl);
                File.WriteAllBytes(Path.Combine(dir, pair + ".docx"), Render(RedlineSamples.Input(from, to)));
                names.Add(pair);
            }

            var tool = Samples.Has("soffice") ? "soffice" : "libreoffice";
            string[] args = ["-env:UserInstallation=file://" + Path.Combine(dir, "profile"), "--headless", "--convert-to", "pdf", "--outdir", dir, .. names.Select(n => Path.Combine(dir, n + ".docx"))];
            Samples.Run(tool, args);

            foreach (var name in names)
            {
                var pdf = Path.Combine(dir, name + ".pdf");
                Assert.True(File.Exists(pdf), $"LibreOffice did not convert {name}.docx");
                using var read = PdfReader.Open(pdf, PdfDocumentOpenMode.Import);
                Assert.True(read.PageCount >= 1);
            }

            if (Samples.Has("pdftotext"))
            {
                // LibreOffice shows the changes: the old and the new number are both on the page.
                var text = Samples.Run("pdftotext", "-enc", "UTF-8", Path.Combine(dir, "bakery.pdf"), "-");
                Assert.Contains(RedlineSamples.OldNumber, text, StringComparison.Ordinal);
                Assert.Contains(RedlineSamples.NewNumber, text, StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
