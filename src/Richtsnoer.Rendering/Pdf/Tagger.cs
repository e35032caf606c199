using PdfSharp.UniversalAccessibility;
using Richtsnoer.Rendering.Pdf.Layout;

namespace Richtsnoer.Rendering.Pdf;

/// <summary>
/// Builds the PDF's structure tree (Tagged PDF, PDF/UA) while the pages are drawn, through
/// PDFsharp's <see cref="StructureBuilder"/>. The pages are drawn in reading order, so the tree
/// follows the placed text: each piece of text opens the element of its block (H1, H2, H3, P; a
/// list item as L / LI / Lbl + LBody; a contents line as TOC / TOCI / Lbl + Reference; a table as
/// Table / TR / TH or TD) and closes the previous one. An element stays open across a page
/// break, so a paragraph split over two pages is one P. Everything that is not content (the
/// running header, "Pagina X van Y", boxes, rules, dot leaders, a repeated table header) is an
/// artifact.
/// </summary>
internal sealed class Tagger(StructureBuilder builder, IReadOnlyList<Block> blocks)
{
    private enum Leaf
    {
        None,
        Label,
        Body,
    }

    private int block = -1;
    private int row = -1;
    private int column = -1;
    private Leaf leaf = Leaf.None;

    /// <summary>How many elements are open for the current block (group, item, leaf ...).</summary>
    private int open;

    /// <summary>Open the elements the text belongs to; returns false for a repeat, which must be drawn as an artifact.</summary>
    public bool Enter(in PlacedText text)
    {
        if (text.Part == TextPart.Repeat || text.Block < 0)
        {
            return false;
        }

        if (text.Block != block)
        {
            Switch(text.Block);
        }

        var b = blocks[block];
        if (b is TableBlock)
        {
            if (text.Row != row)
            {
                CloseTo(1); // keep Table
                builder.BeginElement(PdfBlockLevelElementTag.TableRow);
                open++;
                row = text.Row;
                column = -1;
            }

            if (text.Column != column)
            {
                CloseTo(2); // keep Table, TR
                builder.BeginElement(text.Row == 0 ? PdfBlockLevelElementTag.TableHeaderCell : PdfBlockLevelElementTag.TableDataCell);
                if (text.Row == 0)
                {
                    // The header row heads the columns below it.
                    builder.CurrentStructureElement.TableAttributes.Elements.SetName("/Scope", "/Column");
                }

                open++;
                column = text.Column;
            }

            return true;
        }

        if (b.Role is Role.ListItem or Role.ContentsEntry)
        {
            var want = text.Part == TextPart.Marker ? Leaf.Label : Leaf.Body;
            if (want != leaf)
            {
                CloseTo(2); // keep L / LI (or TOC / TOCI)
                if (want == Leaf.Label)
                {
                    builder.BeginElement(PdfBlockLevelElementTag.Label);
                }
                else if (b.Role == Role.ListItem)
                {
                    builder.BeginElement(PdfBlockLevelElementTag.ListBody);
                }
                else
                {
                    builder.BeginElement(PdfInlineLevelElementTag.Reference);
                }

                open++;
                leaf = want;
            }
        }

        return true;
    }

    /// <summary>Close every element still open (after the last page).</summary>
    public void Finish()
    {
        CloseTo(0);
        block = -1;
    }

    private void Switch(int next)
    {
        var b = blocks[next];
        var grouped = b.Role is Role.ListItem or Role.ContentsEntry && b is not TableBlock;
        var sameGroup = grouped && block >= 0 && blocks[block].Role == b.Role && blocks[block] is not TableBlock && !b.StartsGroup;
        CloseTo(sameGroup ? 1 : 0);
        block = next;
        row = -1;
        column = -1;
        leaf = Leaf.None;

        switch (b)
        {
            case TableBlock:
                builder.BeginElement(PdfBlockLevelElementTag.Table);
                open = 1;
                return;
            case { Role: Role.ListItem }:
                if (!sameGroup)
                {
                    builder.BeginElement(PdfBlockLevelElementTag.List);
                    open = 1;
                }

                builder.BeginElement(PdfBlockLevelElementTag.ListItem);
                open = 2;
                return;
            case { Role: Role.ContentsEntry }:
                if (!sameGroup)
                {
                    builder.BeginElement(PdfGroupingElementTag.TableOfContents);
                    open = 1;
                }

                builder.BeginElement(PdfGroupingElementTag.TableOfContentsItem);
                open = 2;
                return;
            default:
                builder.BeginElement(b.Role switch
                {
                    Role.Heading1 => PdfBlockLevelElementTag.Heading1,
                    Role.Heading2 => PdfBlockLevelElementTag.Heading2,
                    Role.Heading3 => PdfBlockLevelElementTag.Heading3,
                    _ => PdfBlockLevelElementTag.Paragraph,
                });
                open = 1;
                return;
        }
    }

    private void CloseTo(int depth)
    {
        while (open > depth)
        {
            builder.End();
            open--;
        }

        if (depth < 2)
        {
            leaf = Leaf.None;
        }
    }
}
