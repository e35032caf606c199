using System.Text;
using Richtsnoer.Core.Assembly;
using Richtsnoer.Core.Model;

namespace Richtsnoer.Core.Tests.Assembly;

/// <summary>
/// The assembled document of each example, written out as a readable outline and compared with
/// the approved copy in Snapshots/. A change to content or assembly shows up as a diff to review:
/// on a mismatch the test writes a .received.txt beside the approved file. To approve it, run
/// the tests with RICHTSNOER_UPDATE_SNAPSHOTS=1 (or move the received file over the approved one).
/// </summary>
public class SnapshotTests
{
    public static TheoryData<string, Language> Cases()
    {
        var data = new TheoryData<string, Language>();
        foreach (var e in TestData.ExampleFiles.Select(Path.GetFileNameWithoutExtension).OfType<string>())
        {
            data.Add(e, Language.Nl);
            data.Add(e, Language.En);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_assembled_document_matches_its_approved_snapshot(string example, Language language)
    {
        var answers = TestData.Example(example);
        var doc = ProtocolAssembler.Assemble(TestData.Library, answers, new AssemblyOptions(language, "1.0", new DateOnly(2026, 11, 21)));
        var actual = Outline(doc) + "\n" + Outline(SummaryAssembler.Assemble(TestData.Library, answers, doc));

        var dir = Path.Combine(TestData.RepoRoot, "tests", "Richtsnoer.Core.Tests", "Snapshots");
        var approved = Path.Combine(dir, $"{example}.{language.Code()}.txt");
        var received = Path.ChangeExtension(approved, ".received.txt");
        if (Environment.GetEnvironmentVariable("RICHTSNOER_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(dir);
            File.WriteAllText(approved, actual);
        }

        var expected = File.Exists(approved) ? File.ReadAllText(approved) : "";
        if (expected != actual)
        {
            File.WriteAllText(received, actual);
            var firstDiff = expected.Zip(actual).TakeWhile(p => p.First == p.Second).Count();
            var line = actual[..Math.Min(firstDiff, actual.Length)].Count(c => c == '\n') + 1;
            Assert.Fail($"{Path.GetFileName(approved)} differs from the assembled document from line {line}; review {received}");
        }
        else if (File.Exists(received))
        {
            File.Delete(received);
        }
    }

    /// <summary>A stable, readable text form of a document: every number, id, version, topic and text.</summary>
    public static string Outline(ProtocolDocument doc)
    {
        var m = doc.Metadata;
        var sb = new StringBuilder();
        sb.Append($"{m.Kind}: {m.Title} | {m.OrganisationName} | {m.Language.Code()} | {m.Version} | {m.EffectiveDate:yyyy-MM-dd}\n");
        foreach (var s in doc.Sections)
        {
            sb.Append($"\n== {s.Label(m.Language)}. {s.Title}\n");
            foreach (var c in s.Clauses)
            {
                sb.Append($"\n-- {c.Number} {c.Title}  [{c.Id} v{c.Version}{(c.Origin == ClauseOrigin.Library ? "" : " " + c.Origin)}] topics: {string.Join(", ", c.Topics)}\n");
                foreach (var b in c.Blocks)
                {
                    switch (b)
                    {
                        case Paragraph p: sb.Append("   ").Append(Text(p.Inlines)).Append('\n'); break;
                        case Example e: sb.Append("   [example] ").Append(Text(e.Inlines)).Append('\n'); break;
                        case BulletList l: l.Items.ToList().ForEach(i => sb.Append("   * ").Append(Text(i)).Append('\n')); break;
                        case NumberedList n: n.Items.Select((i, k) => (i, k)).ToList().ForEach(x => sb.Append($"   {x.k + 1}. ").Append(Text(x.i)).Append('\n')); break;
                        case Table t: t.Rows.ToList().ForEach(r => sb.Append("   | ").Append(string.Join(" | ", r.Select(Text))).Append(" |\n")); break;
                    }
                }
            }
        }

        sb.Append("\ncoverage:\n");
        foreach (var t in doc.Coverage.Topics)
        {
            sb.Append($"  {t.Topic.Number,2} {t.Topic.Key}: {string.Join(", ", t.ClauseNumbers)}\n");
        }

        return sb.ToString();
    }

    private static string Text(IEnumerable<Inline> inlines) => string.Concat(inlines.Select(i => i.Strong ? "**" + i.Text + "**" : i.Text));
}
