using System.Text;
using System.Text.RegularExpressions;

namespace Richtsnoer.Core.Content;

/// <summary>
/// Parses the small text syntax of clause bodies (see docs/content-format.md): paragraphs,
/// bullets, numbered lists, tables, example boxes, <c>**strong**</c> and <c>{{placeholders}}</c>.
/// The same parser reads text an organisation types for its own clauses, so user text gets the
/// same structure but its placeholders are never filled in (see <see cref="ParseLiteral"/>).
/// </summary>
public static partial class BodyParser
{
    [GeneratedRegex(@"^\d{1,3}[.)]\s+")]
    private static partial Regex NumberedItem();

    [GeneratedRegex(@"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")]
    private static partial Regex TableSeparator();

    [GeneratedRegex(@"\{\{\s*(?:(clause|section):([a-z0-9][a-z0-9-]*)|([a-z][a-z0-9_]*)(?:\.([a-z][a-z0-9_]*))?)\s*\}\}")]
    private static partial Regex PlaceholderPattern();

    /// <summary>Parses content text, with placeholders.</summary>
    public static IReadOnlyList<TemplateBlock> Parse(string text) => ParseBlocks(text, placeholders: true);

    /// <summary>Parses text a user typed: same block structure, but <c>{{...}}</c> stays literal text.</summary>
    public static IReadOnlyList<TemplateBlock> ParseLiteral(string text) => ParseBlocks(text, placeholders: false);

    private static List<TemplateBlock> ParseBlocks(string text, bool placeholders)
    {
        var blocks = new List<TemplateBlock>();
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var current = new List<string>();
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                Flush(current, blocks, placeholders);
                continue;
            }

            current.Add(line.Trim());
        }

        Flush(current, blocks, placeholders);
        return blocks;
    }

    private static void Flush(List<string> lines, List<TemplateBlock> blocks, bool placeholders)
    {
        if (lines.Count == 0)
        {
            return;
        }

        TemplateInline Inl(string s) => ParseInline(s, placeholders);

        if (lines.All(l => l.StartsWith("- ", StringComparison.Ordinal) || l == "-"))
        {
            blocks.Add(new TemplateBlock(TemplateBlockKind.Bullets, lines.Select(l => One(Inl(l.Length > 1 ? l[2..] : ""))).ToList()));
        }
        else if (lines.All(l => NumberedItem().IsMatch(l)))
        {
            blocks.Add(new TemplateBlock(TemplateBlockKind.Numbered, lines.Select(l => One(Inl(NumberedItem().Replace(l, "", 1)))).ToList()));
        }
        else if (lines.Count >= 2 && lines.All(l => l.StartsWith('|')) && TableSeparator().IsMatch(lines[1]))
        {
            var rows = lines.Where((_, i) => i != 1)
                .Select(l => (IReadOnlyList<TemplateInline>)SplitCells(l).Select(Inl).ToList())
                .ToList();
            blocks.Add(new TemplateBlock(TemplateBlockKind.Table, rows));
        }
        else if (lines.All(l => l.StartsWith('>')))
        {
            var joined = string.Join(' ', lines.Select(l => l[1..].Trim()));
            blocks.Add(new TemplateBlock(TemplateBlockKind.Example, [One(Inl(joined))]));
        }
        else
        {
            blocks.Add(new TemplateBlock(TemplateBlockKind.Paragraph, [One(Inl(string.Join(' ', lines)))]));
        }

        lines.Clear();
    }

    private static IReadOnlyList<TemplateInline> One(TemplateInline inline) => [inline];

    private static IEnumerable<string> SplitCells(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.StartsWith('|'))
        {
            trimmed = trimmed[1..];
        }

        if (trimmed.EndsWith('|'))
        {
            trimmed = trimmed[..^1];
        }

        return trimmed.Split('|').Select(c => c.Trim());
    }

    /// <summary>Splits a line into literal and placeholder segments, honouring <c>**strong**</c>.</summary>
    public static TemplateInline ParseInline(string text, bool placeholders = true)
    {
        var segments = new List<TemplateSegment>();
        var parts = text.Split("**");

        // An odd number of ** markers: the last one is literal text, not emphasis.
        if (parts.Length % 2 == 0)
        {
            parts = [.. parts[..^2], parts[^2] + "**" + parts[^1]];
        }

        for (var i = 0; i < parts.Length; i++)
        {
            var strong = i % 2 == 1;
            var part = parts[i];
            if (!placeholders)
            {
                if (part.Length > 0)
                {
                    segments.Add(new Literal(part, strong));
                }

                continue;
            }

            var last = 0;
            foreach (Match m in PlaceholderPattern().Matches(part))
            {
                if (m.Index > last)
                {
                    segments.Add(new Literal(part[last..m.Index], strong));
                }

                segments.Add(m.Groups[1].Success
                    ? new Reference(m.Groups[1].Value == "clause" ? ReferenceKind.Clause : ReferenceKind.Section, m.Groups[2].Value, strong)
                    : new Placeholder(m.Groups[3].Value, m.Groups[4].Success ? m.Groups[4].Value : null, strong));
                last = m.Index + m.Length;
            }

            if (last < part.Length)
            {
                segments.Add(new Literal(part[last..], strong));
            }
        }

        return new TemplateInline(Merge(segments));
    }

    private static List<TemplateSegment> Merge(List<TemplateSegment> segments)
    {
        var merged = new List<TemplateSegment>();
        foreach (var s in segments)
        {
            if (s is Literal l && merged.Count > 0 && merged[^1] is Literal prev && prev.Strong == l.Strong)
            {
                merged[^1] = new Literal(new StringBuilder(prev.Text).Append(l.Text).ToString(), l.Strong);
            }
            else
            {
                merged.Add(s);
            }
        }

        return merged;
    }
}
