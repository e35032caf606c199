namespace Richtsnoer.Rendering.Pdf.Layout;

/// <summary>
/// Puts blocks on pages: lines of a paragraph may run onto the next page, but never leave a
/// single first line at the bottom (orphan) or a single last line at the top (widow); a block
/// that keeps with the next one (a heading) moves to the next page unless the first lines of what
/// follows fit under it; a heading's own lines stay together; table rows never split and the
/// header row repeats.
/// </summary>
public sealed class Paginator(PageFrame frame, ITextMeasure measure)
{
    private const int MinLines = 2;

    /// <summary>The least room between a marker and its text: a wider marker ("10.1" in a column made for "9.1") moves left into the margin.</summary>
    public const double MarkerGap = 6;

    private sealed record Prepared(List<Line> Lines, double Pad, double[]? Columns = null, List<List<List<Line>>>? Cells = null, double[]? RowHeights = null);

    private LayoutResult result = null!;
    private LaidOutPage page = null!;
    private int current;
    private double y;
    private bool pageHasContent;

    public static LayoutResult Layout(IReadOnlyList<Block> blocks, PageFrame frame, ITextMeasure measure) =>
        new Paginator(frame, measure).Run(blocks);

    private LayoutResult Run(IReadOnlyList<Block> blocks)
    {
        result = new LayoutResult { Blocks = blocks };
        var prepared = blocks.Select(Prepare).ToList();
        NewPage();
        for (var i = 0; i < blocks.Count; i++)
        {
            current = i;
            var block = blocks[i];
            if (block is PageBreakBlock)
            {
                if (pageHasContent)
                {
                    NewPage();
                }

                continue;
            }

            var before = pageHasContent ? block.SpaceBefore : 0;
            var need = before + (block.KeepWithNext ? Full(block, prepared[i]) + block.SpaceAfter + Lead(blocks, prepared, i + 1) : Minimum(block, prepared[i]));
            if (pageHasContent && y + need > frame.ContentBottom)
            {
                NewPage();
                before = 0;
            }

            y += before;
            switch (block)
            {
                case TextBlock t:
                    PlaceText(t, prepared[i]);
                    break;
                case TableBlock table:
                    PlaceTable(table, prepared[i]);
                    break;
            }

            y += block.SpaceAfter;
        }

        return result;
    }

    private void NewPage()
    {
        page = new LaidOutPage();
        result.Pages.Add(page);
        y = frame.Top;
        pageHasContent = false;
    }

    private double TextWidth(TextBlock t) =>
        frame.ContentWidth - t.Indent - (t.Box is { } b ? (2 * b.Padding) + b.BarWidth : 0) - (t.PageRefAnchor is null ? 0 : 40);

    private Prepared Prepare(Block block)
    {
        switch (block)
        {
            case TextBlock t:
                return new Prepared(LineBreaker.Break(t.Spans, Math.Max(20, TextWidth(t)), measure), t.Box?.Padding ?? 0);
            case TableBlock table:
                var columns = ColumnWidths(table);
                var cells = table.Rows.Select(r => columns.Select((w, c) => LineBreaker.Break(c < r.Count ? r[c] : [], Math.Max(10, w - (2 * table.Padding)), measure)).ToList()).ToList();
                var heights = cells.Select(r => (r.Max(c => c.Count) * table.LineHeight) + (2 * table.Padding)).ToArray();
                return new Prepared([], 0, columns, cells, heights);
            default:
                return new Prepared([], 0);
        }
    }

    /// <summary>Column widths in proportion to their text, but never narrower than their longest word.</summary>
    private double[] ColumnWidths(TableBlock table)
    {
        var count = Math.Max(1, table.Rows.Max(r => r.Count));
        var total = frame.ContentWidth - table.Indent;
        var longest = new double[count];
        var length = new double[count];
        foreach (var row in table.Rows)
        {
            for (var c = 0; c < row.Count; c++)
            {
                foreach (var s in row[c])
                {
                    length[c] += measure.Width(s.Text, s.Font, s.Size);
                    foreach (var word in s.Text.Split(' '))
                    {
                        longest[c] = Math.Max(longest[c], measure.Width(word, s.Font, s.Size) + (2 * table.Padding));
                    }
                }
            }
        }

        var min = longest.Select(l => Math.Min(l, total / count)).ToArray();
        var weights = length.Select(l => Math.Sqrt(l + 1)).ToArray();
        var sum = weights.Sum();
        var widths = weights.Select((w, c) => Math.Max(min[c], total * w / sum)).ToArray();
        var scale = total / widths.Sum();
        return widths.Select(w => w * scale).ToArray();
    }

