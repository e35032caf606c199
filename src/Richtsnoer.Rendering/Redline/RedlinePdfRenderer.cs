using System.Globalization;
using Richtsnoer.Core;
using Richtsnoer.Core.Model;
using Richtsnoer.Core.Redline;
using Richtsnoer.Rendering.Pdf;
using Richtsnoer.Rendering.Pdf.Layout;
using LayoutBlock = Richtsnoer.Rendering.Pdf.Layout.Block;

namespace Richtsnoer.Rendering.Redline;

/// <summary>
/// The redline as PDF, through the protocol's own layout engine: inserted text underlined
/// between {+ and +}, deleted text struck through between [- and -], a status in words after
/// every clause heading and a legend on the first page, so it reads in black and white and in
/// copied text too.
/// </summary>
public sealed class RedlinePdfRenderer : IRedlineRenderer
{
    public const int InsertColor = 0x0B5D1E;
    public const int DeleteColor = 0x8A1C1C;

    public string Format => "pdf";

    public string MediaType => "application/pdf";

    public string Extension => ".pdf";

    public void Render(RedlineInput input, Stream output)
    {
        PdfRenderer.EnsureInitialised();
        var layout = Layout(input);
        var heading = RedlineLabels.Format(RedlineLabels.Title, input.Language, OneLine(input.FromLabel), OneLine(input.ToLabel));
        var header = input.Redline.To with
        {
            Title = heading,
            Version = OneLine(input.FromLabel) + " → " + OneLine(input.ToLabel),
            GeneratedOn = DateOnly.FromDateTime(input.DateUtc),
        };
        using var pdf = PdfRenderer.Draw(header, layout);
        pdf.Info.Author = SafeText.ForXml(OneLine(input.Author));
        pdf.Save(output, closeStream: false);
    }

    /// <summary>The pages as laid out (for tests).</summary>
    public static LayoutResult Layout(RedlineInput input) =>
        Paginator.Layout(new Typesetter(input).Blocks(), PdfRenderer.Frame, EmbeddedFontMeasure.Instance);

