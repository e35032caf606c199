using System.Text;
using Richtsnoer.Core;
using Richtsnoer.Core.Model;
using Richtsnoer.Core.Redline;
using Richtsnoer.Rendering.Html;

namespace Richtsnoer.Rendering.Redline;

/// <summary>
/// The redline as HTML: <see cref="Fragment"/> for a server-rendered page (classes only, no
/// style attributes or script, so it passes a strict Content-Security-Policy; the page links
/// <see cref="Css"/> as a stylesheet) and <see cref="Document"/>, a standalone file with the CSS
/// in a style block. Readable without colour and without the CSS: inserted text is an
/// <c>ins</c> between {+ and +}, deleted text a <c>del</c> between [- and -], and every clause
/// says its status in words.
/// </summary>
public sealed class RedlineHtmlRenderer : IRedlineRenderer
{
    public string Format => "html";

    public string MediaType => "text/html; charset=utf-8";

    public string Extension => ".html";

    public void Render(RedlineInput input, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        writer.Write(Document(input));
    }

    public const string Css = """
        .redline { --rl-ins: #0b5d1e; --rl-del: #8a1c1c; --rl-muted: #5b6475; --rl-rule: #d8dde6; --rl-box: #f3f6f9; }
        .redline ins { color: var(--rl-ins); text-decoration: underline; text-decoration-thickness: 2px; text-underline-offset: 2px; background: #e6f4ea; }
        .redline del { color: var(--rl-del); text-decoration: line-through; text-decoration-thickness: 2px; background: #fbe9e9; }
        .redline .rl-mark { font-family: "DejaVu Sans Mono", monospace; font-size: .85em; font-weight: bold; }
        .redline .rl-sr { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
        .redline .rl-badge { display: inline-block; font-family: "DejaVu Sans", Arial, sans-serif; font-size: .78rem; font-weight: 600; border: 1px solid currentColor; border-radius: 3px; padding: 0 .35rem; margin-left: .5rem; color: var(--rl-muted); vertical-align: middle; }
        .redline .rl-added > .rl-clause-head .rl-badge { color: var(--rl-ins); }
        .redline .rl-removed > .rl-clause-head .rl-badge, .redline .rl-moved-away .rl-badge { color: var(--rl-del); }
        .redline .rl-clause { border-left: 4px solid transparent; padding-left: .75rem; margin: 0 0 1.1rem; }
        .redline .rl-clause.rl-changed, .redline .rl-clause.rl-moved { border-left-color: #b7791f; border-left-style: double; }
        .redline .rl-clause.rl-added { border-left-color: var(--rl-ins); }
        .redline .rl-clause.rl-removed, .redline .rl-clause.rl-moved-away { border-left-color: var(--rl-del); border-left-style: dashed; }
        .redline .rl-clause.rl-unchanged { color: var(--rl-muted); }
        .redline .rl-num { color: var(--rl-muted); margin-right: .5rem; }
        .redline .rl-legend { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .5rem 0 1rem; }
        .redline .rl-legend dt, .redline .rl-legend dd { margin: 0; }
        .redline .rl-summary, .redline .rl-meta { color: var(--rl-muted); }
        .redline .rl-example { background: var(--rl-box); border-left: 3px solid var(--rl-muted); padding: .5rem .8rem; margin: 0 0 .8rem; }
        .redline .rl-example-label { display: block; font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; }
        .redline table { border-collapse: collapse; width: 100%; margin: 0 0 1rem; }
        .redline th, .redline td { border: 1px solid var(--rl-rule); padding: .3rem .5rem; text-align: left; vertical-align: top; }
        .redline p, .redline li, .redline td, .redline th, .redline h2, .redline h3, .redline h4 { overflow-wrap: anywhere; }
        @media print { .redline ins, .redline del { background: none; } }
        """;

