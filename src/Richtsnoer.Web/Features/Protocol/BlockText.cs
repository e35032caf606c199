using System.Text;
using Richtsnoer.Core.Model;

namespace Richtsnoer.Web.Features.Protocol;

/// <summary>
/// Writes a clause's blocks as the plain text a user edits: paragraphs separated by a blank line,
/// "- " for bullets, "1. " for numbered items, "> " for an example, **bold**. Core reads that text
/// back with the same structure (BodyParser.ParseLiteral).
/// </summary>
public static class BlockText
{
    public static string ToEditable(IEnumerable<Block> blocks)
    {
        var parts = new List<string>();
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Paragraph p:
                    parts.Add(Inlines(p.Inlines));
                    break;
                case Example e:
                    parts.Add("> " + Inlines(e.Inlines));
                    break;
                case BulletList b:
                    parts.Add(string.Join('\n', b.Items.Select(i => "- " + Inlines(i))));
                    break;
                case NumberedList n:
                    parts.Add(string.Join('\n', n.Items.Select((i, k) => $"{k + 1}. " + Inlines(i))));
                    break;
                case Table t when t.Rows.Count > 0:
                    var sb = new StringBuilder();
                    sb.Append("| ").Append(string.Join(" | ", t.Rows[0].Select(Inlines))).Append(" |\n");
                    sb.Append("| ").Append(string.Join(" | ", t.Rows[0].Select(_ => "---"))).Append(" |");
                    foreach (var row in t.Rows.Skip(1))
                    {
                        sb.Append("\n| ").Append(string.Join(" | ", row.Select(Inlines))).Append(" |");
                    }

                    parts.Add(sb.ToString());
                    break;
            }
        }

        return string.Join("\n\n", parts);
    }

    private static string Inlines(IEnumerable<Inline> inlines) =>
        string.Concat(inlines.Select(i => i.Strong && i.Text.Length > 0 ? "**" + i.Text + "**" : i.Text));
}
