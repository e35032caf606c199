using System.Net;
using System.Text;
using Richtsnoer.Core;
using Richtsnoer.Core.Model;

namespace Richtsnoer.Rendering.Html;

/// <summary>
/// One self-contained HTML file: inline print-friendly CSS, a table of contents, numbered
/// clauses and the metadata. Every text is HTML-encoded; names are bidi-isolated.
/// </summary>
public sealed class HtmlRenderer : IDocumentRenderer
{
    public string Format => "html";

    public string MediaType => "text/html; charset=utf-8";

    public string Extension => ".html";

    public void Render(ProtocolDocument document, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        writer.Write(ToHtml(document));
    }

    public const string Css = """
        :root { --ink: #1d2433; --muted: #5b6475; --accent: #1f5f8b; --rule: #d8dde6; --box: #f3f6f9; }
        * { box-sizing: border-box; }
        body { font-family: "DejaVu Serif", Georgia, "Times New Roman", serif; color: var(--ink); line-height: 1.55; margin: 0; background: #fff; }
        main { max-width: 46rem; margin: 0 auto; padding: 2.5rem 1.25rem 4rem; }
        header.doc { border-bottom: 2px solid var(--accent); padding-bottom: 1rem; margin-bottom: 2rem; }
        header.doc .org { font-family: "DejaVu Sans", Arial, sans-serif; font-size: .95rem; letter-spacing: .04em; text-transform: uppercase; color: var(--accent); margin: 0 0 .25rem; overflow-wrap: anywhere; }
        h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 .75rem; }
        dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0; font-family: "DejaVu Sans", Arial, sans-serif; font-size: .85rem; color: var(--muted); }
        dl.meta dt { font-weight: 600; } dl.meta dd { margin: 0; }
        nav.toc { background: var(--box); padding: 1rem 1.25rem; border-radius: 4px; margin-bottom: 2.5rem; font-family: "DejaVu Sans", Arial, sans-serif; font-size: .9rem; }
        nav.toc h2 { font-size: 1rem; margin: 0 0 .5rem; }
        nav.toc ol { list-style: none; padding: 0; margin: 0; }
        nav.toc li { margin: .15rem 0; }
        nav.toc a { color: var(--ink); text-decoration: none; } nav.toc a:hover { text-decoration: underline; }
        nav.toc .num { display: inline-block; min-width: 5.5rem; color: var(--muted); }
        section.chapter { margin-top: 2.25rem; }
        h2 { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 1.3rem; color: var(--accent); border-bottom: 1px solid var(--rule); padding-bottom: .25rem; margin: 0 0 1rem; break-after: avoid; }
        h3 { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 1.02rem; margin: 1.5rem 0 .4rem; break-after: avoid; }
        h3 .num { color: var(--muted); margin-right: .5rem; }
        h3 .mark { font-weight: normal; font-size: .8rem; color: var(--muted); margin-left: .5rem; }
        p, li { overflow-wrap: anywhere; }
        p { margin: 0 0 .7rem; }
        ul, ol { margin: 0 0 .8rem; padding-left: 1.5rem; }
        aside.example { background: var(--box); border-left: 3px solid var(--accent); padding: .6rem .9rem; margin: 0 0 .9rem; font-size: .95rem; }
        aside.example b.label { font-family: "DejaVu Sans", Arial, sans-serif; font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; color: var(--accent); display: block; }
        table { border-collapse: collapse; width: 100%; margin: 0 0 1rem; font-size: .92rem; }
        th, td { border: 1px solid var(--rule); padding: .35rem .5rem; text-align: left; vertical-align: top; }
        th { background: var(--box); }
        footer.doc { margin-top: 3rem; font-size: .8rem; color: var(--muted); border-top: 1px solid var(--rule); padding-top: .5rem; }
        @media print {
          @page { size: A4; margin: 22mm 20mm 22mm 22mm; }
          body { font-size: 10.5pt; }
          main { max-width: none; padding: 0; }
          nav.toc { background: none; padding: 0; break-after: page; }
          nav.toc a::after { content: none; }
          section.appendix { break-before: page; }
          h2, h3 { break-after: avoid; page-break-after: avoid; }
          li, p, aside.example { break-inside: avoid-page; orphans: 3; widows: 3; }
        }
        """;

