using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;
using Richtsnoer.Core;
using Richtsnoer.Core.Model;
using Richtsnoer.Rendering.Pdf.Layout;

namespace Richtsnoer.Rendering.Pdf;

/// <summary>
/// A4 PDF through PDFsharp 6.2.4 (MIT) with the embedded DejaVu fonts. Layout (line breaking,
/// page breaks, keep-with-next) is our own, in Pdf/Layout; this class only draws its result and
/// adds the header, "Pagina X van Y", bookmarks, document info and the structure tree (Tagger).
/// </summary>
public sealed class PdfRenderer : IDocumentRenderer
{
    private static readonly Lock InitLock = new();
    private static bool initialised;

    public string Format => "pdf";

    public string MediaType => "application/pdf";

    public string Extension => ".pdf";

    public static PageFrame Frame => PageFrame.A4;

    public void Render(ProtocolDocument document, Stream output)
    {
        EnsureInitialised();
        var layout = Layout(document);
        using var pdf = Draw(document.Metadata, layout);
        Save(pdf, output);
    }

    /// <summary>Saves the PDF with its PDF/UA identification (see <see cref="PdfUaIdentification"/>), which needs to read back the trailer that was written.</summary>
    internal static void Save(PdfDocument pdf, Stream output)
    {
        // An empty seekable stream (a MemoryStream, a file) takes the PDF directly; anything else gets a copy.
        var direct = output is { CanSeek: true, CanRead: true, Length: 0 };
        var target = direct ? output : new MemoryStream(256 * 1024);
        pdf.Save(target, closeStream: false);
        var metadata = pdf.Internals.Catalog.Elements.GetReference("/Metadata")!.ObjectNumber;
        PdfUaIdentification.Append(target, metadata, PdfUaIdentification.Xmp(pdf));
        if (!direct)
        {
            target.Position = 0;
            target.CopyTo(output);
        }
    }

    /// <summary>
    /// The pages as laid out. The staff summary must fit on one page: it is set in larger type
    /// first and again in slightly smaller type until it fits, down to 75 %.
    /// </summary>
    public static LayoutResult Layout(ProtocolDocument document)
    {
        var language = document.Metadata.Language;

        // The summary is a one-page handout: start a size larger and shrink until it fits.
        var scale = document.Metadata.Kind == DocumentKind.Summary ? 1.15 : 1.0;
        while (true)
        {
            var blocks = new PdfTypesetter(language, scale).Blocks(document);
            var layout = Paginator.Layout(blocks, Frame, EmbeddedFontMeasure.Instance);
            if (document.Metadata.Kind != DocumentKind.Summary || layout.Pages.Count == 1 || scale <= 0.76)
            {
                return layout;
            }

            scale -= 0.05;
        }
    }

    internal static void EnsureInitialised()
    {
        if (initialised)
        {
            return;
        }

        lock (InitLock)
        {
            if (initialised)
            {
                return;
            }

            if (GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = new EmbeddedFontResolver();
            }

            initialised = true;
        }
    }