    private static double Full(Block block, Prepared p) => block switch
    {
        TextBlock t => (p.Lines.Count * t.LineHeight) + (2 * p.Pad),
        TableBlock => p.RowHeights!.Sum(),
        _ => 0,
    };

    /// <summary>Whether a block's lines stay together: asked for, and no taller than a page (a taller one is split like a paragraph).</summary>
    private bool Together(TextBlock t, Prepared p) => t.KeepTogether && Full(t, p) <= frame.ContentBottom - frame.Top;

    /// <summary>What must fit on the page for a block to start there.</summary>
    private double Minimum(Block block, Prepared p) => block switch
    {
        TextBlock t when Together(t, p) => Full(t, p),
        TextBlock t => (Math.Min(MinLines, p.Lines.Count) * t.LineHeight) + (p.Lines.Count <= MinLines ? 2 * p.Pad : p.Pad),
        TableBlock => p.RowHeights!.Take(2).Sum(),
        _ => 0,
    };

    /// <summary>What must come along with a block that keeps with the next.</summary>
    private double Lead(IReadOnlyList<Block> blocks, List<Prepared> prepared, int i)
    {
        if (i >= blocks.Count || blocks[i] is PageBreakBlock)
        {
            return 0;
        }

        var b = blocks[i];
        return b.SpaceBefore + (b.KeepWithNext ? Full(b, prepared[i]) + b.SpaceAfter + Lead(blocks, prepared, i + 1) : Minimum(b, prepared[i]));
    }

    private double Baseline(double top, double lineHeight, Line line, FontFace font)
    {
        var size = line.Fragments.Count == 0 ? 10 : line.Fragments.Max(f => f.Size);
        return top + ((lineHeight - size) / 2) + (size * measure.Ascent(font) * 0.93);
    }

    private void PlaceText(TextBlock t, Prepared p)
    {
        var lines = p.Lines;
        var lh = t.LineHeight;
        var pad = p.Pad;
        var left = frame.Left + t.Indent + (t.Box is { } box ? box.BarWidth + box.Padding : 0);
        var index = 0;
        var first = true;
        while (index < lines.Count)
        {
            var remaining = lines.Count - index;
            var top = first ? pad : 0;
            int take;
            if (y + top + (remaining * lh) + pad <= frame.ContentBottom + 0.01)
            {
                take = remaining;
            }
            else
            {
                var fit = (int)Math.Floor((frame.ContentBottom - y - top) / lh);
                if (pageHasContent && (Together(t, p) || fit < Math.Min(MinLines, remaining)))
                {
                    NewPage();
                    continue;
                }

                take = Math.Clamp(fit, 1, remaining);
                if (remaining - take == 1 && take > MinLines)
                {
                    take--;
                }
            }

            var segmentTop = y;
            if (first && (t.Outline is not null || t.PageRefAnchor is not null))
            {
                if (t.Outline is { } o)
                {
                    result.Anchors.Add(new Anchor(o.Anchor, result.Pages.Count, y, o));
                }
            }

            y += top;
            var textStart = page.Texts.Count;
            for (var k = 0; k < take; k++)
            {
                var line = lines[index + k];
                var font = line.Fragments.Count > 0 ? line.Fragments[0].Font : t.Spans.FirstOrDefault().Font;
                var baseline = Baseline(y, lh, line, font);
                foreach (var f in line.Fragments)
                {
                    page.Texts.Add(new PlacedText(left + f.X, baseline, f.Text, f.Font, f.Size, f.Color, current));
                    Decorate(left + f.X, baseline, f);
                }

                if (first && k == 0 && t.Marker is { } m)
                {
                    var x = left - Math.Max(t.MarkerWidth, measure.Width(m.Text, m.Font, m.Size) + MarkerGap);
                    page.Texts.Insert(textStart, new PlacedText(x, baseline, m.Text, m.Font, m.Size, m.Color, current, TextPart.Marker));
                }

                if (t.PageRefAnchor is { } anchor && index + k == lines.Count - 1)
                {
                    var size = line.Fragments.Count > 0 ? line.Fragments[^1].Size : 10;
                    page.PageRefs.Add(new PageRefSlot(anchor, left + line.Width, frame.Width - frame.Right, baseline, font, size, line.Fragments.Count > 0 ? line.Fragments[^1].Color : 0, current));
                }

                y += lh;
            }

            index += take;
            if (index == lines.Count)
            {
                y += pad;
            }

            if (t.Box is { } b)
            {
                page.Rects.Insert(0, new PlacedRect(frame.Left + t.Indent, segmentTop, frame.ContentWidth - t.Indent, y - segmentTop, b.Fill));
                page.Rects.Add(new PlacedRect(frame.Left + t.Indent, segmentTop, b.BarWidth, y - segmentTop, b.Bar));
            }

            pageHasContent = true;
            first = false;
            if (index < lines.Count)
            {
                NewPage();
            }
        }

        if (t.RuleBelow is { } color)
        {
            page.Rules.Add(new PlacedRule(frame.Left, y + 2, frame.Width - frame.Right, y + 2, 0.6, color));
        }
    }

