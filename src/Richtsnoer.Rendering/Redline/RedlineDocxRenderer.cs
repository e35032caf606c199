using System.Globalization;
using Richtsnoer.Core;
using Richtsnoer.Core.Redline;
using Richtsnoer.Rendering.Docx;

namespace Richtsnoer.Rendering.Redline;

/// <summary>
/// The redline as a Word document with real tracked changes, for review in Word or LibreOffice:
/// inserted text in <c>w:ins</c>, deleted text in <c>w:del</c>/<c>w:delText</c>, each with the
/// author and date; a wholly added or removed paragraph, list item or table row also has its
/// paragraph mark (or row) tracked, so accepting or rejecting leaves no empty paragraph. Accept
/// all and the body is the new version's text; reject all and it is the old one's. A moved
/// clause is deleted where it stood and inserted where it stands. Above the body, untracked:
/// the heading, author, date, summary and how to read it. Styles and numbering are those of
/// <see cref="DocxRenderer"/> (decision 016).
/// </summary>
public sealed class RedlineDocxRenderer : IRedlineRenderer
{
    private const string Ns = "application/vnd.openxmlformats-officedocument.wordprocessingml.";

    public string Format => "docx";

    public string MediaType => "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public string Extension => ".docx";

    public void Render(RedlineInput input, Stream output)
    {
        var lang = input.Language;
        var tag = lang.Tag();
        var to = input.Redline.To;
        var heading = RedlineLabels.Format(RedlineLabels.Title, lang, OneLine(input.FromLabel), OneLine(input.ToLabel));
        using var package = new OpcPackage(output);
        int lists;
        using (var s = package.Part(OpcPackage.MainUri, Ns + "document.main+xml"))
        using (var w = new WordXml(s, "document"))
        {
            var body = new BodyWriter(w, input, heading);
            body.Write();
            lists = body.NumberedLists;
        }

        package.Part("word/styles.xml", Ns + "styles+xml", "styles", "rIdStyles", DocxParts.Styles(tag, compact: false));

        // Further edits are tracked too; no fields need updating (no table of contents).
        var settings = DocxParts.Settings(tag)
            .Replace("<w:zoom w:percent=\"100\"/>", "<w:zoom w:percent=\"100\"/>\n<w:trackRevisions/>", StringComparison.Ordinal)
            .Replace("<w:updateFields w:val=\"true\"/>\n", "", StringComparison.Ordinal);
        package.Part("word/settings.xml", Ns + "settings+xml", "settings", "rIdSettings", settings);
        package.Part("word/fontTable.xml", Ns + "fontTable+xml", "fontTable", "rIdFonts", DocxParts.FontTable);
        using (var s = package.Part("word/numbering.xml", Ns + "numbering+xml", "numbering", "rIdNumbering"))
        {
            DocxRenderer.WriteNumbering(s, lang, lists);
        }

        using (var s = package.Part("word/header1.xml", Ns + "header+xml", "header", "rIdHeader"))
        using (var w = new WordXml(s, "hdr"))
        {
            w.Start("p").Start("pPr").Empty("pStyle", "Header").End();
            DocxRenderer.Run(w, Clean(OneLine(to.OrganisationName)), bold: true);
            DocxRenderer.Run(w, "  ·  " + Clean(heading));
            w.End();
        }

        using (var s = package.Part("word/footer1.xml", Ns + "footer+xml", "footer", "rIdFooter"))
        using (var w = new WordXml(s, "ftr"))
        {
            w.Start("p").Start("pPr").Empty("pStyle", "Footer").Empty("jc", "right").End();
            var pattern = Labels.PageOf[lang];
            var i0 = pattern.IndexOf("{0}", StringComparison.Ordinal);
            var i1 = pattern.IndexOf("{1}", StringComparison.Ordinal);
            DocxRenderer.Run(w, pattern[..i0]);
            DocxRenderer.Field(w, "PAGE", "1");
            DocxRenderer.Run(w, pattern[(i0 + 3)..i1]);
            DocxRenderer.Field(w, "NUMPAGES", "1");
            DocxRenderer.Run(w, pattern[(i1 + 3)..]);
            w.End();
        }

        var org = Clean(to.OrganisationName);
        package.Part("docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml", null, null, DocxParts.App(org));
        package.CoreProperties(new CoreProps(
            Title: Clean(heading),
            Subject: Clean(to.Title),
            Creator: Clean(Author(input)),
            Keywords: Clean(string.Join(", ", to.Keywords)),
            Description: Clean($"{to.Title} – {to.OrganisationName}: {heading}"),
            Language: tag,
            Version: Clean(input.ToLabel),
            Created: input.DateUtc));
    }

    private static string Clean(string text) => SafeText.ForXml(text);