    /// <summary>Draws laid-out pages with the header, page numbers, bookmarks and document info of <paramref name="m"/>.</summary>
    internal static PdfDocument Draw(DocumentMetadata m, LayoutResult layout)
    {
        var lang = m.Language;
        var pdf = new PdfDocument();
        pdf.Info.Title = Clean(m.Title + " – " + m.OrganisationName);
        pdf.Info.Author = Clean(m.OrganisationName);
        pdf.Info.Subject = Clean(m.Subject);
        pdf.Info.Keywords = Clean(string.Join(", ", m.Keywords));
        pdf.Info.Creator = "Richtsnoer";
        var created = m.GeneratedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        pdf.Info.CreationDate = created;
        pdf.Info.ModificationDate = created;
        pdf.Language = lang.Tag();
        pdf.PageLayout = PdfPageLayout.SinglePage;
        pdf.PageMode = PdfPageMode.UseOutlines;
        pdf.Options.CompressContentStreams = true;
        pdf.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;

        var fonts = new Dictionary<(FontFace, double), XFont>();
        var brushes = new Dictionary<int, XSolidBrush>();
        XFont Font(FontFace face, double size)
        {
            if (!fonts.TryGetValue((face, size), out var f))
            {
                var (family, bold, italic) = EmbeddedFonts.Typeface(face);
                var style = bold ? XFontStyleEx.Bold : italic ? XFontStyleEx.Italic : XFontStyleEx.Regular;
                f = new XFont(family, size, style, new XPdfFontOptions(PdfFontEncoding.Unicode));
                fonts[(face, size)] = f;
            }

            return f;
        }

        XSolidBrush Brush(int color)
        {
            if (!brushes.TryGetValue(color, out var b))
            {
                b = new XSolidBrush(XColor.FromArgb((color >> 16) & 0xFF, (color >> 8) & 0xFF, color & 0xFF));
                brushes[color] = b;
            }

            return b;
        }

        // Tagged PDF (PDF/UA): the structure tree is built while drawing, see Tagger.
        var ua = UAManager.ForDocument(pdf);
        ua.SetDocumentLanguage(lang.Tag());
        var structure = ua.StructureBuilder;
        var tagger = new Tagger(structure, layout.Blocks);

        var frame = Frame;
        var total = layout.Pages.Count;
        var pages = new List<PdfPage>(total);
        var measure = EmbeddedFontMeasure.Instance;
        for (var n = 0; n < total; n++)
        {
            var laid = layout.Pages[n];
            var page = pdf.AddPage();
            page.Width = XUnit.FromPoint(frame.Width);
            page.Height = XUnit.FromPoint(frame.Height);
            pages.Add(page);
            using var g = XGraphics.FromPdfPage(page);

            // What is not content: running header, page number, shading and rules.
            structure.BeginArtifact();
            if (n > 0)
            {
                Header(g, m, frame, measure, Font, Brush);
            }

            var footer = string.Format(lang.Culture(), Labels.PageOf[lang], n + 1, total);
            var size = 7.5;
            g.DrawString(footer, Font(FontFace.Sans, size), Brush(PdfTypesetter.Muted),
                frame.Width - frame.Right - measure.Width(footer, FontFace.Sans, size), frame.Height - 38, XStringFormats.BaseLineLeft);

            foreach (var r in laid.Rects)
            {
                g.DrawRectangle(Brush(r.Fill), r.X, r.Y, r.Width, r.Height);
            }

            foreach (var r in laid.Rules)
            {
                g.DrawLine(new XPen(Brush(r.Color).Color, r.Thickness), r.X1, r.Y1, r.X2, r.Y2);
            }

            structure.End();

            var texts = laid.Texts;
            for (var i = 0; i < texts.Count; i++)
            {
                var t = texts[i];
                if (tagger.Enter(t))
                {
                    var next = i + 1 < texts.Count ? texts[i + 1] : n + 1 < total && layout.Pages[n + 1].Texts.FirstOrDefault(x => x.Part != TextPart.Repeat) is { Block: >= 0 } first ? first : default;
                    var text = Spaced(t, next);
                    g.DrawString(text, Font(t.Font, t.Size), Brush(t.Color), t.X, t.Baseline, XStringFormats.BaseLineLeft);
                }
                else
                {
                    structure.BeginArtifact();
                    g.DrawString(t.Text, Font(t.Font, t.Size), Brush(t.Color), t.X, t.Baseline, XStringFormats.BaseLineLeft);
                    structure.End();
                }

                // A contents line's page number belongs to its entry: set it after the entry's last text.
                if (laid.PageRefs.Count > 0 && (i + 1 == texts.Count || texts[i + 1].Block != t.Block))
                {
                    foreach (var slot in laid.PageRefs)
                    {
                        if (slot.Block == t.Block)
                        {
                            PageNumber(g, structure, layout, slot, measure, Font, Brush);
                        }
                    }
                }
            }

            structure.EndMarkedContentsWithId();
        }

        tagger.Finish();
        Outline(pdf, layout, pages);
        return pdf;
    }

    private const int Rule = PdfTypesetter.Rule;

    /// <summary>
    /// The text as drawn: a line that the same block continues on the next line (or page), and a
    /// marker before its text, get a trailing space. It is invisible, but a screen reader and
    /// copied text read "werk? Dan" and "2.1 Titel" instead of "werk?Dan" and "2.1Titel".
    /// </summary>
    internal static string Spaced(in PlacedText t, in PlacedText next)
    {
        if (t.Text.Length == 0 || char.IsWhiteSpace(t.Text[^1]) || next.Block != t.Block || next.Text is null)
        {
            return t.Text;
        }

        var markerThenText = t.Part == TextPart.Marker && next.Part == TextPart.Body;
        var lineThenLine = t.Part == TextPart.Body && next.Part == TextPart.Body && next.Row == t.Row && next.Column == t.Column && Math.Abs(next.Baseline - t.Baseline) > 0.01;
        return markerThenText || lineThenLine ? t.Text + " " : t.Text;
    }