    /// <summary>An underline or a line through the text, as a rule in the text's colour.</summary>
    private void Decorate(double x, double baseline, Fragment f)
    {
        if (f.Decoration == TextDecoration.None)
        {
            return;
        }

        var width = measure.Width(f.Text, f.Font, f.Size);
        var y = f.Decoration == TextDecoration.Underline ? baseline + (f.Size * 0.15) : baseline - (f.Size * 0.3);
        page.Rules.Add(new PlacedRule(x, y, x + width, y, Math.Max(0.5, f.Size * 0.07), f.Color));
    }

    private void PlaceTable(TableBlock t, Prepared p)
    {
        var columns = p.Columns!;
        var heights = p.RowHeights!;
        for (var r = 0; r < p.Cells!.Count; r++)
        {
            if (pageHasContent && y + heights[r] > frame.ContentBottom)
            {
                NewPage();
                if (r > 0)
                {
                    Row(t, p, 0, columns, heights[0], repeat: true);
                }
            }

            Row(t, p, r, columns, heights[r], repeat: false);
            pageHasContent = true;
        }
    }

    private void Row(TableBlock t, Prepared p, int r, double[] columns, double height, bool repeat)
    {
        var x = frame.Left + t.Indent;
        var right = frame.Width - frame.Right;
        if (r == 0)
        {
            page.Rects.Add(new PlacedRect(x, y, right - x, height, t.HeaderFill));
        }

        page.Rules.Add(new PlacedRule(x, y, right, y, 0.5, t.BorderColor));
        page.Rules.Add(new PlacedRule(x, y + height, right, y + height, 0.5, t.BorderColor));
        for (var c = 0; c < columns.Length; c++)
        {
            page.Rules.Add(new PlacedRule(x, y, x, y + height, 0.5, t.BorderColor));
            var top = y + t.Padding;
            foreach (var line in p.Cells![r][c])
            {
                var font = line.Fragments.Count > 0 ? line.Fragments[0].Font : FontFace.Serif;
                var baseline = Baseline(top, t.LineHeight, line, font);
                foreach (var f in line.Fragments)
                {
                    page.Texts.Add(new PlacedText(x + t.Padding + f.X, baseline, f.Text, f.Font, f.Size, f.Color, current, repeat ? TextPart.Repeat : TextPart.Body, r, c));
                    Decorate(x + t.Padding + f.X, baseline, f);
                }

                top += t.LineHeight;
            }

            x += columns[c];
        }

        page.Rules.Add(new PlacedRule(right, y, right, y + height, 0.5, t.BorderColor));
        y += height;
    }
}