    private static string OneLine(string text) => string.Join(' ', text.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static string Author(RedlineInput input)
    {
        var author = OneLine(Clean(input.Author)).Trim();
        return author.Length == 0 ? "Richtsnoer" : author;
    }

    private sealed class BodyWriter(WordXml w, RedlineInput input, string heading)
    {
        private readonly Language lang = input.Language;
        private readonly string author = Author(input);
        private readonly string date = input.DateUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        private int revision = 1;

        public int NumberedLists { get; private set; }

        public void Write()
        {
            w.Start("body");
            Intro();
            foreach (var section in input.Redline.Sections)
            {
                SectionHeading(section);
                foreach (var entry in section.Clauses)
                {
                    // A moved clause: deleted where it stood, inserted whole where it stands.
                    var shown = entry is { Status: ClauseStatus.Moved, IsMoveOrigin: false }
                        ? RedlineComparer.Whole(entry.New!, ClauseStatus.Moved, RunKind.Inserted)
                        : entry;
                    Clause(section, shown);
                }
            }

            // Untracked, so a deleted last paragraph still has a paragraph to join.
            w.Start("p").End();
            SectionProperties();
            w.End();
        }

        private void Intro()
        {
            var r = input.Redline;
            Para("Subtitle", null, () => DocxRenderer.Run(w, Clean(r.To.OrganisationName)));
            Para("Title", null, () => DocxRenderer.Run(w, Clean(heading)));
            Meta(Labels.Organisation[lang], r.To.OrganisationName);
            Meta(RedlineLabels.AuthorLabel[lang], author);
            Meta(RedlineLabels.DateLabel[lang], RedlineLabels.Date(input.Date, lang));
            Meta(Labels.Version[lang], OneLine(input.FromLabel) + " → " + OneLine(input.ToLabel));
            Para(null, null, () => DocxRenderer.Run(w, r.HasChanges ? RedlineLabels.SummaryLine(r.Summary, lang) : RedlineLabels.NoChanges[lang], bold: true));
            Para(null, null, () => DocxRenderer.Run(w, RedlineLabels.Format(RedlineLabels.TrackedNote, lang, Clean(OneLine(input.FromLabel)), Clean(OneLine(input.ToLabel)))));
            foreach (var moved in r.AllClauses.Where(c => c is { Status: ClauseStatus.Moved, IsMoveOrigin: false }))
            {
                Para("Meta", null, () =>
                {
                    DocxRenderer.Run(w, RedlineLabels.MovedList[lang], bold: true);
                    w.Start("r").Empty("tab").End();
                    DocxRenderer.Run(w, $"{moved.Old!.Number} → {moved.New!.Number}  " + Clean(moved.New.Title));
                });
            }
        }

        private void Meta(string label, string value) =>
            Para("Meta", null, () =>
            {
                DocxRenderer.Run(w, Clean(label), bold: true);
                w.Start("r").Empty("tab").End();
                DocxRenderer.Run(w, Clean(value));
            });

        private static RunKind? MarkOf(ChangeKind kind) => kind switch
        {
            ChangeKind.Added => RunKind.Inserted,
            ChangeKind.Removed => RunKind.Deleted,
            _ => null,
        };

        private void SectionHeading(SectionDiff section) =>
            Para("Heading1", () =>
            {
                if (section.IsAppendix)
                {
                    w.Start("numPr").Empty("ilvl", 0).Empty("numId", DocxRenderer.AppendixNumbering).End();
                    w.Start("ind").Attr("left", 0).Attr("firstLine", 0).End();
                }
            }, () => Runs(section.Title.Runs), MarkOf(section.Kind));

        private void Clause(SectionDiff section, ClauseDiff c)
        {
            RunKind? mark = c switch
            {
                { IsMoveOrigin: true } or { Status: ClauseStatus.Removed } => RunKind.Deleted,
                { Status: ClauseStatus.Added or ClauseStatus.Moved } => RunKind.Inserted,
                _ => null,
            };
            Para("Heading2", () =>
            {
                if (section.IsAppendix)
                {
                    w.Start("numPr").Empty("ilvl", 1).Empty("numId", DocxRenderer.AppendixNumbering).End();
                }
            }, () => Runs(c.Title.Runs), mark);
            foreach (var b in c.Blocks)
            {
                Block(b);
            }
        }

        private void Block(BlockDiff b)
        {
            var mark = MarkOf(b.Kind);
            switch (b.Type)
            {
                case BlockType.Paragraph:
                    Para(null, null, () => Runs(b.Text.Runs), mark);
                    break;
                case BlockType.Example:
                    Para("Example", null, () =>
                    {
                        Revision(mark, () =>
                        {
                            Run(Labels.Example[lang], mark == RunKind.Deleted, charStyle: "ExampleLabel");
                            w.Start("r").Empty("br").End();
                        });
                        Runs(b.Text.Runs);
                    }, mark);
                    break;
                case BlockType.BulletList:
                    foreach (var item in b.Items)
                    {
                        Para("ListBullet", null, () => Runs(item.Text.Runs), MarkOf(item.Kind));
                    }

                    break;
                case BlockType.NumberedList:
                    var numId = DocxRenderer.FirstListNumbering + NumberedLists++;
                    foreach (var item in b.Items)
                    {
                        Para("ListNumber", () => w.Start("numPr").Empty("ilvl", 0).Empty("numId", numId).End(), () => Runs(item.Text.Runs), MarkOf(item.Kind));
                    }

                    break;
                case BlockType.Table when b.Rows.Count > 0:
                    Table(b);
                    Para(null, () => w.Start("spacing").Attr("after", 0).Attr("line", 120).Attr("lineRule", "auto").End(), () => { }, mark);
                    break;
            }
        }

        private void Table(BlockDiff b)
        {
            var columns = Math.Max(1, b.Rows.Max(r => r.Cells.Count));
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
            for (var r = 0; r < b.Rows.Count; r++)
            {
                var row = b.Rows[r];
                var head = r == 0;
                w.Start("tr").Start("trPr").Empty("cantSplit");
                if (head)
                {
                    w.Empty("tblHeader");
                }

                if (MarkOf(row.Kind) is { } rowMark)
                {
                    Mark(rowMark);
                }

                w.End();
                for (var c = 0; c < columns; c++)
                {
                    w.Start("tc").Start("tcPr").Start("tcW").Attr("w", width).Attr("type", "dxa").End();
                    if (head)
                    {
                        w.Start("shd").Attr("val", "clear").Attr("color", "auto").Attr("fill", DocxParts.Box).End();
                    }

                    w.End();
                    w.Start("p").Start("pPr").Start("spacing").Attr("after", 0).End().End();
                    if (c < row.Cells.Count)
                    {
                        Runs(row.Cells[c].Runs, forceBold: head);
                    }

                    w.End().End();
                }

                w.End();
            }

            w.End();
        }

        /// <summary>A paragraph; <paramref name="mark"/> tracks its paragraph mark as inserted or deleted.</summary>
        private void Para(string? style, Action? properties, Action content, RunKind? mark = null)
        {
            w.Start("p").Start("pPr");
            if (style is not null)
            {
                w.Empty("pStyle", style);
            }

            properties?.Invoke();
            if (mark is { } m)
            {
                w.Start("rPr");
                Mark(m);
                w.End();
            }

            w.End();
            content();
            w.End();
        }

        /// <summary>An empty w:ins or w:del: for a paragraph mark or a table row.</summary>
        private void Mark(RunKind kind) =>
            w.Start(kind == RunKind.Inserted ? "ins" : "del").Attr("id", revision++).Attr("author", author).Attr("date", date).End();

        private void Revision(RunKind? kind, Action content)
        {
            if (kind is not { } k || k == RunKind.Equal)
            {
                content();
                return;
            }

            w.Start(k == RunKind.Inserted ? "ins" : "del").Attr("id", revision++).Attr("author", author).Attr("date", date);
            content();
            w.End();
        }

        /// <summary>Runs of one kind share one w:ins or w:del.</summary>
        private void Runs(IReadOnlyList<DiffRun> runs, bool forceBold = false)
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

                var from = i;
                Revision(kind, () =>
                {
                    for (var k = from; k < end; k++)
                    {
                        Run(Clean(runs[k].Text), kind == RunKind.Deleted, bold: runs[k].Strong || forceBold);
                    }
                });
                i = end;
            }
        }

        /// <summary>One w:r, written by <see cref="DocxRenderer.Run"/>: w:delText for deleted text.</summary>
        private void Run(string text, bool deleted, bool bold = false, string? charStyle = null) =>
            DocxRenderer.Run(w, text, bold, charStyle, deleted);

        private void SectionProperties()
        {
            w.Start("sectPr");
            w.Start("headerReference").Attr("type", "default").RAttr("id", "rIdHeader").End();
            w.Start("footerReference").Attr("type", "default").RAttr("id", "rIdFooter").End();
            w.Start("pgSz").Attr("w", DocxParts.PageWidth).Attr("h", DocxParts.PageHeight).End();
            w.Start("pgMar").Attr("top", DocxParts.MarginTop).Attr("right", DocxParts.MarginRight).Attr("bottom", DocxParts.MarginBottom)
                .Attr("left", DocxParts.MarginLeft).Attr("header", 709).Attr("footer", 567).Attr("gutter", 0).End();
            w.End();
        }
    }
}
