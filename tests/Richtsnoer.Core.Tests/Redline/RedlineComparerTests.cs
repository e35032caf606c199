using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Assembly;
using Richtsnoer.Core.Model;
using Richtsnoer.Core.Redline;

namespace Richtsnoer.Core.Tests.Redline;

/// <summary>
/// The clause-level and word-level comparison. Expectations are derived from the assembled
/// documents, never from clause wording, so a rewrite of content/ does not break them.
/// </summary>
public class RedlineComparerTests
{
    private static ProtocolDocument Assemble(AnswerSet answers, Language language = Language.Nl) =>
        ProtocolAssembler.Assemble(TestData.Library, answers, new AssemblyOptions(language));

    private static string Text(Clause c) => c.Title + "\n" + string.Join("\n", c.Blocks.Select(BlockText));

    private static string BlockText(Block b) => b switch
    {
        Paragraph p => "p:" + p.Inlines.PlainText(),
        Example e => "e:" + e.Inlines.PlainText(),
        BulletList l => "ul:" + string.Join("|", l.Items.Select(i => i.PlainText())),
        NumberedList l => "ol:" + string.Join("|", l.Items.Select(i => i.PlainText())),
        Table t => "t:" + string.Join("|", t.Rows.Select(r => string.Join("¦", r.Select(c => c.PlainText())))),
        _ => "?",
    };

    private static IEnumerable<RunKind> Kinds(ClauseDiff c) =>
        c.Title.Runs.Concat(c.Blocks.SelectMany(b => b.Items.Select(i => i.Text).Concat(b.Rows.SelectMany(r => r.Cells))).SelectMany(t => t.Runs)).Select(r => r.Kind);

    private static IEnumerable<string> Runs(ClauseDiff c, RunKind kind) =>
        new[] { c.Title }.Concat(c.Blocks.SelectMany(b => b.Items.Select(i => i.Text).Concat(b.Rows.SelectMany(r => r.Cells))))
            .SelectMany(t => t.Runs).Where(r => r.Kind == kind).Select(r => r.Text);

    /// <summary>The blocks of one side, rebuilt from the diff: what a reader gets by accepting or rejecting every change.</summary>
    private static string Side(ClauseDiff c, bool old)
    {
        string T(TextDiff t) => old ? t.OldText : t.NewText;
        var skip = old ? ChangeKind.Added : ChangeKind.Removed;
        var blocks = c.Blocks.Where(b => b.Kind != skip).Select(b => b.Type switch
        {
            BlockType.Paragraph => "p:" + T(b.Text),
            BlockType.Example => "e:" + T(b.Text),
            BlockType.BulletList => "ul:" + string.Join("|", b.Items.Where(i => i.Kind != skip).Select(i => T(i.Text))),
            BlockType.NumberedList => "ol:" + string.Join("|", b.Items.Where(i => i.Kind != skip).Select(i => T(i.Text))),
            _ => "t:" + string.Join("|", b.Rows.Where(r => r.Kind != skip).Select(r => string.Join("¦", r.Cells.Select(T)))),
        });
        return T(c.Title) + "\n" + string.Join("\n", blocks);
    }

    [Fact]
    public void Identical_documents_have_no_changes()
    {
        var doc = Assemble(TestData.Example("bakkerij"));
        var again = Assemble(TestData.Example("bakkerij"));

        var redline = RedlineComparer.Compare(doc, again);

        Assert.False(redline.HasChanges);
        Assert.Equal(new RedlineSummary(0, 0, 0, 0, doc.AllClauses.Count(), 0), redline.Summary);
        Assert.All(redline.AllClauses, c => Assert.Equal(ClauseStatus.Unchanged, c.Status));
        Assert.All(redline.AllClauses, c => Assert.All(Kinds(c), k => Assert.Equal(RunKind.Equal, k)));
        Assert.Equal(doc.AllClauses.Select(c => c.Id), redline.AllClauses.Select(c => c.Id));
    }

