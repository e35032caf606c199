namespace Richtsnoer.Rendering.Pdf.Layout;

/// <summary>
/// The layout engine's input and output. It knows nothing of protocols or of PDFsharp: blocks of
/// styled text go in, pages of positioned text and shapes come out. Units are points; y grows
/// downwards from the top of the page.
/// </summary>
public enum FontFace
{
    Serif,
    SerifBold,
    SerifItalic,
    Sans,
    SansBold,
}

public interface ITextMeasure
{
    double Width(ReadOnlySpan<char> text, FontFace font, double size);

    /// <summary>The ascender as a fraction of the font size.</summary>
    double Ascent(FontFace font);
}

/// <summary>A line drawn with the text, in its colour (the redline's insertions and deletions).</summary>
public enum TextDecoration
{
    None,
    Underline,
    Strikethrough,
}

/// <summary>A run of text in one style; "\n" inside it forces a line break. Colour is 0xRRGGBB.</summary>
public readonly record struct Span(string Text, FontFace Font, double Size, int Color = 0x1D2433, TextDecoration Decoration = TextDecoration.None);

/// <summary>The page and its text area.</summary>
public sealed record PageFrame(double Width, double Height, double Left, double Right, double Top, double Bottom)
{
    /// <summary>A4 portrait with 25 mm left, 23 mm right, 27 mm top and 24 mm bottom margins.</summary>
    public static readonly PageFrame A4 = new(595.28, 841.89, 70.87, 65.2, 76.5, 68);

    public double ContentWidth => Width - Left - Right;

    public double ContentBottom => Height - Bottom;
}

/// <summary>
/// What a block is to a screen reader: its tag in the PDF's structure tree (Tagged PDF, PDF/UA).
/// Consecutive list items form one list, consecutive contents entries one table of contents.
/// </summary>
public enum Role
{
    Paragraph,
    Heading1,
    Heading2,
    Heading3,
    ListItem,
    ContentsEntry,
}

public abstract record Block
{
    public Role Role { get; init; } = Role.Paragraph;

    /// <summary>The first item of a list (or contents): a list directly after another one is a list of its own.</summary>
    public bool StartsGroup { get; init; }

    public double SpaceBefore { get; init; }

    public double SpaceAfter { get; init; }

    /// <summary>Never the last thing on a page: the next block's first lines come along (headings).</summary>
    public bool KeepWithNext { get; init; }
}

/// <summary>A shaded box behind a text block, with a coloured bar on its left (examples).</summary>
public sealed record BoxStyle(int Fill, int Bar, double BarWidth, double Padding);

/// <summary>A heading's entry in the PDF outline (bookmarks).</summary>
public sealed record OutlineEntry(int Level, string Title, string Anchor);

public sealed record TextBlock(IReadOnlyList<Span> Spans, double LineHeight) : Block
{
    /// <summary>Left indent of every line.</summary>
    public double Indent { get; init; }

    /// <summary>A list marker ("•", "3.") set in the indent, left of the first line.</summary>
    public Span? Marker { get; init; }

    public double MarkerWidth { get; init; } = 17;

    /// <summary>Lines stay on one page together (headings, example boxes), unless they are taller than a page.</summary>
    public bool KeepTogether { get; init; }

    public BoxStyle? Box { get; init; }

    /// <summary>A rule under the block, in this colour.</summary>
    public int? RuleBelow { get; init; }

    public OutlineEntry? Outline { get; init; }

    /// <summary>A table-of-contents line: the page number of this anchor is set at the right with a dot leader.</summary>
    public string? PageRefAnchor { get; init; }
}

/// <summary>A table; the first row is the header, repeated after a page break.</summary>
public sealed record TableBlock(IReadOnlyList<IReadOnlyList<IReadOnlyList<Span>>> Rows, double LineHeight) : Block
{
    public double Padding { get; init; } = 4;

    public double Indent { get; init; }

    public int BorderColor { get; init; } = 0xC9D1DC;

    public int HeaderFill { get; init; } = 0xF3F6F9;
}

public sealed record PageBreakBlock : Block;

/// <summary>Which part of its block a piece of text is: the body, the marker ("3.", "•", "10.1"), or a repeat (a table's header row on the next page) that is no content of its own.</summary>
public enum TextPart
{
    Body,
    Marker,
    Repeat,
}

/// <summary>
/// One piece of text at its place: x at the left, y at the baseline. <paramref name="Block"/> is
/// the index of the block it belongs to (in <see cref="LayoutResult.Blocks"/>); a table cell also
/// has its row and column.
/// </summary>
public readonly record struct PlacedText(double X, double Baseline, string Text, FontFace Font, double Size, int Color, int Block = -1, TextPart Part = TextPart.Body, int Row = -1, int Column = -1);

public readonly record struct PlacedRect(double X, double Y, double Width, double Height, int Fill);

public readonly record struct PlacedRule(double X1, double Y1, double X2, double Y2, double Thickness, int Color);

/// <summary>Where the page number of an anchor goes (right-aligned at X, after a dot leader from LeaderFrom).</summary>
public readonly record struct PageRefSlot(string Anchor, double LeaderFrom, double X, double Baseline, FontFace Font, double Size, int Color, int Block = -1);

public sealed record Anchor(string Id, int Page, double Y, OutlineEntry? Outline);

public sealed class LaidOutPage
{
    public List<PlacedRect> Rects { get; } = [];

    public List<PlacedRule> Rules { get; } = [];

    public List<PlacedText> Texts { get; } = [];

    public List<PageRefSlot> PageRefs { get; } = [];

    /// <summary>The text of the page in reading order (for tests).</summary>
    public string PlainText => string.Join("\n", Texts.Select(t => t.Text));
}

public sealed class LayoutResult
{
    /// <summary>The blocks that were laid out, in order; placed text refers to them by index.</summary>
    public IReadOnlyList<Block> Blocks { get; init; } = [];

    public List<LaidOutPage> Pages { get; } = [];

    /// <summary>Headings with an outline entry and TOC targets, in document order.</summary>
    public List<Anchor> Anchors { get; } = [];

    public int PageOf(string anchor) => Anchors.FirstOrDefault(a => a.Id == anchor)?.Page ?? 0;
}