    public static string ToHtml(ProtocolDocument document)
    {
        var m = document.Metadata;
        var lang = m.Language;
        var sb = new StringBuilder(16 * 1024);
        sb.Append("<!DOCTYPE html>\n<html lang=\"").Append(lang.Tag()).Append("\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<title>").Append(E(m.Title)).Append(" – ").Append(E(m.OrganisationName)).Append("</title>\n");
        sb.Append("<meta name=\"author\" content=\"").Append(E(m.OrganisationName)).Append("\">\n");
        sb.Append("<meta name=\"description\" content=\"").Append(E(m.Subject)).Append("\">\n");
        sb.Append("<meta name=\"keywords\" content=\"").Append(E(string.Join(", ", m.Keywords))).Append("\">\n");
        sb.Append("<meta name=\"generator\" content=\"Richtsnoer\">\n");
        sb.Append("<style>\n").Append(Css).Append("\n</style>\n</head>\n<body>\n<main>\n");
        sb.Append(Body(document));
        sb.Append("</main>\n</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>The document without the page around it, for the web app's preview.</summary>
    public static string Body(ProtocolDocument document, bool toc = true)
    {
        var m = document.Metadata;
        var lang = m.Language;
        // 16,384 characters (32 KB): an initial capacity of 48 K characters was a 96 KB array on the
        // large object heap for every preview; the builder grows in chunks of its own.
        var sb = new StringBuilder(16 * 1024);
        sb.Append("<header class=\"doc\">\n<p class=\"org\"><bdi>").Append(E(m.OrganisationName)).Append("</bdi></p>\n");
        sb.Append("<h1>").Append(E(m.Title)).Append("</h1>\n<dl class=\"meta\">\n");
        Meta(sb, Labels.Organisation[lang], "<bdi>" + E(m.OrganisationName) + "</bdi>");
        Meta(sb, Labels.Version[lang], E(m.Version));
        if (m.EffectiveDate is { } date)
        {
            Meta(sb, Labels.EffectiveDate[lang], E(Labels.Date(date, lang)));
        }

        if (m.Adoption is { } adoption)
        {
            Meta(sb, Labels.Adopted[lang], E(adoption));
        }

        Meta(sb, Labels.Language[lang], E(Labels.LanguageName[lang]));
        sb.Append("</dl>\n</header>\n");

        if (toc && document.Sections.Count > 1)
        {
            sb.Append("<nav class=\"toc\" aria-labelledby=\"toc-title\">\n<h2 id=\"toc-title\">").Append(E(Labels.Contents[lang])).Append("</h2>\n<ol>\n");
            foreach (var s in document.Sections)
            {
                sb.Append("<li><a href=\"#s-").Append(Anchor(s.Number)).Append("\"><span class=\"num\">").Append(E(s.Label(lang)))
                    .Append("</span>").Append(E(s.Title)).Append("</a></li>\n");
            }

            sb.Append("</ol>\n</nav>\n");
        }

        // The staff summary is one page under its own title: no chapter heading repeating that
        // title, and its parts ("Dit mag", "Dit mag niet") as headings of their own, unnumbered.
        var summary = m.Kind == DocumentKind.Summary;
        foreach (var s in document.Sections)
        {
            sb.Append("<section class=\"chapter").Append(s.IsAppendix ? " appendix" : "").Append("\" id=\"s-").Append(Anchor(s.Number)).Append("\">\n");
            if (!summary)
            {
                sb.Append("<h2>").Append(E(s.Label(lang))).Append(". ").Append(E(s.Title)).Append("</h2>\n");
            }

            foreach (var c in s.Clauses)
            {
                sb.Append("<article class=\"clause\" id=\"c-").Append(Anchor(c.Number)).Append("\" data-clause=\"").Append(E(c.Id)).Append("\" data-version=\"").Append(c.Version).Append("\">\n");
                var level = summary ? "h2" : "h3";
                sb.Append('<').Append(level).Append('>');
                if (!summary)
                {
                    sb.Append("<span class=\"num\">").Append(E(c.Number)).Append("</span>");
                }

                sb.Append(E(c.Title));
                if (c.Origin != ClauseOrigin.Library)
                {
                    sb.Append("<span class=\"mark\">(").Append(E((c.Origin == ClauseOrigin.Adapted ? Labels.Adapted : Labels.Own)[lang])).Append(")</span>");
                }

                sb.Append("</").Append(level).Append(">\n");
                foreach (var b in c.Blocks)
                {
                    WriteBlock(sb, b, lang);
                }

                sb.Append("</article>\n");
            }

            sb.Append("</section>\n");
        }

        return sb.ToString();
    }

    private static void Meta(StringBuilder sb, string label, string encodedValue) =>
        sb.Append("<dt>").Append(E(label)).Append("</dt><dd>").Append(encodedValue).Append("</dd>\n");

    private static string Anchor(string number) => number.Replace('.', '-');

    private static void WriteBlock(StringBuilder sb, Block block, Language lang)
    {
        switch (block)
        {
            case Paragraph p:
                sb.Append("<p>").Append(Inlines(p.Inlines)).Append("</p>\n");
                break;
            case Example e:
                sb.Append("<aside class=\"example\"><b class=\"label\">").Append(E(Labels.Example[lang])).Append("</b>").Append(Inlines(e.Inlines)).Append("</aside>\n");
                break;
            case BulletList b:
                List(sb, "ul", b.Items);
                break;
            case NumberedList n:
                List(sb, "ol", n.Items);
                break;
            case Table t when t.Rows.Count > 0:
                sb.Append("<table>\n<thead><tr>");
                foreach (var cell in t.Rows[0])
                {
                    sb.Append("<th scope=\"col\">").Append(Inlines(cell)).Append("</th>");
                }

                sb.Append("</tr></thead>\n<tbody>\n");
                foreach (var row in t.Rows.Skip(1))
                {
                    sb.Append("<tr>");
                    foreach (var cell in row)
                    {
                        sb.Append("<td>").Append(Inlines(cell)).Append("</td>");
                    }

                    sb.Append("</tr>\n");
                }

                sb.Append("</tbody>\n</table>\n");
                break;
        }
    }

    private static void List(StringBuilder sb, string tag, IReadOnlyList<IReadOnlyList<Inline>> items)
    {
        sb.Append('<').Append(tag).Append(">\n");
        foreach (var item in items)
        {
            sb.Append("<li>").Append(Inlines(item)).Append("</li>\n");
        }

        sb.Append("</").Append(tag).Append(">\n");
    }

    private static string Inlines(IEnumerable<Inline> inlines)
    {
        var sb = new StringBuilder();
        foreach (var i in inlines)
        {
            if (i.Strong)
            {
                sb.Append("<strong>").Append(E(i.Text)).Append("</strong>");
            }
            else
            {
                sb.Append(E(i.Text));
            }
        }

        return sb.ToString();
    }

    /// <summary>HTML-encodes text after removing characters no HTML or XML document may hold.</summary>
    public static string E(string text) => WebUtility.HtmlEncode(SafeText.ForXml(text));
}
