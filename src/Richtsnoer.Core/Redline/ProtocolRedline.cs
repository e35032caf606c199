using Richtsnoer.Core.Model;

namespace Richtsnoer.Core.Redline;

/// <summary>
/// What changed between two assembled protocols (named so, not Redline, because that is the namespace): per section and clause, in the order of the new
/// version, with removed clauses where they stood in the old one. Made by
/// <see cref="RedlineComparer.Compare"/>; every renderer under Rendering/Redline consumes it.
/// </summary>
public sealed record ProtocolRedline(
    DocumentMetadata From,
    DocumentMetadata To,
    IReadOnlyList<SectionDiff> Sections,
    RedlineSummary Summary)
{
    public bool HasChanges => Summary.Total > 0 || Sections.Any(s => s.Kind != ChangeKind.Unchanged);

    /// <summary>Every clause entry in reading order, move origins included.</summary>
    public IEnumerable<ClauseDiff> AllClauses => Sections.SelectMany(s => s.Clauses);
}

/// <summary>Counts of clauses. A clause that moved and was also reworded counts under Moved (and in MovedAndChanged), not under Changed.</summary>
public sealed record RedlineSummary(int Added, int Removed, int Moved, int Changed, int Unchanged, int MovedAndChanged)
{
    /// <summary>Clauses that differ in any way.</summary>
    public int Total => Added + Removed + Moved + Changed;
}

public enum ClauseStatus
{
    Unchanged,
    Changed,
    Added,
    Removed,
    Moved,
}

/// <summary>For sections, blocks, list items and table rows.</summary>
public enum ChangeKind
{
    Unchanged,
    Changed,
    Added,
    Removed,
}

public enum RunKind
{
    Equal,
    Inserted,
    Deleted,
}

/// <summary>A piece of text that both versions share, or that only the new (Inserted) or old (Deleted) has.</summary>
public sealed record DiffRun(RunKind Kind, string Text, bool Strong = false);

/// <summary>A word-level diff of one text: a title, a paragraph, a list item, a table cell.</summary>
public sealed record TextDiff(IReadOnlyList<DiffRun> Runs)
{
    public static readonly TextDiff Empty = new([]);

    public bool HasChanges => Runs.Any(r => r.Kind != RunKind.Equal);

    /// <summary>The text as the old version has it.</summary>
    public string OldText => string.Concat(Runs.Where(r => r.Kind != RunKind.Inserted).Select(r => r.Text));

    /// <summary>The text as the new version has it.</summary>
    public string NewText => string.Concat(Runs.Where(r => r.Kind != RunKind.Deleted).Select(r => r.Text));

    /// <summary>The whole text as one kind of run, emphasis kept.</summary>
    public static TextDiff Whole(IEnumerable<Inline> inlines, RunKind kind) =>
        new(inlines.Where(i => i.Text.Length > 0).Select(i => new DiffRun(kind, i.Text, i.Strong)).ToList());

    public static TextDiff Whole(string text, RunKind kind) => text.Length == 0 ? Empty : new([new DiffRun(kind, text)]);
}

public sealed record SectionDiff(string Id, ChangeKind Kind, Section? Old, Section? New, TextDiff Title, IReadOnlyList<ClauseDiff> Clauses)
{
    /// <summary>The number in the new version, or in the old one for a removed section.</summary>
    public string Number => (New ?? Old)!.Number;

    public bool IsAppendix => (New ?? Old)!.IsAppendix;

    public string Label(Language language) => (New ?? Old)!.Label(language);

    /// <summary>Whether anything in the section differs: its title or any clause.</summary>
    public bool HasChanges => Kind != ChangeKind.Unchanged || Clauses.Any(c => c.Status != ClauseStatus.Unchanged);
}

/// <summary>
/// One clause, matched between the versions by <see cref="Clause.Id"/>. A moved clause has two
/// entries: one where it now stands (with the word diff of its text) and one with
/// <see cref="IsMoveOrigin"/> where it stood (its old text, all deleted), so every format can
/// show both places and a tracked-changes document can delete it there and insert it here.
/// </summary>
public sealed record ClauseDiff(string Id, ClauseStatus Status, Clause? Old, Clause? New, TextDiff Title, IReadOnlyList<BlockDiff> Blocks)
{
    /// <summary>Whether the title or body differs (always for Changed, Added and Removed; for Moved: also reworded).</summary>
    public bool TextChanged { get; init; }

    /// <summary>The place a moved clause left; <see cref="Title"/> and <see cref="Blocks"/> are then the old text, all deleted.</summary>
    public bool IsMoveOrigin { get; init; }

    /// <summary>The number where this entry stands: the old number for a removed clause or a move origin.</summary>
    public string Number => (Status == ClauseStatus.Removed || IsMoveOrigin ? Old : New)!.Number;

    public ClauseOrigin Origin => (New ?? Old)!.Origin;
}

public enum BlockType
{
    Paragraph,
    Example,
    BulletList,
    NumberedList,
    Table,
}

/// <summary>
/// One block of a clause. Paragraphs and examples have one item, lists one per list item,
/// tables use <see cref="Rows"/>. For an added or removed block every text is one inserted or
/// deleted run.
/// </summary>
public sealed record BlockDiff(ChangeKind Kind, BlockType Type, Block? Old, Block? New, IReadOnlyList<ItemDiff> Items, IReadOnlyList<RowDiff> Rows)
{
    /// <summary>The block's first (or only) text, for paragraphs and examples.</summary>
    public TextDiff Text => Items.Count > 0 ? Items[0].Text : TextDiff.Empty;
}

public sealed record ItemDiff(ChangeKind Kind, TextDiff Text);

public sealed record RowDiff(ChangeKind Kind, IReadOnlyList<TextDiff> Cells);
