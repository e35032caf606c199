using Richtsnoer.Core;
using Richtsnoer.Core.Model;
using Richtsnoer.Rendering.Pdf.Layout;
using Block = Richtsnoer.Rendering.Pdf.Layout.Block;

namespace Richtsnoer.Rendering.Pdf;

/// <summary>
/// The PDF's stylesheet: turns a protocol into layout blocks (type sizes, spacing, indents).
/// Body text hangs at the same indent as the heading text, so the clause numbers stand out in
/// the margin column, as in a lawyer's document.
/// </summary>
internal sealed class PdfTypesetter(Language language, double scale = 1)
{
    public const int Ink = 0x1D2433;
    public const int Accent = 0x1F5F8B;
    public const int Muted = 0x5B6475;
    public const int Box = 0xF3F6F9;
    public const int Rule = 0xC9D1DC;

    private double Body => 10 * scale;

    private double Leading => 14.6 * scale;

    /// <summary>The number column (10 mm); a number wider than it ("10.1") hangs further into the margin, see <see cref="Paginator.MarkerGap"/>.</summary>
    private double Hang => 28.35;

    public static string SectionAnchor(Section s) => "s:" + s.Number;

    public static string ClauseAnchor(Clause c) => "c:" + c.Number;

    public List<Block> Blocks(ProtocolDocument document)
    {
        var m = document.Metadata;
        var summary = m.Kind == DocumentKind.Summary;
        var blocks = new List<Block>();
        TitleBlock(blocks, m, summary);
        if (!summary)
        {
            Contents(blocks, document);
            blocks.Add(new PageBreakBlock());
        }

        foreach (var section in document.Sections)
        {
            if (!summary)
            {
                if (section.IsAppendix)
                {
                    blocks.Add(new PageBreakBlock());
                }

                blocks.Add(SectionHeading(section));
            }

            foreach (var clause in section.Clauses)
            {
                blocks.Add(summary ? SummaryHeading(clause) : ClauseHeading(clause));
                for (var i = 0; i < clause.Blocks.Count; i++)
                {
                    Content(blocks, clause.Blocks[i], summary ? 0 : Hang, IsLeadIn(clause.Blocks, i));
                }
            }
        }

        return blocks.Select(Displayable).ToList();
    }

    /// <summary>Every span as its font can show it (see <see cref="EmbeddedFontMeasure.Displayable"/>).</summary>
    private static Block Displayable(Block block)
    {
        static Span D(Span s) => s with { Text = EmbeddedFontMeasure.Instance.Displayable(s.Text, s.Font) };
        return block switch
        {
            TextBlock t => t with { Spans = t.Spans.Select(D).ToList(), Marker = t.Marker is { } m ? D(m) : null },
            TableBlock t => t with { Rows = t.Rows.Select(r => (IReadOnlyList<IReadOnlyList<Span>>)r.Select(c => (IReadOnlyList<Span>)c.Select(D).ToList()).ToList()).ToList() },
            _ => block,
        };
    }

    private void TitleBlock(List<Block> blocks, DocumentMetadata m, bool summary)
    {
        blocks.Add(new TextBlock([new Span(Clean(m.OrganisationName).ToUpper(language.Culture()), FontFace.Sans, 10.5 * scale, Accent)], 14 * scale)
        {
            SpaceAfter = 4 * scale,
        });
        blocks.Add(new TextBlock([new Span(Clean(m.Title), FontFace.SansBold, (summary ? 21 : 25) * scale, Ink)], (summary ? 26 : 31) * scale)
        {
            Role = Role.Heading1,
            SpaceAfter = (summary ? 6 : 14) * scale,
        });
        if (summary)
        {
            return;
        }

        var rows = new List<(string, string)>
        {
            (Labels.Organisation[language], m.OrganisationName),
            (Labels.Version[language], m.Version),
        };
        if (m.EffectiveDate is { } date)
        {
            rows.Add((Labels.EffectiveDate[language], Labels.Date(date, language)));
        }

        if (m.Adoption is { } adoption)
        {
            rows.Add((Labels.Adopted[language], adoption));
        }

        rows.Add((Labels.GeneratedOn[language], Labels.Date(m.GeneratedOn, language)));
        rows.Add((Labels.Language[language], Labels.LanguageName[language]));
        for (var i = 0; i < rows.Count; i++)
        {
            blocks.Add(new TextBlock([new Span(Clean(rows[i].Item2), FontFace.Sans, 9, Muted)], 13)
            {
                Indent = 100,
                Marker = new Span(rows[i].Item1, FontFace.SansBold, 9, Muted),
                MarkerWidth = 100,
                SpaceAfter = i == rows.Count - 1 ? 8 : 0,
                RuleBelow = i == rows.Count - 1 ? Rule : null,
            });
        }
    }

    private void Contents(List<Block> blocks, ProtocolDocument document)
    {
        blocks.Add(new TextBlock([new Span(Labels.Contents[language], FontFace.SansBold, 13, Accent)], 17)
        {
            Role = Role.Heading2,
            SpaceBefore = 26,
            SpaceAfter = 8,
            KeepWithNext = true,
        });
        var firstEntry = true;
        foreach (var s in document.Sections)
        {
            var label = s.IsAppendix ? s.Label(language) + "." : s.Number + ".";
            var hang = s.IsAppendix ? 70 : Hang;
            blocks.Add(new TextBlock([new Span(Clean(s.Title), FontFace.Sans, 10, Ink)], 17)
            {
                Indent = hang,
                Marker = new Span(label, FontFace.Sans, 10, Muted),
                MarkerWidth = hang,
                PageRefAnchor = SectionAnchor(s),
                Role = Role.ContentsEntry,
                StartsGroup = firstEntry,
            });
            firstEntry = false;
        }
    }