    [Fact]
    public void A_changed_phone_number_changes_exactly_the_clauses_that_show_it_and_only_that_word()
    {
        var answers = TestData.Example("bakkerij");
        var contact = answers.Contact("escalation_contact")!;
        var oldNumber = contact.Phone!.Split('-')[^1];
        const string newNumber = "99887766";
        var changed = answers.With("escalation_contact", new ContactAnswer(contact with { Phone = contact.Phone.Replace(oldNumber, newNumber, StringComparison.Ordinal) }));
        var before = Assemble(answers);
        var after = Assemble(changed);
        var expected = before.AllClauses.Zip(after.AllClauses).Where(p => Text(p.First) != Text(p.Second)).Select(p => p.First.Id).ToList();
        Assert.NotEmpty(expected);

        var redline = RedlineComparer.Compare(before, after);

        Assert.Equal(expected, redline.AllClauses.Where(c => c.Status != ClauseStatus.Unchanged).Select(c => c.Id));
        Assert.Equal(expected.Count, redline.Summary.Changed);
        Assert.Equal(0, redline.Summary.Added + redline.Summary.Removed + redline.Summary.Moved);
        foreach (var c in redline.AllClauses.Where(c => c.Status == ClauseStatus.Changed))
        {
            var occurrences = Text(c.Old!).Split(oldNumber).Length - 1;
            Assert.Equal(Enumerable.Repeat(oldNumber, occurrences), Runs(c, RunKind.Deleted));
            Assert.Equal(Enumerable.Repeat(newNumber, occurrences), Runs(c, RunKind.Inserted));
            Assert.Equal(Text(c.Old!), Side(c, old: true));
            Assert.Equal(Text(c.New!), Side(c, old: false));
        }
    }

    [Fact]
    public void An_own_clause_added_and_one_removed_are_found_where_they_stand()
    {
        var answers = TestData.Example("bakkerij");
        var section = Assemble(answers).Sections[1].Id;
        var topic = TestData.Library.Topics[0].Key;
        AnswerSet WithOwn(string id) => answers with
        {
            Customisations = answers.Customisations with
            {
                Custom = [new CustomClause(id, section, [topic], new ClauseText("Eigen regel " + id, "Wij doen het zo."), null)],
            },
        };
        var before = Assemble(WithOwn("own-old"));
        var after = Assemble(WithOwn("own-new"));

        var redline = RedlineComparer.Compare(before, after);

        Assert.Equal(1, redline.Summary.Added);
        Assert.Equal(1, redline.Summary.Removed);
        Assert.Equal(0, redline.Summary.Changed + redline.Summary.Moved);
        var s = redline.Sections.Single(x => x.Id == section);
        var added = s.Clauses.Single(c => c.Status == ClauseStatus.Added);
        var removed = s.Clauses.Single(c => c.Status == ClauseStatus.Removed);
        Assert.Equal("own-new", added.Id);
        Assert.Equal("own-old", removed.Id);
        Assert.Equal(ClauseOrigin.Custom, added.Origin);
        Assert.All(Kinds(added), k => Assert.Equal(RunKind.Inserted, k));
        Assert.All(Kinds(removed), k => Assert.Equal(RunKind.Deleted, k));
        Assert.Equal(before.Sections[1].Clauses[^1].Number, removed.Number);
        Assert.Equal(after.Sections[1].Clauses[^1].Number, added.Number);
    }

    [Fact]
    public void Toggling_an_answer_adds_and_removes_exactly_the_clauses_the_assembler_includes()
    {
        var bakery = TestData.Example("bakkerij");
        var before = Assemble(bakery);
        var after = Assemble(bakery.With("company_channels", new BoolAnswer(true)).With("works_council", new BoolAnswer(true)));
        var oldIds = before.AllClauses.Select(c => c.Id).ToHashSet();
        var newIds = after.AllClauses.Select(c => c.Id).ToHashSet();
        Assert.NotEqual(oldIds, newIds);

        var redline = RedlineComparer.Compare(before, after);
        var back = RedlineComparer.Compare(after, before);

        Assert.Equal(newIds.Except(oldIds).Order(), redline.AllClauses.Where(c => c.Status == ClauseStatus.Added).Select(c => c.Id).Order());
        Assert.Equal(oldIds.Except(newIds).Order(), redline.AllClauses.Where(c => c.Status == ClauseStatus.Removed).Select(c => c.Id).Order());
        Assert.Equal(redline.Summary.Added, back.Summary.Removed);
        Assert.Equal(redline.Summary.Removed, back.Summary.Added);

        // Every clause of each version is in the redline once, in that version's order.
        Assert.Equal(after.AllClauses.Select(c => c.Id), redline.AllClauses.Where(c => c.Status != ClauseStatus.Removed && !c.IsMoveOrigin).Select(c => c.Id));
        Assert.Equal(before.AllClauses.Select(c => c.Id), redline.AllClauses.Where(c => c.Status != ClauseStatus.Added && !(c.Status == ClauseStatus.Moved && !c.IsMoveOrigin)).Select(c => c.Id));
    }

