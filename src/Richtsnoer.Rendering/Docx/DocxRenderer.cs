using System.Globalization;
using System.Text;
using Richtsnoer.Core;
using Richtsnoer.Core.Model;

namespace Richtsnoer.Rendering.Docx;

/// <summary>
/// An editable Word document: real styles, Word's own multilevel numbering for chapters and
/// clauses (so numbers follow the user's edits), a table-of-contents field, a header with the
/// organisation, title and version, a footer with "Pagina X van Y" fields, the document
/// properties and the language on every style so spell checking works.
/// </summary>
public sealed class DocxRenderer : IDocumentRenderer
{
    public string Format => "docx";

    public string MediaType => "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public string Extension => ".docx";

    /// <summary>numId 1: chapters and clauses; 2: appendices and their clauses; 3: bullets; 4+: numbered lists.</summary>
    private const int ClauseNumbering = 1;
    internal const int AppendixNumbering = 2;
    private const int BulletNumbering = 3;
    internal const int FirstListNumbering = 4;

    private const string Ns = "application/vnd.openxmlformats-officedocument.wordprocessingml.";

    public void Render(ProtocolDocument document, Stream output)
    {
        var m = document.Metadata;
        var lang = m.Language;
        var tag = lang.Tag();
        var summary = m.Kind == DocumentKind.Summary;
        var org = Clean(m.OrganisationName);

        using var package = new OpcPackage(output);
        int lists;
        using (var s = package.Part(OpcPackage.MainUri, Ns + "document.main+xml"))
        using (var w = new WordXml(s, "document"))
        {
            var body = new BodyWriter(w, lang);
            body.Write(document);
            lists = body.NumberedLists;
        }

        package.Part("word/styles.xml", Ns + "styles+xml", "styles", "rIdStyles", DocxParts.Styles(tag, summary));
        package.Part("word/settings.xml", Ns + "settings+xml", "settings", "rIdSettings", DocxParts.Settings(tag));
        package.Part("word/fontTable.xml", Ns + "fontTable+xml", "fontTable", "rIdFonts", DocxParts.FontTable);
        using (var s = package.Part("word/numbering.xml", Ns + "numbering+xml", "numbering", "rIdNumbering"))
        {
            WriteNumbering(s, lang, lists);
        }

        using (var s = package.Part("word/header1.xml", Ns + "header+xml", "header", "rIdHeader"))
        {
            WriteHeader(s, document);
        }

        using (var s = package.Part("word/header2.xml", Ns + "header+xml", "header", "rIdHeaderFirst"))
        {
            WriteEmptyHeader(s);
        }

        using (var s = package.Part("word/footer1.xml", Ns + "footer+xml", "footer", "rIdFooter"))
        {
            WriteFooter(s, lang);
        }

        using (var s = package.Part("word/footer2.xml", Ns + "footer+xml", "footer", "rIdFooterFirst"))
        {
            WriteFooter(s, lang);
        }

        package.Part("docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml", null, null, DocxParts.App(org));
        package.CoreProperties(new CoreProps(
            Title: Clean(m.Title),
            Subject: Clean(m.Subject),
            Creator: org,
            Keywords: Clean(string.Join(", ", m.Keywords)),
            Description: Clean($"{m.Title} – {m.OrganisationName}, {Labels.Version[lang].ToLowerInvariant()} {m.Version}"),
            Language: tag,
            Version: Clean(m.Version),
            Created: m.GeneratedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)));
    }

    internal static string Clean(string text) => SafeText.ForXml(text);

    private static void WriteHeader(Stream s, ProtocolDocument document)
    {
        var m = document.Metadata;
        using var w = new WordXml(s, "hdr");
        w.Start("p").Start("pPr").Empty("pStyle", "Header").End();
        Run(w, Clean(OneLine(m.OrganisationName)), bold: true);
        Run(w, "  ·  " + Clean(m.Title));
        w.Start("r").Empty("tab").End();
        Run(w, Labels.Version[m.Language] + " " + Clean(OneLine(m.Version)));
        w.End();
    }

    private static void WriteEmptyHeader(Stream s)
    {
        using var w = new WordXml(s, "hdr");
        w.Start("p").Start("pPr").Empty("pStyle", "Normal").Start("spacing").Attr("after", 0).End().End().End();
    }

    /// <summary>"Pagina {PAGE} van {NUMPAGES}", right-aligned; Word and LibreOffice fill in the numbers.</summary>
    private static void WriteFooter(Stream s, Language lang)
    {
        using var w = new WordXml(s, "ftr");
        w.Start("p").Start("pPr").Empty("pStyle", "Footer").Empty("jc", "right").End();
        var pattern = Labels.PageOf[lang];
        var i0 = pattern.IndexOf("{0}", StringComparison.Ordinal);
        var i1 = pattern.IndexOf("{1}", StringComparison.Ordinal);
        Run(w, pattern[..i0]);
        Field(w, "PAGE", "1");
        Run(w, pattern[(i0 + 3)..i1]);
        Field(w, "NUMPAGES", "1");
        Run(w, pattern[(i1 + 3)..]);
        w.End();
    }

    internal static void Field(WordXml w, string instruction, string cached)
    {
        w.Start("r").Start("fldChar").Attr("fldCharType", "begin").End().End();
        w.Start("r").InstrText($" {instruction} ").End();
        w.Start("r").Start("fldChar").Attr("fldCharType", "separate").End().End();
        w.Start("r").Start("rPr").Empty("noProof").End().Text(cached).End();
        w.Start("r").Start("fldChar").Attr("fldCharType", "end").End().End();
    }

    /// <summary>One w:r; with <paramref name="deleted"/> its text is w:delText, for a tracked deletion.</summary>
    internal static void Run(WordXml w, string text, bool bold = false, string? charStyle = null, bool deleted = false)
    {
        if (text.Length == 0)
        {
            return;
        }

        w.Start("r");
        if (bold || charStyle is not null)
        {
            w.Start("rPr");
            if (charStyle is not null)
            {
                w.Empty("rStyle", charStyle);
            }

            if (bold)
            {
                w.Empty("b").Empty("bCs");
            }

            w.End();
        }

        // A newline inside a text becomes a line break, a tab a tab: Word ignores both in w:t.
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r' or '\t')
            {
                if (i > start)
                {
                    Chars(text[start..i]);
                }

                if (c == '\t')
                {
                    w.Empty("tab");
                }
                else if (!(c == '\n' && i > 0 && text[i - 1] == '\r'))
                {
                    w.Empty("br");
                }

                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            Chars(start == 0 ? text : text[start..]);
        }

        w.End();

        void Chars(string part)
        {
            if (deleted)
            {
                w.DelText(part);
            }
            else
            {
                w.Text(part);
            }
        }
    }

    /// <summary>Header text must stay on one line.</summary>
    private static string OneLine(string text) =>
        text.IndexOfAny(['\n', '\r', '\t']) < 0 ? text : string.Join(' ', text.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    internal static void WriteNumbering(Stream s, Language lang, int lists)
    {
        using var w = new WordXml(s, "numbering");

        // 0: chapters "1." and clauses "1.1", linked to Heading 1 and Heading 2.
        w.Start("abstractNum").Attr("abstractNumId", 0).Empty("multiLevelType", "multilevel");
        Level(w, 0, "decimal", "%1.", "Heading1", 567, 567);
        Level(w, 1, "decimal", "%1.%2", "Heading2", 567, 567);
        w.End();

        // 1: appendices "Bijlage A." and their clauses "A.1".
        w.Start("abstractNum").Attr("abstractNumId", 1).Empty("multiLevelType", "multilevel");
        Level(w, 0, "upperLetter", Labels.Appendix[lang] + " %1.", null, 0, 0, suffix: "space");
        Level(w, 1, "decimal", "%1.%2", null, 567, 567);
        w.End();

        // 2: bullets.
        w.Start("abstractNum").Attr("abstractNumId", 2).Empty("multiLevelType", "hybridMultilevel");
        Level(w, 0, "bullet", "\u2022", "ListBullet", 567, 283, bulletFont: true);
        Level(w, 1, "bullet", "\u2013", null, 1134, 283, bulletFont: true);
        w.End();

        // 3: numbered lists "1." / "a.", restarted for every list.
        w.Start("abstractNum").Attr("abstractNumId", 3).Empty("multiLevelType", "hybridMultilevel");
        Level(w, 0, "decimal", "%1.", null, 624, 397);
        Level(w, 1, "lowerLetter", "%2.", null, 1191, 397);
        w.End();

        Num(w, ClauseNumbering, 0, restart: false);
        Num(w, AppendixNumbering, 1, restart: false);
        Num(w, BulletNumbering, 2, restart: false);
        for (var i = 0; i < lists; i++)
        {
            Num(w, FirstListNumbering + i, 3, restart: true);
        }
    }

    private static void Level(WordXml w, int level, string format, string text, string? style, int left, int hanging, string suffix = "tab", bool bulletFont = false)
    {
        w.Start("lvl").Attr("ilvl", level);
        w.Empty("start", 1).Empty("numFmt", format);
        if (style is not null)
        {
            w.Empty("pStyle", style);
        }

        if (suffix != "tab")
        {
            w.Empty("suff", suffix);
        }

        w.Empty("lvlText", text).Empty("lvlJc", "left");
        w.Start("pPr").Start("ind").Attr("left", left).Attr("hanging", hanging).End().End();
        if (bulletFont)
        {
            w.Start("rPr").Start("rFonts").Attr("ascii", DocxParts.HeadingFont).Attr("hAnsi", DocxParts.HeadingFont).End().Empty("color", DocxParts.Accent).End();
        }

        w.End();
    }

    private static void Num(WordXml w, int id, int abstractId, bool restart)
    {
        w.Start("num").Attr("numId", id).Empty("abstractNumId", abstractId);
        if (restart)
        {
            w.Start("lvlOverride").Attr("ilvl", 0).Empty("startOverride", 1).End();
        }

        w.End();
    }

    /// <summary>Writes the body of word/document.xml.</summary>
    private sealed class BodyWriter(WordXml w, Language lang)
    {
        private int bookmark;

        public int NumberedLists { get; private set; }

        public void Write(ProtocolDocument document)
        {
            var m = document.Metadata;
            var summary = m.Kind == DocumentKind.Summary;
            w.Start("body");
            TitleBlock(m, summary);

            if (!summary)
            {
                TableOfContents(document);
            }

            var firstMain = true;
            foreach (var section in document.Sections)
            {
                if (!summary)
                {
                    SectionHeading(section, pageBreak: firstMain || section.IsAppendix);
                    firstMain = false;
                }

                foreach (var clause in section.Clauses)
                {
                    ClauseHeading(section, clause, summary);
                    for (var i = 0; i < clause.Blocks.Count; i++)
                    {
                        Block(clause.Blocks[i], Pdf.PdfTypesetter.IsLeadIn(clause.Blocks, i));
                    }
                }
            }

            SectionProperties();
            w.End();
        }

        private void TitleBlock(DocumentMetadata m, bool summary)
        {
            Para("Subtitle", () => Run(w, Clean(m.OrganisationName)));
            Para("Title", () => Run(w, Clean(m.Title)));
            if (summary)
            {
                return;
            }

            Meta(Labels.Organisation[lang], m.OrganisationName);
            Meta(Labels.Version[lang], m.Version);
            if (m.EffectiveDate is { } date)
            {
                Meta(Labels.EffectiveDate[lang], Labels.Date(date, lang));
            }

            if (m.Adoption is { } adoption)
            {
                Meta(Labels.Adopted[lang], adoption);
            }

            Meta(Labels.GeneratedOn[lang], Labels.Date(m.GeneratedOn, lang));
            Meta(Labels.Language[lang], Labels.LanguageName[lang]);
        }

        private void Meta(string label, string value) =>
            Para("Meta", () =>
            {
                Run(w, label, bold: true);
                w.Start("r").Empty("tab").End();
                Run(w, Clean(value));
            });

        /// <summary>
        /// A TOC field over Heading 1. Its cached result already lists the chapters (so the
        /// document reads well in any viewer); Word refreshes it with page numbers on opening
        /// (settings: updateFields).
        /// </summary>
        private void TableOfContents(ProtocolDocument document)
        {
            Para("TOCHeading", () => Run(w, Labels.Contents[lang]));
            var sections = document.Sections;
            for (var i = 0; i < sections.Count; i++)
            {
                var s = sections[i];
                w.Start("p").Start("pPr").Empty("pStyle", "TOC1");
                if (s.IsAppendix)
                {
                    // "Bijlage A." is wider than a chapter number: its title starts at a later tab.
                    w.Start("tabs").Start("tab").Attr("val", "left").Attr("pos", 1418).End().End();
                    w.Start("ind").Attr("left", 1418).Attr("hanging", 1418).End();
                }

                w.End();
                if (i == 0)
                {
                    w.Start("r").Start("fldChar").Attr("fldCharType", "begin").End().End();
                    w.Start("r").InstrText(" TOC \\o \"1-1\" \\h \\z \\u ").End();
                    w.Start("r").Start("fldChar").Attr("fldCharType", "separate").End().End();
                }

                w.Start("hyperlink").Attr("anchor", SectionAnchor(s)).Attr("history", "1");
                Run(w, s.IsAppendix ? s.Label(lang) + "." : s.Number + ".");
                w.Start("r").Empty("tab").End();
                Run(w, Clean(s.Title));
                w.End();
                if (i == sections.Count - 1)
                {
                    w.Start("r").Start("fldChar").Attr("fldCharType", "end").End().End();
                }

                w.End();
            }
        }

        private static string SectionAnchor(Section s) => "_Toc_s_" + Safe(s.Number);

        private static string ClauseAnchor(Clause c) => "_Toc_c_" + Safe(c.Number);

        private static string Safe(string number)
        {
            var sb = new StringBuilder(number.Length);
            foreach (var ch in number)
            {
                sb.Append(char.IsAsciiLetterOrDigit(ch) ? ch : '_');
            }

            return sb.Length > 30 ? sb.ToString(0, 30) : sb.ToString();
        }

        private void SectionHeading(Section section, bool pageBreak)
        {
            w.Start("p").Start("pPr").Empty("pStyle", "Heading1");
            if (pageBreak)
            {
                w.Empty("pageBreakBefore");
            }

            if (section.IsAppendix)
            {
                w.Start("numPr").Empty("ilvl", 0).Empty("numId", AppendixNumbering).End();
                w.Start("ind").Attr("left", 0).Attr("firstLine", 0).End();
            }

            w.End();
            Bookmarked(SectionAnchor(section), () => Run(w, Clean(section.Title)));
            w.End();
        }

        private void ClauseHeading(Section section, Clause clause, bool summary)
        {
            w.Start("p").Start("pPr").Empty("pStyle", summary ? "Heading1" : "Heading2");
            if (summary)
            {
                // The summary is one page: its two headings carry no chapter numbers.
                w.Start("numPr").Empty("ilvl", 0).Empty("numId", 0).End();
                w.Start("ind").Attr("left", 0).Attr("firstLine", 0).End();
            }
            else if (section.IsAppendix)
            {
                w.Start("numPr").Empty("ilvl", 1).Empty("numId", AppendixNumbering).End();
            }

            w.End();
            Bookmarked(ClauseAnchor(clause), () => Run(w, Clean(clause.Title)));
            if (clause.Origin != ClauseOrigin.Library)
            {
                Run(w, " (" + (clause.Origin == ClauseOrigin.Adapted ? Labels.Adapted : Labels.Own)[lang] + ")", charStyle: "ClauseMark");
            }

            w.End();
        }

        private void Bookmarked(string name, Action content)
        {
            var id = (bookmark++).ToString(CultureInfo.InvariantCulture);
            w.Start("bookmarkStart").Attr("id", id).Attr("name", name).End();
            content();
            w.Start("bookmarkEnd").Attr("id", id).End();
        }

        private void Block(Block block, bool leadIn)
        {
            switch (block)
            {
                case Paragraph p when leadIn:
                    // A lead-in ("... dit vertrouwelijk:") stays on the page of its list.
                    w.Start("p").Start("pPr").Empty("keepNext").End();
                    Inlines(p.Inlines);
                    w.End();
                    break;
                case Paragraph p:
                    Para(null, () => Inlines(p.Inlines));
                    break;
                case Example e:
                    Para("Example", () =>
                    {
                        Run(w, Labels.Example[lang], charStyle: "ExampleLabel");
                        w.Start("r").Empty("br").End();
                        Inlines(e.Inlines);
                    });
                    break;
                case BulletList b:
                    foreach (var item in b.Items)
                    {
                        Para("ListBullet", () => Inlines(item));
                    }

                    break;
                case NumberedList n:
                    var numId = FirstListNumbering + NumberedLists++;
                    foreach (var item in n.Items)
                    {
                        w.Start("p").Start("pPr").Empty("pStyle", "ListNumber")
                            .Start("numPr").Empty("ilvl", 0).Empty("numId", numId).End().End();
                        Inlines(item);
                        w.End();
                    }

                    break;
                case Table t when t.Rows.Count > 0:
                    Table(t);
                    break;
            }
        }

        private void Table(Table t)
        {
            var columns = Math.Max(1, t.Rows.Max(r => r.Count));
            var width = DocxParts.TextWidth / columns;
            w.Start("tbl").Start("tblPr").Empty("tblStyle", "RichtsnoerTable")
                .Start("tblW").Attr("w", 5000).Attr("type", "pct").End()
                .Start("tblLook").Attr("firstRow", "1").Attr("lastRow", "0").Attr("firstColumn", "0").Attr("lastColumn", "0").Attr("noHBand", "1").Attr("noVBand", "1").End()
                .End();
            w.Start("tblGrid");
            for (var c = 0; c < columns; c++)
            {
                w.Start("gridCol").Attr("w", width).End();
            }

            w.End();
            for (var r = 0; r < t.Rows.Count; r++)
            {
                var row = t.Rows[r];
                var head = r == 0;
                w.Start("tr");
                if (head)
                {
                    w.Start("trPr").Empty("cantSplit").Empty("tblHeader").End();
                }
                else
                {
                    w.Start("trPr").Empty("cantSplit").End();
                }

                for (var c = 0; c < columns; c++)
                {
                    w.Start("tc").Start("tcPr").Start("tcW").Attr("w", width).Attr("type", "dxa").End();
                    if (head)
                    {
                        w.Start("shd").Attr("val", "clear").Attr("color", "auto").Attr("fill", DocxParts.Box).End();
                    }

                    w.End();
                    w.Start("p").Start("pPr").Start("spacing").Attr("after", 0).End().End();
                    if (c < row.Count)
                    {
                        Inlines(row[c], forceBold: head);
                    }

                    w.End().End();
                }

                w.End();
            }

            w.End();

            // Space after the table, and Word wants a paragraph between adjacent tables anyway.
            w.Start("p").Start("pPr").Start("spacing").Attr("after", 0).Attr("line", 120).Attr("lineRule", "auto").End().End().End();
        }

        private void Para(string? style, Action content)
        {
            w.Start("p");
            if (style is not null)
            {
                w.Start("pPr").Empty("pStyle", style).End();
            }

            content();
            w.End();
        }

        private void Inlines(IReadOnlyList<Inline> inlines, bool forceBold = false)
        {
            foreach (var i in inlines)
            {
                Run(w, Clean(i.Text), bold: i.Strong || forceBold);
            }
        }

        private void SectionProperties()
        {
            w.Start("sectPr");
            w.Start("headerReference").Attr("type", "default").RAttr("id", "rIdHeader").End();
            w.Start("headerReference").Attr("type", "first").RAttr("id", "rIdHeaderFirst").End();
            w.Start("footerReference").Attr("type", "default").RAttr("id", "rIdFooter").End();
            w.Start("footerReference").Attr("type", "first").RAttr("id", "rIdFooterFirst").End();
            w.Start("pgSz").Attr("w", DocxParts.PageWidth).Attr("h", DocxParts.PageHeight).End();
            w.Start("pgMar").Attr("top", DocxParts.MarginTop).Attr("right", DocxParts.MarginRight).Attr("bottom", DocxParts.MarginBottom)
                .Attr("left", DocxParts.MarginLeft).Attr("header", 709).Attr("footer", 567).Attr("gutter", 0).End();
            w.Empty("titlePg");
            w.End();
        }
    }
}