    private TextBlock SectionHeading(Section section)
    {
        var title = Clean(section.Title);
        var size = 14.5 * scale;
        var heading = section.IsAppendix
            ? new TextBlock([new Span(section.Label(language) + ".  " + title, FontFace.SansBold, size, Accent)], 19 * scale)
            : new TextBlock([new Span(title, FontFace.SansBold, size, Accent)], 19 * scale)
            {
                Indent = Hang,
                MarkerWidth = Hang,
                Marker = new Span(section.Number + ".", FontFace.SansBold, size, Accent),
            };
        return heading with
        {
            Role = Role.Heading2,
            SpaceBefore = 22 * scale,
            SpaceAfter = 10 * scale,
            KeepWithNext = true,
            KeepTogether = true,
            RuleBelow = Rule,
            Outline = new OutlineEntry(0, (section.IsAppendix ? section.Label(language) + ". " : section.Number + ". ") + title, SectionAnchor(section)),
        };
    }

    private TextBlock ClauseHeading(Clause clause)
    {
        var spans = new List<Span> { new(Clean(clause.Title), FontFace.SansBold, 10.5 * scale, Ink) };
        if (clause.Origin != ClauseOrigin.Library)
        {
            spans.Add(new Span(" (" + (clause.Origin == ClauseOrigin.Adapted ? Labels.Adapted : Labels.Own)[language] + ")", FontFace.Sans, 8.5 * scale, Muted));
        }

        return new TextBlock(spans, 14 * scale)
        {
            Role = Role.Heading3,
            Indent = Hang,
            MarkerWidth = Hang,
            Marker = new Span(clause.Number, FontFace.SansBold, 10.5 * scale, Accent),
            SpaceBefore = 10 * scale,
            SpaceAfter = 3 * scale,
            KeepWithNext = true,
            KeepTogether = true,
            Outline = new OutlineEntry(1, clause.Number + " " + Clean(clause.Title), ClauseAnchor(clause)),
        };
    }

    private TextBlock SummaryHeading(Clause clause) =>
        new([new Span(Clean(clause.Title), FontFace.SansBold, 12.5 * scale, Accent)], 16 * scale)
        {
            Role = Role.Heading2,
            SpaceBefore = 12 * scale,
            SpaceAfter = 5 * scale,
            KeepWithNext = true,
            KeepTogether = true,
            RuleBelow = Rule,
            Outline = new OutlineEntry(0, Clean(clause.Title), ClauseAnchor(clause)),
        };

    /// <summary>A paragraph ending in a colon that introduces a list or table stays with it.</summary>
    internal static bool IsLeadIn(IReadOnlyList<Core.Model.Block> blocks, int i) =>
        i + 1 < blocks.Count
        && blocks[i] is Paragraph p && p.Inlines.PlainText().TrimEnd().EndsWith(':')
        && blocks[i + 1] is BulletList or NumberedList or Table;

    private void Content(List<Block> blocks, Core.Model.Block block, double indent, bool leadIn)
    {
        switch (block)
        {
            case Paragraph p:
                blocks.Add(new TextBlock(Spans(p.Inlines, Body), Leading) { Indent = indent, SpaceAfter = 6 * scale, KeepWithNext = leadIn });
                break;
            case Example e:
                var spans = new List<Span> { new(Labels.Example[language].ToUpper(language.Culture()) + "\n", FontFace.SansBold, 7 * scale, Accent) };
                spans.AddRange(Spans(e.Inlines, 9.5 * scale));
                blocks.Add(new TextBlock(spans, 13.6 * scale)
                {
                    Indent = indent,
                    Box = new BoxStyle(Box, Accent, 2.2, 6 * scale),
                    KeepTogether = true,
                    SpaceBefore = 2 * scale,
                    SpaceAfter = 8 * scale,
                });
                break;
            case BulletList b:
                List(blocks, b.Items, indent, _ => new Span("\u2022", FontFace.SansBold, Body, Accent), 13);
                break;
            case NumberedList n:
                List(blocks, n.Items, indent, i => new Span((i + 1).ToString(language.Culture()) + ".", FontFace.Serif, Body, Ink), 19);
                break;
            case Table t when t.Rows.Count > 0:
                var rows = t.Rows.Select((r, i) => (IReadOnlyList<IReadOnlyList<Span>>)r
                    .Select(c => (IReadOnlyList<Span>)Spans(c, 9 * scale, i == 0)).ToList()).ToList();
                blocks.Add(new TableBlock(rows, 12.6 * scale) { Indent = indent, SpaceBefore = 2 * scale, SpaceAfter = 9 * scale });
                break;
        }
    }

    private void List(List<Block> blocks, IReadOnlyList<IReadOnlyList<Inline>> items, double indent, Func<int, Span> marker, double width)
    {
        // The marker column grows with the type size and with two-digit numbers ("10.").
        width = width * scale + (items.Count >= 10 ? 5 * scale : 0);
        for (var i = 0; i < items.Count; i++)
        {
            blocks.Add(new TextBlock(Spans(items[i], Body), Leading)
            {
                Indent = indent + width + 2,
                Marker = marker(i),
                MarkerWidth = width,
                Role = Role.ListItem,
                StartsGroup = i == 0,
                SpaceAfter = (i == items.Count - 1 ? 6 : 2.5) * scale,
            });
        }
    }

    private static List<Span> Spans(IEnumerable<Inline> inlines, double size, bool bold = false) =>
        inlines.Select(i => new Span(Clean(i.Text), i.Strong || bold ? FontFace.SerifBold : FontFace.Serif, size, Ink)).ToList();

    /// <summary>Drops characters no PDF text can show (controls, lone surrogates); keeps tabs and newlines for the line breaker.</summary>
    internal static string Clean(string text) => SafeText.ForXml(text);
}
