using System.IO.Compression;
using System.Xml.Linq;
using Richtsnoer.Core;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Model;
using Richtsnoer.Core.Redline;
using Richtsnoer.Rendering.Redline;
using Richtsnoer.Rendering.Tests.Docx;

namespace Richtsnoer.Rendering.Tests.Redline;

/// <summary>Pairs of versions for the redline renderers, and a plain-text view of a document to compare them with.</summary>
public static class RedlineSamples
{
    public static readonly DateTimeOffset When = new(2026, 12, 1, 12, 30, 0, TimeSpan.Zero);

    public const string OldNumber = "41837265";
    public const string NewNumber = "99887766";

    public static RedlineInput Input(ProtocolDocument from, ProtocolDocument to, Language language = Language.Nl, bool showUnchanged = true) =>
        new(RedlineComparer.Compare(from, to), "1.0", "2.0", "Marieke Verhoef", When, language, showUnchanged);

    /// <summary>The bakery and the bakery with another phone number, company channels and a works council.</summary>
    public static (ProtocolDocument From, ProtocolDocument To) Bakery(Language language = Language.Nl)
    {
        var answers = Samples.Answers("bakkerij");
        var contact = answers.Contact("escalation_contact")!;
        Assert.Contains(OldNumber, contact.Phone!, StringComparison.Ordinal);
        var changed = answers
            .With("escalation_contact", new ContactAnswer(contact with { Phone = contact.Phone!.Replace(OldNumber, NewNumber, StringComparison.Ordinal) }))
            .With("company_channels", new BoolAnswer(true))
            .With("works_council", new BoolAnswer(true));
        return (Samples.Protocol(answers, language), Samples.Protocol(changed, language));
    }

    /// <summary>
    /// Hand-made versions with every kind of change: a renamed chapter, list items changed, added
    /// and removed, a clause added, a clause moved to another chapter and reworded, a table row
    /// added and a cell changed, emphasis added, a chapter removed and an appendix added.
    /// </summary>
    public static (ProtocolDocument From, ProtocolDocument To) Handmade(Language language = Language.Nl)
    {
        var from = Samples.Handmade(language);
        var meta = from.Metadata;
        var to = new ProtocolDocument(meta with { Version = "2.0" },
            [
                new Section("a", "1", "Eerste hoofdstuk herzien", false,
                [
                    new Clause("a2", 1, "1.1", "Lijsten", [], [new BulletList([[new Inline("twee")], [new Inline("drie")], [new Inline("vier")]]), new NumberedList([[new Inline("eerst")], [new Inline("toen")], [new Inline("dan")]])]),
                    new Clause("a3", 1, "1.2", "Nieuw", [], [new Paragraph([new Inline("Dit is "), new Inline("nieuw", true), new Inline(".")])], ClauseOrigin.Custom),
                    new Clause("b1", 1, "1.3", "Tabel", [], [new Table([[[new Inline("Kop")], [new Inline("Uitleg")]], [[new Inline("a")], [new Inline("b en c")]], [[new Inline("d")], [new Inline("e")]]]), new Example([new Inline("„Zo dus”, zegt ‘zij’.")])]),
                ]),
                new Section("b", "2", "Tweede hoofdstuk", false,
                [
                    new Clause("a1", 1, "2.1", "Spaties", [], [new Paragraph([new Inline("Kijk "), new Inline("heel goed", true), new Inline(" uit. ")]), new Paragraph([new Inline("Regel\nmet een\tregelovergang.")])], ClauseOrigin.Adapted),
                ]),
                new Section("y", "A", "Bijlage twee", true,
                [
                    new Clause("y1", 1, "A.1", "Nieuwe bijlagebepaling", [], [new Paragraph([new Inline("Nieuwe tekst.")]), new Table([[[new Inline("K")]], [[new Inline("v")]]])]),
                ]),
            ],
            from.Coverage);
        return (from, to);
    }

