using Richtsnoer.Rendering.Pdf.Layout;

namespace Richtsnoer.Rendering.Tests.Pdf;

/// <summary>The layout engine on its own, with a fixed-width "font": every character is half the size wide.</summary>
public class LayoutEngineTests
{
    private sealed class Mono : ITextMeasure
    {
        public double Width(ReadOnlySpan<char> text, FontFace font, double size) => text.Length * size / 2;

        public double Ascent(FontFace font) => 0.8;
    }

    private static readonly Mono Measure = new();

    /// <summary>100 pt wide and 100 pt high text area: 20 characters of size 10 per line (five words "w01"), 10 lines of 10 pt.</summary>
    private static readonly PageFrame Small = new(140, 140, 20, 20, 20, 20);

    private static Span S(string text, FontFace font = FontFace.Serif) => new(text, font, 10);

    private static TextBlock Para(string text) => new([S(text)], 10);

    private static TextBlock Heading(string text) => new([S(text, FontFace.SansBold)], 10) { KeepWithNext = true, KeepTogether = true };

    private static string Words(int n, string prefix = "w") => string.Join(' ', Enumerable.Range(1, n).Select(i => $"{prefix}{i:00}"));

    [Fact]
    public void Lines_never_exceed_the_width_and_keep_every_word_in_order()
    {
        var text = "Een onvoordacht bericht kan jou, je collega's of de organisatie schaden.";
        var lines = LineBreaker.Break([S(text)], 100, Measure);
        Assert.All(lines, l => Assert.True(l.Width <= 100, $"line too wide: {l.Width}"));
        Assert.True(lines.Count > 1);
        Assert.Equal(text, string.Join(' ', lines.Select(l => string.Concat(l.Fragments.Select(f => f.Text)))));
    }

    [Fact]
    public void Style_changes_inside_a_line_keep_their_spaces()
    {
        var lines = LineBreaker.Break([S("Kijk "), S("goed", FontFace.SerifBold), S(" uit.")], 100, Measure);
        var line = Assert.Single(lines);
        Assert.Equal("Kijk goed uit.", string.Concat(line.Fragments.Select(f => f.Text)));
        Assert.Equal(FontFace.SerifBold, line.Fragments.Single(f => f.Text.Contains("goed", StringComparison.Ordinal)).Font);
        var bold = line.Fragments.Single(f => f.Font == FontFace.SerifBold);
        Assert.Equal(Measure.Width("Kijk ", FontFace.Serif, 10), bold.X, 3);
    }

    [Fact]
    public void A_word_longer_than_the_line_is_cut_without_losing_characters()
    {
        var word = new string('x', 55) + "\U0001F600" + "é";
        var lines = LineBreaker.Break([S(word)], 100, Measure);
        Assert.Equal(3, lines.Count);
        Assert.Equal(word, string.Concat(lines.SelectMany(l => l.Fragments).Select(f => f.Text)));
        Assert.All(lines, l => Assert.True(l.Width <= 100));
    }

    [Fact]
    public void A_newline_forces_a_line_break()
    {
        var lines = LineBreaker.Break([S("VOORBEELD\n"), S("tekst")], 100, Measure);
        Assert.Equal(["VOORBEELD", "tekst"], lines.Select(l => string.Concat(l.Fragments.Select(f => f.Text))));
    }