    [Fact]
    public void Two_different_organisations_rebuild_each_side_exactly_from_the_diff()
    {
        var before = Assemble(TestData.Example("bakkerij"));
        var after = Assemble(TestData.Example("zorg"));

        var redline = RedlineComparer.Compare(before, after);

        Assert.True(redline.Summary.Changed > 0);
        foreach (var c in redline.AllClauses)
        {
            if (c.Status is ClauseStatus.Changed or ClauseStatus.Unchanged || (c.Status == ClauseStatus.Moved && !c.IsMoveOrigin))
            {
                Assert.Equal(Text(c.Old!), Side(c, old: true));
                Assert.Equal(Text(c.New!), Side(c, old: false));
            }
        }

        foreach (var s in redline.Sections.Where(s => s.Old is not null && s.New is not null))
        {
            Assert.Equal(s.Old!.Title, s.Title.OldText);
            Assert.Equal(s.New!.Title, s.Title.NewText);
        }
    }

    [Fact]
    public void A_clause_moved_to_the_end_of_its_section_is_the_only_one_moved()
    {
        var before = Assemble(TestData.Example("bakkerij"));
        var index = before.Sections.ToList().FindIndex(s => s.Clauses.Count >= 3);
        var section = before.Sections[index];
        var reordered = section.Clauses.Skip(1).Append(section.Clauses[0]).ToList();
        var after = before with { Sections = before.Sections.Select((s, i) => i == index ? s with { Clauses = reordered } : s).ToList() };

        var redline = RedlineComparer.Compare(before, after);

        Assert.Equal(new RedlineSummary(0, 0, 1, 0, before.AllClauses.Count() - 1, 0), redline.Summary);
        var entries = redline.Sections[index].Clauses;
        Assert.True(entries[0].IsMoveOrigin);
        Assert.Equal(section.Clauses[0].Id, entries[0].Id);
        Assert.All(Kinds(entries[0]), k => Assert.Equal(RunKind.Deleted, k));
        Assert.Equal(ClauseStatus.Moved, entries[^1].Status);
        Assert.False(entries[^1].IsMoveOrigin);
        Assert.False(entries[^1].TextChanged);
        Assert.Equal(section.Clauses[0].Id, entries[^1].Id);
    }

    [Fact]
    public void A_clause_moved_to_another_section_and_reworded_is_moved_with_its_word_diff()
    {
        var before = Assemble(TestData.Example("bakkerij"));
        var clause = before.Sections[0].Clauses[0];
        var reworded = clause with { Title = clause.Title + " herzien" };
        var after = before with
        {
            Sections = before.Sections.Select((s, i) => i switch
            {
                0 => s with { Clauses = s.Clauses.Skip(1).ToList() },
                1 => s with { Clauses = s.Clauses.Append(reworded).ToList() },
                _ => s,
            }).ToList(),
        };

        var redline = RedlineComparer.Compare(before, after);

        Assert.Equal(1, redline.Summary.Moved);
        Assert.Equal(1, redline.Summary.MovedAndChanged);
        Assert.Equal(0, redline.Summary.Changed + redline.Summary.Added + redline.Summary.Removed);
        var moved = redline.Sections[1].Clauses[^1];
        Assert.Equal(ClauseStatus.Moved, moved.Status);
        Assert.True(moved.TextChanged);
        Assert.Equal(["herzien"], Runs(moved, RunKind.Inserted).Select(t => t.Trim()));
        Assert.True(redline.Sections[0].Clauses[0].IsMoveOrigin);
    }