    private static string OneLine(string text) => string.Join(' ', text.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private sealed class Typesetter(RedlineInput input)
    {
        private const double Hang = 28.35;
        private const double Body = 10;
        private const double Leading = 14.6;
        private readonly Language lang = input.Language;
        private int anchors;

        public List<LayoutBlock> Blocks()
        {
            var r = input.Redline;
            var blocks = new List<LayoutBlock>
            {
                new TextBlock([new Span(Clean(r.To.OrganisationName).ToUpper(lang.Culture()), FontFace.Sans, 10.5, PdfTypesetter.Accent)], 14) { SpaceAfter = 4 },
                new TextBlock([new Span(Clean(RedlineLabels.Format(RedlineLabels.Title, lang, OneLine(input.FromLabel), OneLine(input.ToLabel))), FontFace.SansBold, 20, PdfTypesetter.Ink)], 25) { SpaceAfter = 8 },
                new TextBlock([new Span(Clean(r.To.Title + " · " + RedlineLabels.Format(RedlineLabels.MadeBy, lang, OneLine(input.Author), RedlineLabels.Date(input.Date, lang))), FontFace.Sans, 9, PdfTypesetter.Muted)], 13) { SpaceAfter = 6 },
                new TextBlock([new Span(r.HasChanges ? RedlineLabels.SummaryLine(r.Summary, lang) : RedlineLabels.NoChanges[lang], FontFace.SansBold, 10, PdfTypesetter.Ink)], 14) { SpaceAfter = 8 },
            };

            var legend = new List<Span> { new(RedlineLabels.Legend[lang] + "\n", FontFace.SansBold, 9, PdfTypesetter.Accent) };
            AddRuns(legend, [new DiffRun(RunKind.Inserted, "abc")], 9);
            legend.Add(new Span("  " + RedlineLabels.InsertedText[lang] + "\n", FontFace.Sans, 9, PdfTypesetter.Ink));
            AddRuns(legend, [new DiffRun(RunKind.Deleted, "abc")], 9);
            legend.Add(new Span("  " + RedlineLabels.DeletedText[lang] + "\n", FontFace.Sans, 9, PdfTypesetter.Ink));
            legend.Add(new Span(RedlineLabels.StatusLegend[lang], FontFace.Sans, 9, PdfTypesetter.Ink));
            blocks.Add(new TextBlock(legend, 13.5) { Box = new BoxStyle(PdfTypesetter.Box, PdfTypesetter.Accent, 2.2, 6), SpaceAfter = 10, KeepTogether = true });

            foreach (var s in r.Sections)
            {
                blocks.Add(SectionHeading(s));
                foreach (var c in s.Clauses)
                {
                    blocks.Add(ClauseHeading(c));
                    if (!c.IsMoveOrigin && (c.Status != ClauseStatus.Unchanged || input.ShowUnchanged))
                    {
                        foreach (var b in c.Blocks)
                        {
                            Content(blocks, b);
                        }
                    }
                }
            }

            return blocks.Select(Displayable).ToList();
        }

        private static LayoutBlock Displayable(LayoutBlock block)
        {
            static Span D(Span s) => s with { Text = EmbeddedFontMeasure.Instance.Displayable(s.Text, s.Font) };
            return block switch
            {
                TextBlock t => t with { Spans = t.Spans.Select(D).ToList(), Marker = t.Marker is { } m ? D(m) : null },
                TableBlock t => t with { Rows = t.Rows.Select(r => (IReadOnlyList<IReadOnlyList<Span>>)r.Select(c => (IReadOnlyList<Span>)c.Select(D).ToList()).ToList()).ToList() },
                _ => block,
            };
        }

        private string Anchor() => "rl:" + (anchors++).ToString(CultureInfo.InvariantCulture);

        private TextBlock SectionHeading(SectionDiff s)
        {
            const double size = 14.5;
            var spans = new List<Span>();
            if (s.IsAppendix)
            {
                spans.Add(new Span(s.Label(lang) + ".  ", FontFace.SansBold, size, PdfTypesetter.Accent));
            }

            AddRuns(spans, s.Title.Runs, size, FontFace.SansBold, PdfTypesetter.Accent);
            if (RedlineLabels.SectionStatus(s, lang) is { } status)
            {
                spans.Add(new Span("  [" + status + "]", FontFace.Sans, 9, PdfTypesetter.Muted));
            }

            var title = Clean(s.Title.NewText.Length > 0 ? s.Title.NewText : s.Title.OldText);
            return new TextBlock(spans, 19)
            {
                Indent = s.IsAppendix ? 0 : Hang,
                MarkerWidth = Hang,
                Marker = s.IsAppendix ? null : new Span(s.Number + ".", FontFace.SansBold, size, PdfTypesetter.Accent),
                SpaceBefore = 22,
                SpaceAfter = 10,
                KeepWithNext = true,
                KeepTogether = true,
                RuleBelow = PdfTypesetter.Rule,
                Outline = new OutlineEntry(0, s.Label(lang) + ". " + title, Anchor()),
            };
        }

        private TextBlock ClauseHeading(ClauseDiff c)
        {
            var spans = new List<Span>();
            AddRuns(spans, c.Title.Runs, 10.5, FontFace.SansBold, PdfTypesetter.Ink);
            spans.Add(new Span("  [" + RedlineLabels.Status(c, lang) + "]", FontFace.Sans, 8.5, c.Status == ClauseStatus.Unchanged ? PdfTypesetter.Muted : PdfTypesetter.Ink));
            var title = Clean(c.Title.NewText.Length > 0 ? c.Title.NewText : c.Title.OldText);
            return new TextBlock(spans, 14)
            {
                Indent = Hang,
                MarkerWidth = Hang,
                Marker = new Span(c.Number, FontFace.SansBold, 10.5, PdfTypesetter.Accent),
                SpaceBefore = 10,
                SpaceAfter = 3,
                KeepWithNext = !c.IsMoveOrigin && (c.Status != ClauseStatus.Unchanged || input.ShowUnchanged) && c.Blocks.Count > 0,
                KeepTogether = true,
                Outline = new OutlineEntry(1, c.Number + " " + title + " [" + RedlineLabels.Status(c, lang) + "]", Anchor()),
            };
        }

        private void Content(List<LayoutBlock> blocks, BlockDiff b)
        {
            switch (b.Type)
            {
                case BlockType.Paragraph:
                    blocks.Add(new TextBlock(Spans(b.Text.Runs, Body), Leading) { Indent = Hang, SpaceAfter = 6 });
                    break;
                case BlockType.Example:
                    var spans = new List<Span> { new(Labels.Example[lang].ToUpper(lang.Culture()) + "\n", FontFace.SansBold, 7, PdfTypesetter.Accent) };
                    AddRuns(spans, b.Text.Runs, 9.5);
                    blocks.Add(new TextBlock(spans, 13.6) { Indent = Hang, Box = new BoxStyle(PdfTypesetter.Box, PdfTypesetter.Accent, 2.2, 6), SpaceBefore = 2, SpaceAfter = 8 });
                    break;
                case BlockType.BulletList:
                case BlockType.NumberedList:
                    var bullet = b.Type == BlockType.BulletList;
                    var width = (bullet ? 13 : 19) + (b.Items.Count >= 10 ? 5 : 0);
                    var number = 0;
                    for (var i = 0; i < b.Items.Count; i++)
                    {
                        var item = b.Items[i];

                        // Numbers count the items of the new version; a removed item has none.
                        var marker = bullet ? "\u2022" : item.Kind == ChangeKind.Removed ? "–" : (++number).ToString(lang.Culture()) + ".";
                        blocks.Add(new TextBlock(Spans(item.Text.Runs, Body), Leading)
                        {
                            Indent = Hang + width + 2,
                            Marker = new Span(marker, bullet ? FontFace.SansBold : FontFace.Serif, Body, bullet ? PdfTypesetter.Accent : PdfTypesetter.Ink),
                            MarkerWidth = width,
                            SpaceAfter = i == b.Items.Count - 1 ? 6 : 2.5,
                        });
                    }

                    break;
                case BlockType.Table when b.Rows.Count > 0:
                    var rows = b.Rows.Select((r, i) => (IReadOnlyList<IReadOnlyList<Span>>)r.Cells.Select(c => (IReadOnlyList<Span>)Spans(c.Runs, 9, i == 0)).ToList()).ToList();
                    blocks.Add(new TableBlock(rows, 12.6) { Indent = Hang, SpaceBefore = 2, SpaceAfter = 9 });
                    break;
            }
        }

        private List<Span> Spans(IReadOnlyList<DiffRun> runs, double size, bool bold = false)
        {
            var spans = new List<Span>();
            AddRuns(spans, runs, size, bold ? FontFace.SerifBold : FontFace.Serif, PdfTypesetter.Ink);
            return spans;
        }

        /// <summary>
        /// Runs as spans: a stretch of inserted or deleted runs between its markers, underlined or
        /// struck through; spaces at its edges stay outside the markers so "{+word" keeps together.
        /// </summary>
        private static void AddRuns(List<Span> spans, IReadOnlyList<DiffRun> runs, double size, FontFace face = FontFace.Serif, int color = PdfTypesetter.Ink)
        {
            var bold = face is FontFace.SansBold ? FontFace.SansBold : face is FontFace.Sans ? FontFace.SansBold : FontFace.SerifBold;
            var i = 0;
            while (i < runs.Count)
            {
                var kind = runs[i].Kind;
                var end = i;
                while (end < runs.Count && runs[end].Kind == kind)
                {
                    end++;
                }

                if (kind == RunKind.Equal)
                {
                    for (var k = i; k < end; k++)
                    {
                        spans.Add(new Span(Clean(runs[k].Text), runs[k].Strong ? bold : face, size, color));
                    }
                }
                else
                {
                    var inserted = kind == RunKind.Inserted;
                    var (open, close) = inserted ? (RedlineLabels.InsertOpen, RedlineLabels.InsertClose) : (RedlineLabels.DeleteOpen, RedlineLabels.DeleteClose);
                    var c = inserted ? InsertColor : DeleteColor;
                    var decoration = inserted ? TextDecoration.Underline : TextDecoration.Strikethrough;
                    var texts = Enumerable.Range(i, end - i).Select(k => (Text: Clean(runs[k].Text), runs[k].Strong)).ToList();
                    if (texts.All(t => string.IsNullOrWhiteSpace(t.Text)))
                    {
                        // Only spacing changed: the new spacing, unmarked.
                        if (inserted)
                        {
                            spans.AddRange(texts.Select(t => new Span(t.Text, face, size, color)));
                        }

                        i = end;
                        continue;
                    }

                    var lead = texts[0].Text.Length - texts[0].Text.TrimStart().Length;
                    var trail = texts[^1].Text.Length - texts[^1].Text.TrimEnd().Length;
                    if (lead > 0)
                    {
                        spans.Add(new Span(texts[0].Text[..lead], face, size, color));
                        texts[0] = (texts[0].Text[lead..], texts[0].Strong);
                    }

                    var after = "";
                    if (trail > 0 && texts[^1].Text.Length >= trail)
                    {
                        after = texts[^1].Text[^trail..];
                        texts[^1] = (texts[^1].Text[..^trail], texts[^1].Strong);
                    }

                    spans.Add(new Span(open, FontFace.SansBold, size * 0.85, c));
                    foreach (var (text, strong) in texts)
                    {
                        if (text.Length > 0)
                        {
                            spans.Add(new Span(text, strong ? bold : face, size, c, decoration));
                        }
                    }

                    spans.Add(new Span(close, FontFace.SansBold, size * 0.85, c));
                    if (after.Length > 0)
                    {
                        spans.Add(new Span(after, face, size, color));
                    }
                }

                i = end;
            }
        }

        private static string Clean(string text) => SafeText.ForXml(text);
    }
}