    [Fact]
    public void Blocks_flow_onto_new_pages_and_every_word_is_placed_once()
    {
        var blocks = Enumerable.Range(0, 6).Select(i => (Block)Para(Words(12, $"p{i}w"))).ToList();
        var layout = Paginator.Layout(blocks, Small, Measure);
        Assert.True(layout.Pages.Count > 1);
        var placed = layout.Pages.SelectMany(p => p.Texts).SelectMany(t => t.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(blocks.Cast<TextBlock>().SelectMany(b => b.Spans[0].Text.Split(' ')), placed);
        Assert.All(layout.Pages.SelectMany(p => p.Texts), t => Assert.InRange(t.Baseline, Small.Top, Small.ContentBottom));
    }

    [Fact]
    public void A_heading_is_never_the_last_thing_on_a_page()
    {
        // Eight lines of text, then a heading that would fit on line 9 and its paragraph would not.
        var blocks = new List<Block> { Para(Words(40)), Heading("Kop"), Para(Words(8, "x")) };
        var layout = Paginator.Layout(blocks, Small, Measure);
        var headingPage = layout.Pages.FindIndex(p => p.Texts.Any(t => t.Text == "Kop"));
        var textPage = layout.Pages.FindIndex(p => p.Texts.Any(t => t.Text.StartsWith("x01", StringComparison.Ordinal)));
        Assert.Equal(1, headingPage);
        Assert.Equal(headingPage, textPage);
    }

    [Fact]
    public void A_chain_of_headings_moves_together()
    {
        var blocks = new List<Block> { Para(Words(35)), Heading("H1"), Heading("H2"), Para(Words(8, "x")) };
        var layout = Paginator.Layout(blocks, Small, Measure);
        var page = layout.Pages.FindIndex(p => p.Texts.Any(t => t.Text == "H1"));
        Assert.Equal(page, layout.Pages.FindIndex(p => p.Texts.Any(t => t.Text == "H2")));
        Assert.Equal(page, layout.Pages.FindIndex(p => p.Texts.Any(t => t.Text.StartsWith("x01", StringComparison.Ordinal))));
    }

    [Fact]
    public void A_split_paragraph_leaves_no_single_line_behind_or_ahead()
    {
        // Nine lines used, then a paragraph of three lines: one would fit (an orphan), so all move.
        var orphan = Paginator.Layout([Para(Words(45)), Para(Words(12, "o"))], Small, Measure);
        Assert.Equal(3, orphan.Pages[1].Texts.Count(t => t.Text.StartsWith('o')));

        // Six lines used, then five lines: four would fit and leave one alone (a widow), so three go.
        var widow = Paginator.Layout([Para(Words(30)), Para(Words(25, "v"))], Small, Measure);
        Assert.Equal(3, widow.Pages[0].Texts.Count(t => t.Text.StartsWith('v')));
        Assert.Equal(2, widow.Pages[1].Texts.Count(t => t.Text.StartsWith('v')));
    }

    [Fact]
    public void A_page_break_block_starts_a_new_page_but_never_an_empty_one()
    {
        var layout = Paginator.Layout([new PageBreakBlock(), Para("a"), new PageBreakBlock(), new PageBreakBlock(), Para("b")], Small, Measure);
        Assert.Equal(2, layout.Pages.Count);
        Assert.Equal("a", layout.Pages[0].PlainText);
        Assert.Equal("b", layout.Pages[1].PlainText);
    }

    [Fact]
    public void Table_rows_do_not_split_and_the_header_row_repeats()
    {
        var rows = new List<IReadOnlyList<IReadOnlyList<Span>>> { new[] { new[] { S("Kop") }, new[] { S("Uitleg") } } };
        for (var i = 0; i < 12; i++)
        {
            rows.Add([[S($"r{i:00}")], [S("tekst")]]);
        }

        var layout = Paginator.Layout([new TableBlock(rows, 10) { Padding = 2 }], Small, Measure);
        Assert.True(layout.Pages.Count > 1);
        Assert.All(layout.Pages, p => Assert.Equal("Kop", p.Texts[0].Text));
        Assert.Equal(12, layout.Pages.SelectMany(p => p.Texts).Count(t => t.Text.StartsWith('r')));
    }

    [Fact]
    public void Anchors_record_the_page_of_each_heading()
    {
        var blocks = new List<Block>
        {
            Heading("A") with { Outline = new OutlineEntry(0, "A", "a") },
            Para(Words(40)),
            Heading("B") with { Outline = new OutlineEntry(0, "B", "b") },
            Para("z"),
        };
        var layout = Paginator.Layout(blocks, Small, Measure);
        Assert.Equal(1, layout.PageOf("a"));
        Assert.Equal(layout.Pages.Count, layout.PageOf("b"));
    }

    private static TextBlock Box(string text) => Para(text) with { Box = new BoxStyle(0xEEEEEE, 0x1F5F8B, 2, 0), KeepTogether = true };

    private static List<int> PagesWith(LayoutResult layout, char prefix) =>
        layout.Pages.Select((p, i) => (p, i)).Where(x => x.p.Texts.Any(t => t.Text.StartsWith(prefix))).Select(x => x.i).ToList();

    [Fact]
    public void An_example_box_that_does_not_fit_moves_whole_to_the_next_page()
    {
        // Seven lines used; the box has four lines: as a paragraph, three would stay behind.
        var layout = Paginator.Layout([Para(Words(35)), Box(Words(20, "b"))], Small, Measure);
        Assert.Equal([1], PagesWith(layout, 'b'));
        Assert.Equal(4, layout.Pages[1].Texts.Count(t => t.Text.StartsWith('b')));

        // Its shading is one rectangle on that page, none on the page before.
        Assert.Empty(layout.Pages[0].Rects);
        Assert.Equal(2, layout.Pages[1].Rects.Count); // fill and bar
    }

    [Fact]
    public void An_example_box_taller_than_a_page_starts_where_it_is_and_splits_without_a_lone_line()
    {
        // Three lines used; the box has fourteen lines, more than a page holds (ten).
        var layout = Paginator.Layout([Para(Words(15)), Box(Words(70, "b"))], Small, Measure);
        Assert.Equal([0, 1], PagesWith(layout, 'b'));
        var first = layout.Pages[0].Texts.Count(t => t.Text.StartsWith('b'));
        var second = layout.Pages[1].Texts.Count(t => t.Text.StartsWith('b'));
        Assert.Equal(14, first + second);
        Assert.True(first >= 2 && second >= 2, $"{first} + {second}");
    }

    [Fact]
    public void A_marker_wider_than_its_column_moves_into_the_margin_instead_of_touching_the_text()
    {
        var narrow = Para("titel") with { Indent = 22, MarkerWidth = 22, Marker = S("9.1") };
        var wide = Para("titel") with { Indent = 22, MarkerWidth = 22, Marker = S("10.1") };
        var layout = Paginator.Layout([narrow, wide], new PageFrame(200, 200, 40, 20, 20, 20), Measure);
        var texts = layout.Pages[0].Texts;
        var nine = texts.Single(t => t.Text == "9.1");
        var ten = texts.Single(t => t.Text == "10.1");
        var title = texts.First(t => t.Text == "titel");

        // Both are marked as the marker of their block; "9.1" stays at the column's left edge.
        Assert.Equal(TextPart.Marker, ten.Part);
        Assert.Equal(40, nine.X, 3);
        Assert.True(ten.X + Measure.Width("10.1", FontFace.Serif, 10) + 4 <= title.X + 0.001);
    }
}