    [Fact]
    public void A_removed_section_keeps_its_place_and_its_clauses_are_removed()
    {
        var before = Assemble(TestData.Example("bakkerij"));
        var after = before with { Sections = before.Sections.Where((_, i) => i != 1).ToList() };

        var redline = RedlineComparer.Compare(before, after);

        Assert.Equal(before.Sections.Select(s => s.Id), redline.Sections.Select(s => s.Id));
        Assert.Equal(ChangeKind.Removed, redline.Sections[1].Kind);
        Assert.Equal(before.Sections[1].Clauses.Count, redline.Summary.Removed);
        Assert.All(redline.Sections[1].Clauses, c => Assert.Equal(ClauseStatus.Removed, c.Status));
    }

    [Theory]
    [InlineData("de regel geldt altijd", "de regel geldt soms", "altijd", "soms")]
    [InlineData("een twee drie vier", "een vijf zes vier", "twee drie", "vijf zes")]
    [InlineData("Kijk: <b>vet</b> & \u202Eomgekeerd\u202C", "Kijk: <i>vet</i> & \u202Eomgekeerd\u202C", "b|b", "i|i")]
    public void Words_change_in_one_stretch_with_the_deleted_words_first(string old, string now, string deleted, string inserted)
    {
        var diff = WordDiff.Compare(old, now);

        Assert.Equal(old, diff.OldText);
        Assert.Equal(now, diff.NewText);
        Assert.Equal(deleted, string.Join("|", diff.Runs.Where(r => r.Kind == RunKind.Deleted).Select(r => r.Text)));
        Assert.Equal(inserted, string.Join("|", diff.Runs.Where(r => r.Kind == RunKind.Inserted).Select(r => r.Text)));

        // Within each stretch of changes the deletion comes first.
        for (var i = 1; i < diff.Runs.Count; i++)
        {
            Assert.False(diff.Runs[i - 1].Kind == RunKind.Inserted && diff.Runs[i].Kind == RunKind.Deleted);
        }
    }

    [Fact]
    public void A_word_that_only_became_bold_is_deleted_and_inserted()
    {
        var diff = WordDiff.Compare([new Inline("niet delen")], [new Inline("niet "), new Inline("delen", Strong: true)]);

        Assert.Equal([new DiffRun(RunKind.Equal, "niet "), new DiffRun(RunKind.Deleted, "delen"), new DiffRun(RunKind.Inserted, "delen", Strong: true)], diff.Runs);
    }

    [Fact]
    public void Zero_width_and_combining_characters_stay_inside_their_word_and_a_long_word_is_one_piece()
    {
        var longWord = new string('x', 20_000);
        var old = "a\u200Bb e\u0301 " + longWord + " 👩‍👩‍👧 einde";
        var now = "a\u200Bc e\u0301 " + longWord + "y 👩‍👩‍👧 einde";

        var diff = WordDiff.Compare(old, now);

        Assert.Equal(old, diff.OldText);
        Assert.Equal(now, diff.NewText);
        Assert.Contains(diff.Runs, r => r.Kind == RunKind.Deleted && r.Text.StartsWith("a\u200Bb", StringComparison.Ordinal));
        Assert.Contains(diff.Runs, r => r.Kind == RunKind.Inserted && r.Text.EndsWith(longWord + "y", StringComparison.Ordinal));
        Assert.Contains(diff.Runs, r => r.Kind == RunKind.Equal && r.Text.Contains("👩‍👩‍👧", StringComparison.Ordinal));
    }

    [Fact]
    public void A_document_with_a_clause_id_twice_is_refused()
    {
        var doc = Assemble(TestData.Example("bakkerij"));
        var twice = doc with { Sections = [doc.Sections[0] with { Clauses = [doc.Sections[0].Clauses[0], doc.Sections[0].Clauses[0]] }] };

        Assert.Throws<ArgumentException>(() => RedlineComparer.Compare(doc, twice));
    }

    [Fact]
    public void Versions_in_different_languages_are_refused()
    {
        var answers = TestData.Example("bakkerij");

        Assert.Throws<ArgumentException>(() => RedlineComparer.Compare(Assemble(answers, Language.Nl), Assemble(answers, Language.En)));
    }
}