    /// <summary>A complete HTML file (for the CLI and downloads), with the stylesheet embedded.</summary>
    public static string Document(RedlineInput input)
    {
        var lang = input.Language;
        var to = input.Redline.To;
        var sb = new StringBuilder(16 * 1024);
        sb.Append("<!DOCTYPE html>\n<html lang=\"").Append(lang.Tag()).Append("\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<title>").Append(E(Heading(input))).Append(" – ").Append(E(to.OrganisationName)).Append("</title>\n");
        sb.Append("<meta name=\"generator\" content=\"Richtsnoer\">\n");
        sb.Append("<style>\n").Append(HtmlRenderer.Css).Append('\n').Append(Css).Append("\n</style>\n</head>\n<body>\n<main>\n");
        sb.Append(Fragment(input));
        sb.Append("</main>\n</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>The redline without the page around it: one <c>section class="redline"</c>, headings from h2 down.</summary>
    public static string Fragment(RedlineInput input)
    {
        var r = input.Redline;
        var lang = input.Language;
        var sb = new StringBuilder(16 * 1024);
        sb.Append("<section class=\"redline\" lang=\"").Append(lang.Tag()).Append("\">\n<header class=\"rl-head\">\n");
        sb.Append("<h2>").Append(E(Heading(input))).Append("</h2>\n");
        sb.Append("<p class=\"rl-meta\"><bdi>").Append(E(r.To.OrganisationName)).Append("</bdi> · ").Append(E(r.To.Title)).Append(" · ")
            .Append(E(RedlineLabels.Format(RedlineLabels.MadeBy, lang, OneLine(input.Author), RedlineLabels.Date(input.Date, lang)))).Append("</p>\n");
        sb.Append("<p class=\"rl-summary\">").Append(E(r.HasChanges ? RedlineLabels.SummaryLine(r.Summary, lang) : RedlineLabels.NoChanges[lang])).Append("</p>\n");
        sb.Append("<dl class=\"rl-legend\" aria-label=\"").Append(E(RedlineLabels.Legend[lang])).Append("\">\n");
        sb.Append("<dt>");
        Runs(sb, [new DiffRun(RunKind.Inserted, "abc")], lang);
        sb.Append("</dt><dd>").Append(E(RedlineLabels.InsertedText[lang])).Append("</dd>\n<dt>");
        Runs(sb, [new DiffRun(RunKind.Deleted, "abc")], lang);
        sb.Append("</dt><dd>").Append(E(RedlineLabels.DeletedText[lang])).Append("</dd>\n<dt>[").Append(E(RedlineLabels.Changed[lang])).Append("]</dt><dd>")
            .Append(E(RedlineLabels.StatusLegend[lang])).Append("</dd>\n</dl>\n</header>\n");

        foreach (var s in r.Sections)
        {
            sb.Append("<section class=\"rl-chapter rl-").Append(Kind(s.Kind)).Append("\">\n<h3>");
            sb.Append("<span class=\"rl-num\">").Append(E(s.Label(lang))).Append(".</span>");
            Runs(sb, s.Title.Runs, lang);
            if (RedlineLabels.SectionStatus(s, lang) is { } status)
            {
                Badge(sb, status);
            }

            sb.Append("</h3>\n");
            foreach (var c in s.Clauses)
            {
                ClauseEntry(sb, c, input);
            }

            sb.Append("</section>\n");
        }

        sb.Append("</section>\n");
        return sb.ToString();
    }

    private static string Heading(RedlineInput input) =>
        RedlineLabels.Format(RedlineLabels.Title, input.Language, OneLine(input.FromLabel), OneLine(input.ToLabel));

    private static string OneLine(string text) => string.Join(' ', text.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static string Kind(ChangeKind kind) => kind switch
    {
        ChangeKind.Added => "added",
        ChangeKind.Removed => "removed",
        ChangeKind.Changed => "changed",
        _ => "unchanged",
    };

    private static string ClauseClass(ClauseDiff c) => c switch
    {
        { IsMoveOrigin: true } => "rl-moved-away",
        { Status: ClauseStatus.Moved } => "rl-moved",
        { Status: ClauseStatus.Added } => "rl-added",
        { Status: ClauseStatus.Removed } => "rl-removed",
        { Status: ClauseStatus.Changed } => "rl-changed",
        _ => "rl-unchanged",
    };

    private static void Badge(StringBuilder sb, string text) =>
        sb.Append(" <span class=\"rl-badge\">[").Append(E(text)).Append("]</span>");

    private static void ClauseEntry(StringBuilder sb, ClauseDiff c, RedlineInput input)
    {
        var lang = input.Language;
        sb.Append("<article class=\"rl-clause ").Append(ClauseClass(c)).Append("\" data-clause=\"").Append(E(c.Id)).Append("\">\n");
        sb.Append("<h4 class=\"rl-clause-head\"><span class=\"rl-num\">").Append(E(c.Number)).Append("</span>");
        Runs(sb, c.Title.Runs, lang);
        Badge(sb, RedlineLabels.Status(c, lang));
        sb.Append("</h4>\n");

        // Where a moved clause stood, and an unchanged clause when only changes are wanted: the heading says it all.
        if (!c.IsMoveOrigin && (c.Status != ClauseStatus.Unchanged || input.ShowUnchanged))
        {
            foreach (var b in c.Blocks)
            {
                Block(sb, b, lang);
            }
        }

        sb.Append("</article>\n");
    }

    private static void Block(StringBuilder sb, BlockDiff b, Language lang)
    {
        var css = " class=\"rl-" + Kind(b.Kind) + "\"";
        switch (b.Type)
        {
            case BlockType.Paragraph:
                sb.Append("<p").Append(css).Append('>');
                Runs(sb, b.Text.Runs, lang);
                sb.Append("</p>\n");
                break;
            case BlockType.Example:
                sb.Append("<aside class=\"rl-example rl-").Append(Kind(b.Kind)).Append("\"><b class=\"rl-example-label\">").Append(E(Labels.Example[lang])).Append("</b>");
                Runs(sb, b.Text.Runs, lang);
                sb.Append("</aside>\n");
                break;
            case BlockType.BulletList:
            case BlockType.NumberedList:
                var tag = b.Type == BlockType.BulletList ? "ul" : "ol";
                sb.Append('<').Append(tag).Append(css).Append(">\n");
                foreach (var item in b.Items)
                {
                    sb.Append("<li class=\"rl-").Append(Kind(item.Kind)).Append("\">");
                    Runs(sb, item.Text.Runs, lang);
                    sb.Append("</li>\n");
                }

                sb.Append("</").Append(tag).Append(">\n");
                break;
            case BlockType.Table when b.Rows.Count > 0:
                sb.Append("<table").Append(css).Append(">\n");
                var columns = b.Rows.Max(r => r.Cells.Count);
                for (var i = 0; i < b.Rows.Count; i++)
                {
                    var row = b.Rows[i];
                    var cell = i == 0 ? "th" : "td";
                    sb.Append("<tr class=\"rl-").Append(Kind(row.Kind)).Append("\">");
                    for (var k = 0; k < columns; k++)
                    {
                        sb.Append('<').Append(cell).Append(i == 0 ? " scope=\"col\">" : ">");
                        if (k < row.Cells.Count)
                        {
                            Runs(sb, row.Cells[k].Runs, lang);
                        }

                        sb.Append("</").Append(cell).Append('>');
                    }

                    sb.Append("</tr>\n");
                }

                sb.Append("</table>\n");
                break;
        }
    }

    /// <summary>Runs of one kind go into one ins or del, between visible markers, with a hidden word for screen readers.</summary>
    private static void Runs(StringBuilder sb, IReadOnlyList<DiffRun> runs, Language lang)
    {
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
                Texts(sb, runs, i, end);
            }
            else if (runs.Skip(i).Take(end - i).All(r => string.IsNullOrWhiteSpace(r.Text)))
            {
                // Only spacing changed: the new spacing, unmarked.
                if (kind == RunKind.Inserted)
                {
                    Texts(sb, runs, i, end);
                }
            }
            else
            {
                // Spaces at the edges of a change stay outside its markers: "{+word+} next", not "{+word +}next".
                var stretch = runs.Skip(i).Take(end - i).ToList();
                var lead = stretch[0].Text.Length - stretch[0].Text.TrimStart().Length;
                if (lead > 0)
                {
                    sb.Append(E(stretch[0].Text[..lead]));
                    stretch[0] = stretch[0] with { Text = stretch[0].Text[lead..] };
                }

                var trail = stretch[^1].Text.Length - stretch[^1].Text.TrimEnd().Length;
                var after = trail > 0 ? stretch[^1].Text[^trail..] : "";
                stretch[^1] = stretch[^1] with { Text = stretch[^1].Text[..^trail] };
                var (tag, open, close, word) = kind == RunKind.Inserted
                    ? ("ins", RedlineLabels.InsertOpen, RedlineLabels.InsertClose, RedlineLabels.Inserted[lang])
                    : ("del", RedlineLabels.DeleteOpen, RedlineLabels.DeleteClose, RedlineLabels.Deleted[lang]);
                sb.Append('<').Append(tag).Append("><span class=\"rl-sr\">").Append(E(word)).Append(": </span><span class=\"rl-mark\" aria-hidden=\"true\">")
                    .Append(E(open)).Append("</span>");
                Texts(sb, stretch, 0, stretch.Count);
                sb.Append("<span class=\"rl-mark\" aria-hidden=\"true\">").Append(E(close)).Append("</span></").Append(tag).Append('>');
                sb.Append(E(after));
            }

            i = end;
        }
    }

    private static void Texts(StringBuilder sb, IReadOnlyList<DiffRun> runs, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (runs[k].Strong)
            {
                sb.Append("<strong>").Append(E(runs[k].Text)).Append("</strong>");
            }
            else
            {
                sb.Append(E(runs[k].Text));
            }
        }
    }

    private static string E(string text) => HtmlRenderer.E(text);
}