    /// <summary>The page number of a contents line, right-aligned, after a drawn dot leader (an artifact, so copied text stays "title  page").</summary>
    private static void PageNumber(XGraphics g, StructureBuilder structure, LayoutResult layout, PageRefSlot slot, ITextMeasure measure, Func<FontFace, double, XFont> font, Func<int, XSolidBrush> brush)
    {
        var number = layout.PageOf(slot.Anchor).ToString(CultureInfo.InvariantCulture);
        var width = measure.Width(number, FontFace.Sans, slot.Size);
        // The space before the number is invisible; it keeps the title and the number apart when read aloud.
        var spaced = " " + number;
        var spacedWidth = measure.Width(spaced, FontFace.Sans, slot.Size);
        g.DrawString(spaced, font(FontFace.Sans, slot.Size), brush(slot.Color), slot.X - spacedWidth, slot.Baseline, XStringFormats.BaseLineLeft);
        var from = slot.LeaderFrom + 6;
        var to = slot.X - width - 5;
        if (to - from > 6)
        {
            structure.BeginArtifact();
            var pen = new XPen(brush(Rule).Color, 0.9) { LineCap = XLineCap.Round, DashPattern = [0.01, 3.2] };
            g.DrawLine(pen, from, slot.Baseline - 0.5, to, slot.Baseline - 0.5);
            structure.End();
        }
    }

    /// <summary>Organisation and title on the left, version on the right, a hairline below; cut to one line.</summary>
    private static void Header(XGraphics g, DocumentMetadata m, PageFrame frame, ITextMeasure measure, Func<FontFace, double, XFont> font, Func<int, XSolidBrush> brush)
    {
        const double size = 7.5;
        var baseline = 46.0;
        var right = frame.Width - frame.Right;
        var shown = EmbeddedFontMeasure.Instance;
        var version = shown.Displayable(Labels.Version[m.Language] + " " + OneLine(Clean(m.Version)), FontFace.Sans);
        version = Fit(version, FontFace.Sans, size, frame.ContentWidth / 3, measure);
        var versionWidth = measure.Width(version, FontFace.Sans, size);
        g.DrawString(version, font(FontFace.Sans, size), brush(PdfTypesetter.Muted), right - versionWidth, baseline, XStringFormats.BaseLineLeft);

        var room = frame.ContentWidth - versionWidth - 18;
        var org = Fit(shown.Displayable(OneLine(Clean(m.OrganisationName)), FontFace.SansBold), FontFace.SansBold, size, room * 0.6, measure);
        var orgWidth = measure.Width(org, FontFace.SansBold, size);
        g.DrawString(org, font(FontFace.SansBold, size), brush(PdfTypesetter.Muted), frame.Left, baseline, XStringFormats.BaseLineLeft);
        var title = Fit("  ·  " + shown.Displayable(OneLine(Clean(m.Title)), FontFace.Sans), FontFace.Sans, size, room - orgWidth, measure);
        g.DrawString(title, font(FontFace.Sans, size), brush(PdfTypesetter.Muted), frame.Left + orgWidth, baseline, XStringFormats.BaseLineLeft);
        g.DrawLine(new XPen(brush(Rule).Color, 0.5), frame.Left, baseline + 6, right, baseline + 6);
    }

    /// <summary>The text, or as much of it as fits followed by an ellipsis.</summary>
    internal static string Fit(string text, FontFace face, double size, double width, ITextMeasure measure)
    {
        if (measure.Width(text, face, size) <= width)
        {
            return text;
        }

        var room = width - measure.Width("…", face, size);
        var e = StringInfo.GetTextElementEnumerator(text);
        double used = 0;
        var end = 0;
        while (e.MoveNext())
        {
            var w = measure.Width((string)e.Current, face, size);
            if (used + w > room)
            {
                break;
            }

            used += w;
            end = e.ElementIndex + ((string)e.Current).Length;
        }

        return text[..end].TrimEnd() + "…";
    }

    private static string OneLine(string text) =>
        text.IndexOfAny(['\n', '\r', '\t']) < 0 ? text : string.Join(' ', text.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static void Outline(PdfDocument pdf, LayoutResult layout, List<PdfPage> pages)
    {
        PdfOutline? parent = null;
        foreach (var a in layout.Anchors)
        {
            if (a.Outline is not { } o || a.Page < 1 || a.Page > pages.Count)
            {
                continue;
            }

            var title = OneLine(o.Title);
            if (title.Length > 200)
            {
                title = title[..(char.IsHighSurrogate(title[199]) ? 199 : 200)] + "…";
            }

            if (o.Level == 0 || parent is null)
            {
                parent = pdf.Outlines.Add(title, pages[a.Page - 1], false);
            }
            else
            {
                parent.Outlines.Add(title, pages[a.Page - 1], false);
            }
        }
    }

    private static string Clean(string text) => SafeText.ForXml(text);
}
