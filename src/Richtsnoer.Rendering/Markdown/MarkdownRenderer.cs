using System.Text;
using Richtsnoer.Core;
using Richtsnoer.Core.Model;

namespace Richtsnoer.Rendering.Markdown;

/// <summary>CommonMark output; everything a user typed is escaped so it stays literal text.</summary>
public sealed class MarkdownRenderer : IDocumentRenderer
{
    public string Format => "md";

    public string MediaType => "text/markdown; charset=utf-8";

    public string Extension => ".md";

    public void Render(ProtocolDocument document, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        writer.Write(ToMarkdown(document));
    }

    public static string ToMarkdown(ProtocolDocument document)
    {
        var m = document.Metadata;
        var lang = m.Language;
        var sb = new StringBuilder();
        sb.Append("# ").Append(Escape(m.Title)).Append('\n').Append('\n');
        sb.Append("**").Append(Escape(m.OrganisationName)).Append("**\n\n");
        sb.Append(Labels.Version[lang]).Append(": ").Append(Escape(m.Version));
        if (m.EffectiveDate is { } date)
        {
            sb.Append(" · ").Append(Labels.EffectiveDate[lang]).Append(": ").Append(Labels.Date(date, lang));
        }

        sb.Append(" · ").Append(Labels.Language[lang]).Append(": ").Append(Labels.LanguageName[lang]).Append("\n\n");
        if (m.Adoption is { } adoption)
        {
            sb.Append(Labels.Adopted[lang]).Append(": ").Append(Escape(adoption)).Append("\n\n");
        }

        // The staff summary: no chapter heading repeating the title, its parts unnumbered (as in the PDF).
        var summary = m.Kind == DocumentKind.Summary;
        foreach (var section in document.Sections)
        {
            if (!summary)
            {
                sb.Append("## ").Append(Escape(section.Label(lang))).Append(". ").Append(Escape(section.Title)).Append("\n\n");
            }

            foreach (var clause in section.Clauses)
            {
                sb.Append(summary ? "## " : "### " + clause.Number + " ").Append(Escape(clause.Title));
                if (clause.Origin != ClauseOrigin.Library)
                {
                    sb.Append(" *(").Append((clause.Origin == ClauseOrigin.Adapted ? Labels.Adapted : Labels.Own)[lang]).Append(")*");
                }

                sb.Append("\n\n");
                foreach (var block in clause.Blocks)
                {
                    WriteBlock(sb, block, lang);
                }
            }
        }

        return sb.ToString();
    }

    private static void WriteBlock(StringBuilder sb, Block block, Language lang)
    {
        switch (block)
        {
            case Paragraph p:
                sb.Append(Inlines(p.Inlines)).Append("\n\n");
                break;
            case Example e:
                sb.Append("> **").Append(Labels.Example[lang]).Append("** ").Append(Inlines(e.Inlines)).Append("\n\n");
                break;
            case BulletList b:
                foreach (var item in b.Items)
                {
                    sb.Append("- ").Append(Inlines(item)).Append('\n');
                }

                sb.Append('\n');
                break;
            case NumberedList n:
                for (var i = 0; i < n.Items.Count; i++)
                {
                    sb.Append(i + 1).Append(". ").Append(Inlines(n.Items[i])).Append('\n');
                }

                sb.Append('\n');
                break;
            case Table t when t.Rows.Count > 0:
                sb.Append(Row(t.Rows[0]));
                sb.Append('|').Append(string.Concat(t.Rows[0].Select(_ => " --- |"))).Append('\n');
                foreach (var row in t.Rows.Skip(1))
                {
                    sb.Append(Row(row));
                }

                sb.Append('\n');
                break;
        }
    }

    private static string Row(IReadOnlyList<IReadOnlyList<Inline>> cells) =>
        "| " + string.Join(" | ", cells.Select(c => Inlines(c).Replace("|", "\\|"))) + " |\n";

    private static string Inlines(IEnumerable<Inline> inlines)
    {
        var sb = new StringBuilder();
        foreach (var i in inlines)
        {
            var text = Escape(i.Text, lineStart: sb.Length == 0);
            if (i.Strong && text.Trim().Length > 0)
            {
                // Keep surrounding spaces outside the markers, or CommonMark ignores them.
                var lead = text.Length - text.TrimStart().Length;
                var trail = text.Length - text.TrimEnd().Length;
                sb.Append(text[..lead]).Append("**").Append(text.Trim()).Append("**").Append(text[(text.Length - trail)..]);
            }
            else
            {
                sb.Append(text);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Escapes every character CommonMark could read as inline markup, and block markers at the
    /// start of a line; newlines become spaces so a value can never start a new block. "&amp;" is
    /// escaped only where it would start a character reference ("&amp;copy;", "&amp;#60;"), and "!"
    /// never: it only means something before "[", which is always escaped.
    /// </summary>
    public static string Escape(string text, bool lineStart = false)
    {
        // Control characters go first, so none can hide a reference ("&copy\u0001;") from the check below.
        if (text.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n')))
        {
            text = string.Concat(text.Where(c => !char.IsControl(c) || c is '\t' or '\r' or '\n'));
        }

        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '~':
                    sb.Append('\\').Append(c);
                    break;
                case '&':
                    (StartsReference(text, i) ? sb.Append('\\') : sb).Append(c);
                    break;
                case '\r' or '\n':
                    sb.Append(' ');
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        if (lineStart)
        {
            var start = 0;
            while (start < sb.Length && sb[start] is ' ' or '\t')
            {
                start++;
            }

            if (start < sb.Length && sb[start] is '-' or '+' or '#' or '=')
            {
                sb.Insert(start, '\\');
            }
            else
            {
                var digits = start;
                while (digits < sb.Length && char.IsAsciiDigit(sb[digits]))
                {
                    digits++;
                }

                if (digits > start && digits < sb.Length && sb[digits] is '.' or ')')
                {
                    sb.Insert(digits, '\\');
                }
            }
        }

        return sb.ToString();
    }

    /// <summary>Whether the "&amp;" at <paramref name="i"/> starts what CommonMark reads as an entity or numeric character reference.</summary>
    private static bool StartsReference(string text, int i)
    {
        var j = i + 1;
        if (j < text.Length && text[j] == '#')
        {
            j++;
            var hex = j < text.Length && text[j] is 'x' or 'X';
            if (hex)
            {
                j++;
            }

            var digits = j;
            while (j < text.Length && (hex ? char.IsAsciiHexDigit(text[j]) : char.IsAsciiDigit(text[j])))
            {
                j++;
            }

            return j > digits && j < text.Length && text[j] == ';';
        }

        var name = j;
        while (j < text.Length && char.IsAsciiLetterOrDigit(text[j]))
        {
            j++;
        }

        return j > name && j < text.Length && text[j] == ';';
    }
}
