using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using Richtsnoer.Core;
using Richtsnoer.Core.Model;
using Richtsnoer.Rendering.Pdf.Layout;

namespace Richtsnoer.Rendering.Pdf;

/// <summary>
/// A4 PDF through PDFsharp 6.2.4 (MIT) with the embedded DejaVu fonts. Layout (line breaking,
/// page breaks, keep-with-next) is our own, in Pdf/Layout; this class only draws its result and
/// adds the header, "Pagina X van Y", bookmarks and document info.
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
        pdf.Save(output, closeStream: false);
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

            if (n > 0)
            {
                Header(g, m, frame, measure, Font, Brush);
            }

            foreach (var r in laid.Rects)
            {
                g.DrawRectangle(Brush(r.Fill), r.X, r.Y, r.Width, r.Height);
            }

            foreach (var r in laid.Rules)
            {
                g.DrawLine(new XPen(Brush(r.Color).Color, r.Thickness), r.X1, r.Y1, r.X2, r.Y2);
            }

            foreach (var t in laid.Texts)
            {
                g.DrawString(t.Text, Font(t.Font, t.Size), Brush(t.Color), t.X, t.Baseline, XStringFormats.BaseLineLeft);
            }

            foreach (var slot in laid.PageRefs)
            {
                var number = layout.PageOf(slot.Anchor).ToString(CultureInfo.InvariantCulture);
                var font = Font(FontFace.Sans, slot.Size);
                var width = measure.Width(number, FontFace.Sans, slot.Size);
                g.DrawString(number, font, Brush(slot.Color), slot.X - width, slot.Baseline, XStringFormats.BaseLineLeft);
                // The dot leader is drawn, not typed, so copied text stays "title  page".
                var from = slot.LeaderFrom + 6;
                var to = slot.X - width - 5;
                if (to - from > 6)
                {
                    var pen = new XPen(Brush(Rule).Color, 0.9) { LineCap = XLineCap.Round, DashPattern = [0.01, 3.2] };
                    g.DrawLine(pen, from, slot.Baseline - 0.5, to, slot.Baseline - 0.5);
                }
            }

            var footer = string.Format(lang.Culture(), Labels.PageOf[lang], n + 1, total);
            var size = 7.5;
            g.DrawString(footer, Font(FontFace.Sans, size), Brush(PdfTypesetter.Muted),
                frame.Width - frame.Right - measure.Width(footer, FontFace.Sans, size), frame.Height - 38, XStringFormats.BaseLineLeft);
        }

        Outline(pdf, layout, pages);
        return pdf;
    }

    private const int Rule = PdfTypesetter.Rule;

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
