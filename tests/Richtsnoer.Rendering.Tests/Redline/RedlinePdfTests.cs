using PdfSharp.Pdf.IO;
using Richtsnoer.Core;
using Richtsnoer.Rendering.Pdf.Layout;
using Richtsnoer.Rendering.Redline;
using Richtsnoer.Rendering.Tests.Docx;

namespace Richtsnoer.Rendering.Tests.Redline;

public class RedlinePdfTests
{
    private static string PdfText(byte[] pdf)
    {
        var dir = Samples.TempDir("rs-redline-pdf");
        try
        {
            var file = Path.Combine(dir, "redline.pdf");
            File.WriteAllBytes(file, pdf);
            return Samples.Run("pdftotext", "-enc", "UTF-8", file, "-");
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Inserted_and_deleted_words_appear_between_their_markers_in_the_text_of_the_pdf()
    {
        if (!Samples.Has("pdftotext"))
        {
            Assert.Skip("pdftotext (poppler-utils) is not installed; .ci/run installs it");
        }

        var (from, to) = RedlineSamples.Bakery();
        var bytes = new RedlinePdfRenderer().RenderToBytes(RedlineSamples.Input(from, to));
        var text = PdfText(bytes);

        Assert.Contains(RedlineLabels.DeleteOpen + RedlineSamples.OldNumber + RedlineLabels.DeleteClose, text, StringComparison.Ordinal);
        Assert.Contains(RedlineLabels.InsertOpen + RedlineSamples.NewNumber + RedlineLabels.InsertClose, text, StringComparison.Ordinal);
        Assert.Contains("Wijzigingen van versie 1.0 naar versie 2.0", text, StringComparison.Ordinal);
        Assert.Contains("Legenda", text, StringComparison.Ordinal);
        Assert.Contains("toegevoegde tekst (onderstreept)", text, StringComparison.Ordinal);
        Assert.Contains("[gewijzigd]", text, StringComparison.Ordinal);
        Assert.Contains("[nieuw]", text, StringComparison.Ordinal);
        using var pdf = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
        Assert.True(pdf.PageCount > 1);
    }

    [Fact]
    public void Inserted_text_is_underlined_and_deleted_text_struck_through_in_its_colour()
    {
        var (from, to) = RedlineSamples.Bakery();
        var layout = RedlinePdfRenderer.Layout(RedlineSamples.Input(from, to));
        var checkedWords = 0;
        foreach (var page in layout.Pages)
        {
            foreach (var t in page.Texts.Where(t => t.Text is RedlineSamples.OldNumber or RedlineSamples.NewNumber))
            {
                var inserted = t.Text == RedlineSamples.NewNumber;
                Assert.Equal(inserted ? RedlinePdfRenderer.InsertColor : RedlinePdfRenderer.DeleteColor, t.Color);

                // A rule of the text's colour along the word: below the baseline for an insertion, through the letters for a deletion.
                Assert.Contains(page.Rules, r => r.Color == t.Color && Math.Abs(r.X1 - t.X) < 0.01 && r.X2 > t.X + 10
                    && (inserted ? r.Y1 > t.Baseline : r.Y1 < t.Baseline && r.Y1 > t.Baseline - t.Size));
                checkedWords++;
            }
        }

        Assert.True(checkedWords >= 2);
        Assert.DoesNotContain(layout.Pages.SelectMany(p => p.Texts), t => t.Color == RedlinePdfRenderer.InsertColor && t.Text.Contains(RedlineSamples.OldNumber, StringComparison.Ordinal));
    }

    [Fact]
    public void The_line_breaker_keeps_a_decoration_apart_from_plain_text_of_the_same_style()
    {
        var spans = new List<Span>
        {
            new("vast ", FontFace.Serif, 10),
            new("nieuw", FontFace.Serif, 10, Decoration: TextDecoration.Underline),
            new(" weer vast", FontFace.Serif, 10),
        };

        var line = Assert.Single(LineBreaker.Break(spans, 500, Rendering.Pdf.EmbeddedFontMeasure.Instance));

        Assert.Equal(["vast ", "nieuw", " weer vast"], line.Fragments.Select(f => f.Text));
        Assert.Equal([TextDecoration.None, TextDecoration.Underline, TextDecoration.None], line.Fragments.Select(f => f.Decoration));
    }
}
