using System.Globalization;
using System.Text;

namespace Richtsnoer.Rendering.Pdf.Layout;

/// <summary>A piece of a line in one style, at X from the line's start.</summary>
public readonly record struct Fragment(double X, string Text, FontFace Font, double Size, int Color, TextDecoration Decoration = TextDecoration.None);

public sealed record Line(IReadOnlyList<Fragment> Fragments, double Width);

/// <summary>
/// Greedy line breaking at spaces. A word wider than the line is cut between characters (never
/// inside a surrogate pair or a combining sequence). Words may change style in the middle
/// ("<b>goed</b>,"), so a word is a list of pieces.
/// </summary>
public static class LineBreaker
{
    private readonly record struct Piece(string Text, Span Style, double Width);

    public static List<Line> Break(IReadOnlyList<Span> spans, double width, ITextMeasure measure)
    {
        var lines = new List<Line>();

        // The line being filled as one run of pieces (words and the spaces between them), and the
        // word being read; both are reused, so a page of text costs a few lists, not one per word.
        var line = new List<Piece>();
        var words = 0;
        double x = 0;
        Piece? pendingSpace = null;
        var word = new List<Piece>();
        var sb = new StringBuilder();
        var join = new StringBuilder();
        Span style = default;

        void FlushPiece()
        {
            if (sb.Length > 0)
            {
                var t = sb.ToString();
                word.Add(new Piece(t, style, measure.Width(t, style.Font, style.Size)));
                sb.Clear();
            }
        }

        void EmitLine()
        {
            lines.Add(ToLine(line, join));
            line.Clear();
            words = 0;
            x = 0;
        }

        // A word (or a chunk of one) goes on the line after the pending space, unless it starts the line.
        void Place(List<Piece> pieces)
        {
            if (words > 0 && pendingSpace is { } space)
            {
                line.Add(space);
            }

            line.AddRange(pieces);
            words++;
        }

        void FlushWord()
        {
            FlushPiece();
            if (word.Count == 0)
            {
                return;
            }

            var w = Width(word);
            var space = words > 0 ? pendingSpace?.Width ?? 0 : 0;
            if (words > 0 && x + space + w > width)
            {
                EmitLine();
                space = 0;
            }

            if (w > width)
            {
                // Too long for any line: cut it.
                foreach (var chunk in Cut(word, width - x - space, width, measure))
                {
                    var cw = Width(chunk);
                    if (words > 0 && x + space + cw > width)
                    {
                        EmitLine();
                        space = 0;
                    }

                    Place(chunk);
                    x += space + cw;
                    space = 0;
                }
            }
            else
            {
                Place(word);
                x += space + w;
            }

            word.Clear();
            pendingSpace = null;
        }

        foreach (var span in spans)
        {
            if (sb.Length > 0 && !SameStyle(style, span))
            {
                FlushPiece();
            }

            style = span;
            foreach (var c in span.Text)
            {
                if (c == '\n')
                {
                    FlushWord();
                    EmitLine();
                    pendingSpace = null;
                }
                else if (c is ' ' or '\t' or '\r')
                {
                    FlushWord();
                    if (words > 0)
                    {
                        pendingSpace ??= new Piece(" ", span, measure.Width(" ", span.Font, span.Size));
                    }
                }
                else
                {
                    sb.Append(c);
                }
            }
        }

        FlushWord();
        if (words > 0 || lines.Count == 0)
        {
            lines.Add(ToLine(line, join));
        }

        return lines;
    }

    private static double Width(List<Piece> pieces)
    {
        double w = 0;
        foreach (var p in pieces)
        {
            w += p.Width;
        }

        return w;
    }

    private static bool SameStyle(Span a, Span b) => a.Font == b.Font && a.Size == b.Size && a.Color == b.Color && a.Decoration == b.Decoration;

    /// <summary>Cuts a word into chunks: the first fits in <paramref name="first"/>, the others in a full line.</summary>
    private static IEnumerable<List<Piece>> Cut(List<Piece> word, double first, double full, ITextMeasure measure)
    {
        var room = first > full * 0.25 ? first : full;
        var chunk = new List<Piece>();
        double used = 0;
        foreach (var piece in word)
        {
            var elements = StringInfo.GetTextElementEnumerator(piece.Text);
            var sb = new StringBuilder();
            double w = 0;
            while (elements.MoveNext())
            {
                var e = (string)elements.Current;
                var ew = measure.Width(e, piece.Style.Font, piece.Style.Size);
                if (used + w + ew > room && (chunk.Count > 0 || sb.Length > 0))
                {
                    if (sb.Length > 0)
                    {
                        chunk.Add(new Piece(sb.ToString(), piece.Style, w));
                    }

                    yield return chunk;
                    chunk = [];
                    sb.Clear();
                    used = 0;
                    w = 0;
                    room = full;
                }

                sb.Append(e);
                w += ew;
            }

            if (sb.Length > 0)
            {
                chunk.Add(new Piece(sb.ToString(), piece.Style, w));
                used += w;
            }
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    /// <summary>Joins the pieces of a line into as few fragments as the styles allow.</summary>
    private static Line ToLine(List<Piece> pieces, StringBuilder sb)
    {
        var fragments = new List<Fragment>();
        sb.Clear();
        Span style = default;
        double start = 0, x = 0;
        var open = false;
        foreach (var p in pieces)
        {
            if (open && !SameStyle(style, p.Style))
            {
                fragments.Add(new Fragment(start, sb.ToString(), style.Font, style.Size, style.Color, style.Decoration));
                sb.Clear();
                open = false;
            }

            if (!open)
            {
                start = x;
                style = p.Style;
                open = true;
            }

            sb.Append(p.Text);
            x += p.Width;
        }

        if (open)
        {
            fragments.Add(new Fragment(start, sb.ToString(), style.Font, style.Size, style.Color, style.Decoration));
        }

        return new Line(fragments, x);
    }
}
