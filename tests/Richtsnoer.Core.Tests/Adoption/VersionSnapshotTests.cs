using Richtsnoer.Core.Adoption;
using Richtsnoer.Core.Assembly;
using Richtsnoer.Core.Model;

namespace Richtsnoer.Core.Tests.Adoption;

public sealed class VersionSnapshotTests
{
    private static VersionSnapshot Snapshot(string example, string label = "1.0")
    {
        var answers = TestData.Example(example);
        var documents = new List<SnapshotDocument>();
        foreach (var language in new[] { Language.Nl, Language.En })
        {
            var protocol = ProtocolAssembler.Assemble(TestData.Library, answers, new AssemblyOptions(language, label, new DateOnly(2027, 1, 4)));
            documents.Add(new SnapshotDocument(language, DocumentKind.Protocol, protocol));
            documents.Add(new SnapshotDocument(language, DocumentKind.Summary, SummaryAssembler.Assemble(TestData.Library, answers, protocol)));
        }

        return new VersionSnapshot(VersionSnapshot.CurrentFormat, Guid.Parse("0d4c2a55-1111-4a2b-9c3d-222233334444"), label, "content-test", "org_name: x\n", ConsentRequirement.From(answers), documents);
    }

    [Theory]
    [MemberData(nameof(TestData.Examples), MemberType = typeof(TestData))]
    public void A_snapshot_reads_back_to_the_same_text_and_the_same_documents(string example)
    {
        var snapshot = Snapshot(example);
        var json = snapshot.ToJson();
        var back = VersionSnapshot.FromJson(json);
        Assert.Equal(json, back.ToJson());
        Assert.Equal(snapshot.Requirement, VersionSnapshot.RequirementOf(json));
        Assert.Equal(VersionSnapshot.Hash(json), VersionSnapshot.Hash(back.ToJson()));

        // The documents come back with every clause, block and word.
        foreach (var d in snapshot.Documents)
        {
            var again = back.Find(d.Language, d.Kind)!;
            Assert.Equal(d.Document.Metadata with { Keywords = [] }, again.Metadata with { Keywords = [] });
            Assert.Equal(d.Document.Metadata.Keywords, again.Metadata.Keywords);
            Assert.Equal(Words(d.Document), Words(again));
            Assert.Equal(d.Document.AllClauses.Select(c => (c.Id, c.Number, c.Origin, c.Blocks.Count)), again.AllClauses.Select(c => (c.Id, c.Number, c.Origin, c.Blocks.Count)));
        }
    }

    private static List<string> Words(ProtocolDocument d) => d.AllClauses.SelectMany(c => c.Blocks.SelectMany(b => b switch
    {
        Paragraph p => [p.Inlines.PlainText()],
        Example e => [e.Inlines.PlainText()],
        BulletList l => l.Items.Select(i => i.PlainText()),
        NumberedList l => l.Items.Select(i => i.PlainText()),
        Table t => t.Rows.SelectMany(r => r.Select(cell => cell.PlainText())),
        _ => throw new InvalidOperationException(b.GetType().Name),
    }).Prepend(c.Title)).ToList();

    [Fact]
    public void Same_text_ignores_the_label_and_date_but_sees_any_changed_word()
    {
        var a = Snapshot("bakkerij", "1.0");
        var b = Snapshot("bakkerij", "1.1");
        Assert.True(a.SameText(b));
        Assert.NotEqual(VersionSnapshot.Hash(a.ToJson()), VersionSnapshot.Hash(b.ToJson()));

        var doc = b.Documents[0].Document;
        var clause = doc.Sections[1].Clauses[0];
        var changed = clause with { Title = clause.Title + "!" };
        var sections = doc.Sections.Select(s => s with { Clauses = s.Clauses.Select(c => c == clause ? changed : c).ToList() }).ToList();
        var c = b with { Documents = [b.Documents[0] with { Document = doc with { Sections = sections } }, .. b.Documents.Skip(1)] };
        Assert.False(a.SameText(c));
    }

    [Fact]
    public void The_fingerprint_is_what_sha256sum_prints_for_the_stored_text()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", VersionSnapshot.Hash("abc"));
    }
}