    public static string Clean(string text) => SafeText.ForXml(text).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    /// <summary>
    /// The paragraphs a Word document of <paramref name="document"/> has from its first chapter
    /// heading on, as the DOCX renderer writes them (without the numbers, which are Word's list
    /// numbering, and without the editing marks): every heading, paragraph, example (label, line
    /// break, text), list item and table cell, an empty paragraph after each table, and the
    /// closing empty paragraph the redline adds.
    /// </summary>
    public static List<string> Paragraphs(ProtocolDocument document)
    {
        var lang = document.Metadata.Language;
        var result = new List<string>();
        foreach (var s in document.Sections)
        {
            result.Add(Clean(s.Title));
            foreach (var c in s.Clauses)
            {
                result.Add(Clean(c.Title));
                foreach (var b in c.Blocks)
                {
                    switch (b)
                    {
                        case Paragraph p:
                            result.Add(Clean(p.Inlines.PlainText()));
                            break;
                        case Example e:
                            result.Add(Labels.Example[lang] + "\n" + Clean(e.Inlines.PlainText()));
                            break;
                        case BulletList l:
                            result.AddRange(l.Items.Select(i => Clean(i.PlainText())));
                            break;
                        case NumberedList l:
                            result.AddRange(l.Items.Select(i => Clean(i.PlainText())));
                            break;
                        case Table t when t.Rows.Count > 0:
                            var columns = t.Rows.Max(r => r.Count);
                            foreach (var row in t.Rows)
                            {
                                for (var k = 0; k < columns; k++)
                                {
                                    result.Add(k < row.Count ? Clean(row[k].PlainText()) : "");
                                }
                            }

                            result.Add("");
                            break;
                    }
                }
            }
        }

        result.Add("");
        return result;
    }

    public static XDocument Part(byte[] docx, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        using var s = zip.GetEntry(name)!.Open();
        return XDocument.Load(s);
    }
}

/// <summary>
/// Accept or reject every tracked change over the XML, as Word does: accepting drops w:del and
/// unwraps w:ins, removes rows marked deleted and joins a paragraph whose mark is deleted with
/// the next one; rejecting does the opposite, with w:delText read as text again.
/// </summary>
public static class TrackedChanges
{
    public static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    public static List<string> Accept(XDocument document) => Resolve(document, keep: "ins", drop: "del");

    public static List<string> Reject(XDocument document) => Resolve(document, keep: "del", drop: "ins");

    private static List<string> Resolve(XDocument document, string keep, string drop)
    {
        var doc = new XDocument(document);
        var body = doc.Root!.Element(W + "body")!;

        foreach (var row in body.Descendants(W + "tr").Where(r => r.Element(W + "trPr")?.Element(W + drop) is not null).ToList())
        {
            row.Remove();
        }

        foreach (var table in body.Descendants(W + "tbl").Where(t => !t.Elements(W + "tr").Any()).ToList())
        {
            table.Remove();
        }

        // Run-level changes: the dropped kind goes with its content, the kept kind is unwrapped.
        foreach (var d in body.Descendants(W + drop).Where(e => e.Parent!.Name == W + "p").ToList())
        {
            d.Remove();
        }

        foreach (var k in body.Descendants(W + keep).Where(e => e.Parent!.Name == W + "p").ToList())
        {
            k.ReplaceWith(k.Nodes());
        }

        // A paragraph whose mark is of the dropped kind joins the next paragraph.
        var texts = new List<string>();
        var carry = "";
        foreach (var p in body.Descendants(W + "p"))
        {
            var text = carry + Text(p);
            if (p.Element(W + "pPr")?.Element(W + "rPr")?.Element(W + drop) is not null)
            {
                carry = text;
                continue;
            }

            carry = "";
            texts.Add(Style(p) == "Heading1" ? "\u0001" + text : text);
        }

        // From the first chapter heading on; the lines above it describe the redline and are not tracked.
        var first = texts.FindIndex(t => t.StartsWith('\u0001'));
        Assert.True(first >= 0, "no chapter heading left");
        return texts.Skip(first).Select(t => t.TrimStart('\u0001')).ToList();
    }

    public static string? Style(XElement p) => p.Element(W + "pPr")?.Element(W + "pStyle")?.Attribute(W + "val")?.Value;

    /// <summary>The text of a paragraph's runs: w:t and w:delText, w:tab as a tab, w:br as a newline.</summary>
    public static string Text(XElement p, Func<XElement, bool>? runFilter = null) =>
        string.Concat(p.Descendants(W + "r").Where(r => runFilter?.Invoke(r) ?? true).SelectMany(r => r.Elements()).Select(e =>
            e.Name == W + "t" || e.Name == W + "delText" ? e.Value
            : e.Name == W + "tab" ? "\t"
            : e.Name == W + "br" ? "\n"
            : ""));
}
