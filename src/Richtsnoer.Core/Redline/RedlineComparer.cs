using System.Text;
using Richtsnoer.Core.Model;

namespace Richtsnoer.Core.Redline;

/// <summary>
/// Compares two assembled protocols (pure: no I/O, no clock). Clauses are matched by
/// <see cref="Clause.Id"/>, sections by <see cref="Section.Id"/>; numbers are ignored, since
/// they follow from position. A clause that is in both versions is moved when it changed
/// section or when it is not part of the longest run of shared clauses that kept their order.
/// Inside a changed clause blocks, list items and table rows are aligned by their text and
/// then compared word by word (decision 016).
/// </summary>
public static class RedlineComparer
{
    public static ProtocolRedline Compare(ProtocolDocument from, ProtocolDocument to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (from.Metadata.Language != to.Metadata.Language)
        {
            // Every clause would differ: compare the versions in one language at a time.
            throw new ArgumentException($"the versions are in different languages ({from.Metadata.Language}, {to.Metadata.Language})", nameof(to));
        }

        var oldClauses = Positions(from);
        var newClauses = Positions(to);
        var moved = MovedKeys(oldClauses, newClauses);

        // Removed clauses and move origins, grouped after the old clause they followed that stays in place.
        var stable = newClauses.Keys.Where(k => oldClauses.ContainsKey(k) && !moved.Contains(k)).ToHashSet();
        var leftBehind = new Dictionary<(string Section, string? After), List<ClauseDiff>>();
        foreach (var section in from.Sections)
        {
            string? anchor = null;
            foreach (var (clause, key) in Keyed(section))
            {
                if (!newClauses.ContainsKey(key) || moved.Contains(key))
                {
                    var entry = newClauses.TryGetValue(key, out var now)
                        ? Whole(clause, ClauseStatus.Moved, RunKind.Deleted) with { New = now.Clause, IsMoveOrigin = true, TextChanged = !SameText(clause, now.Clause) }
                        : Whole(clause, ClauseStatus.Removed, RunKind.Deleted);
                    var slot = (section.Id, anchor);
                    if (!leftBehind.TryGetValue(slot, out var list))
                    {
                        leftBehind[slot] = list = [];
                    }

                    list.Add(entry);
                }
                else if (stable.Contains(key) && newClauses[key].SectionId == section.Id)
                {
                    anchor = key;
                }
            }
        }

        List<ClauseDiff> Left(string section, string? after) =>
            leftBehind.TryGetValue((section, after), out var list) ? list : [];

        var sections = new List<SectionDiff>();
        foreach (var (section, oldSection) in SectionOrder(from, to))
        {
            if (section is null)
            {
                // A section the new version no longer has.
                var gone = Left(oldSection!.Id, null);
                sections.Add(new SectionDiff(oldSection.Id, ChangeKind.Removed, oldSection, null, TextDiff.Whole(oldSection.Title, RunKind.Deleted), gone));
                continue;
            }

            var clauses = new List<ClauseDiff>(Left(section.Id, null));
            foreach (var (clause, key) in Keyed(section))
            {
                if (!oldClauses.TryGetValue(key, out var before))
                {
                    clauses.Add(Whole(clause, ClauseStatus.Added, RunKind.Inserted));
                }
                else
                {
                    var diff = Clause(before.Clause, clause);
                    clauses.Add(moved.Contains(key) ? diff with { Status = ClauseStatus.Moved } : diff);
                    if (stable.Contains(key) && before.SectionId == section.Id)
                    {
                        clauses.AddRange(Left(section.Id, key));
                    }
                }
            }

            TextDiff title;
            ChangeKind kind;
            if (oldSection is null)
            {
                title = TextDiff.Whole(section.Title, RunKind.Inserted);
                kind = ChangeKind.Added;
            }
            else
            {
                title = WordDiff.Compare(oldSection.Title, section.Title);
                kind = title.HasChanges ? ChangeKind.Changed : ChangeKind.Unchanged;
            }

            sections.Add(new SectionDiff(section.Id, kind, oldSection, section, title, clauses));
        }

        var entries = sections.SelectMany(s => s.Clauses).Where(c => !c.IsMoveOrigin).ToList();
        var summary = new RedlineSummary(
            Added: entries.Count(c => c.Status == ClauseStatus.Added),
            Removed: entries.Count(c => c.Status == ClauseStatus.Removed),
            Moved: entries.Count(c => c.Status == ClauseStatus.Moved),
            Changed: entries.Count(c => c.Status == ClauseStatus.Changed),
            Unchanged: entries.Count(c => c.Status == ClauseStatus.Unchanged),
            MovedAndChanged: entries.Count(c => c.Status == ClauseStatus.Moved && c.TextChanged));
        return new ProtocolRedline(from.Metadata, to.Metadata, sections, summary);
    }

    private readonly record struct Position(Clause Clause, string SectionId, int Index);

    /// <summary>Each clause with its key, its id (unique in a document, checked by <see cref="Positions"/>).</summary>
    private static IEnumerable<(Clause Clause, string Key)> Keyed(Section section) => section.Clauses.Select(c => (c, c.Id));

    private static Dictionary<string, Position> Positions(ProtocolDocument document)
    {
        var positions = new Dictionary<string, Position>(StringComparer.Ordinal);
        var i = 0;
        foreach (var section in document.Sections)
        {
            foreach (var c in section.Clauses)
            {
                if (!positions.TryAdd(c.Id, new Position(c, section.Id, i++)))
                {
                    throw new ArgumentException($"clause id '{c.Id}' occurs twice in the document", nameof(document));
                }
            }
        }

        return positions;
    }

    /// <summary>
    /// Shared clauses that changed section, or that fall outside the longest increasing run of
    /// old positions taken in new order (so one clause moved up moves, not all it passed).
    /// </summary>
    private static HashSet<string> MovedKeys(Dictionary<string, Position> old, Dictionary<string, Position> now)
    {
        var shared = now.OrderBy(p => p.Value.Index).Where(p => old.ContainsKey(p.Key)).Select(p => p.Key).ToList();
        var seq = shared.Select(k => old[k].Index).ToArray();
        var keep = LongestIncreasing(seq);
        var moved = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < shared.Count; i++)
        {
            if (!keep.Contains(i) || old[shared[i]].SectionId != now[shared[i]].SectionId)
            {
                moved.Add(shared[i]);
            }
        }

        return moved;
    }

    /// <summary>Indices into <paramref name="seq"/> of one longest strictly increasing subsequence (patience sorting, O(n log n)).</summary>
    private static HashSet<int> LongestIncreasing(int[] seq)
    {
        var tails = new List<int>();
        var previous = new int[seq.Length];
        for (var i = 0; i < seq.Length; i++)
        {
            int lo = 0, hi = tails.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (seq[tails[mid]] < seq[i])
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            previous[i] = lo > 0 ? tails[lo - 1] : -1;
            if (lo == tails.Count)
            {
                tails.Add(i);
            }
            else
            {
                tails[lo] = i;
            }
        }

        var result = new HashSet<int>();
        for (var k = tails.Count > 0 ? tails[^1] : -1; k >= 0; k = previous[k])
        {
            result.Add(k);
        }

        return result;
    }

    /// <summary>The new sections in order, each with its old counterpart; removed sections after the old section they followed.</summary>
    private static List<(Section? New, Section? Old)> SectionOrder(ProtocolDocument from, ProtocolDocument to)
    {
        var oldById = from.Sections.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var newIds = to.Sections.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var removedAfter = new Dictionary<string, List<Section>>(StringComparer.Ordinal);
        var removedFirst = new List<Section>();
        string? anchor = null;
        foreach (var s in from.Sections)
        {
            if (newIds.Contains(s.Id))
            {
                anchor = s.Id;
            }
            else if (anchor is null)
            {
                removedFirst.Add(s);
            }
            else
            {
                if (!removedAfter.TryGetValue(anchor, out var list))
                {
                    removedAfter[anchor] = list = [];
                }

                list.Add(s);
            }
        }

        var order = new List<(Section?, Section?)>();
        order.AddRange(removedFirst.Select(s => ((Section?)null, (Section?)s)));
        foreach (var s in to.Sections)
        {
            order.Add((s, oldById.GetValueOrDefault(s.Id)));
            if (removedAfter.TryGetValue(s.Id, out var gone))
            {
                order.AddRange(gone.Select(g => ((Section?)null, (Section?)g)));
            }
        }

        return order;
    }

    private static ClauseDiff Clause(Clause old, Clause now)
    {
        if (SameText(old, now))
        {
            return Whole(now, ClauseStatus.Unchanged, RunKind.Equal) with { Old = old };
        }

        var title = WordDiff.Compare(old.Title, now.Title);
        return new ClauseDiff(now.Id, ClauseStatus.Changed, old, now, title, Blocks(old.Blocks, now.Blocks)) { TextChanged = true };
    }

    /// <summary>The whole clause as one kind of text: an added, removed or unchanged clause, or where a moved one stood.</summary>
    public static ClauseDiff Whole(Clause clause, ClauseStatus status, RunKind kind)
    {
        var change = kind switch
        {
            RunKind.Inserted => ChangeKind.Added,
            RunKind.Deleted => ChangeKind.Removed,
            _ => ChangeKind.Unchanged,
        };
        var blocks = clause.Blocks.Select(b => WholeBlock(b, change, kind)).ToList();
        return new ClauseDiff(clause.Id, status, kind == RunKind.Deleted ? clause : null, kind == RunKind.Deleted ? null : clause, TextDiff.Whole(clause.Title, kind), blocks)
        {
            TextChanged = kind != RunKind.Equal,
        };
    }

    private static BlockDiff WholeBlock(Block block, ChangeKind change, RunKind kind)
    {
        var old = change == ChangeKind.Added ? null : block;
        var now = change == ChangeKind.Removed ? null : block;
        return block switch
        {
            Paragraph p => new BlockDiff(change, BlockType.Paragraph, old, now, [new ItemDiff(change, TextDiff.Whole(p.Inlines, kind))], []),
            Example e => new BlockDiff(change, BlockType.Example, old, now, [new ItemDiff(change, TextDiff.Whole(e.Inlines, kind))], []),
            BulletList l => new BlockDiff(change, BlockType.BulletList, old, now, l.Items.Select(i => new ItemDiff(change, TextDiff.Whole(i, kind))).ToList(), []),
            NumberedList l => new BlockDiff(change, BlockType.NumberedList, old, now, l.Items.Select(i => new ItemDiff(change, TextDiff.Whole(i, kind))).ToList(), []),
            Table t => new BlockDiff(change, BlockType.Table, old, now, [], t.Rows.Select(r => new RowDiff(change, r.Select(c => TextDiff.Whole(c, kind)).ToList())).ToList()),
            _ => throw new ArgumentException($"unknown block {block.GetType().Name}", nameof(block)),
        };
    }

    private static BlockType TypeOf(Block block) => block switch
    {
        Paragraph => BlockType.Paragraph,
        Example => BlockType.Example,
        BulletList => BlockType.BulletList,
        NumberedList => BlockType.NumberedList,
        Table => BlockType.Table,
        _ => throw new ArgumentException($"unknown block {block.GetType().Name}", nameof(block)),
    };

    internal static bool SameText(Clause a, Clause b) =>
        a.Title == b.Title && a.Blocks.Count == b.Blocks.Count && a.Blocks.Zip(b.Blocks).All(p => Signature(p.First) == Signature(p.Second));

    /// <summary>Aligns the blocks by their whole text, then compares the blocks that took each other's place.</summary>
    private static List<BlockDiff> Blocks(IReadOnlyList<Block> old, IReadOnlyList<Block> now)
    {
        var result = new List<BlockDiff>();
        Align(old.Select(Signature).ToArray(), now.Select(Signature).ToArray(),
            equal: (i, j) => result.Add(WholeBlock(now[j], ChangeKind.Unchanged, RunKind.Equal) with { Old = old[i] }),
            removed: i => result.Add(WholeBlock(old[i], ChangeKind.Removed, RunKind.Deleted)),
            added: j => result.Add(WholeBlock(now[j], ChangeKind.Added, RunKind.Inserted)),
            paired: (i, j) =>
            {
                if (Pair(old[i], now[j]) is { } diff)
                {
                    result.Add(diff);
                }
                else
                {
                    result.Add(WholeBlock(old[i], ChangeKind.Removed, RunKind.Deleted));
                    result.Add(WholeBlock(now[j], ChangeKind.Added, RunKind.Inserted));
                }
            });
        return result;
    }

    /// <summary>Two blocks of one kind compared inside; null when they cannot be (another kind, another number of table columns).</summary>
    private static BlockDiff? Pair(Block old, Block now)
    {
        switch (old, now)
        {
            case (Paragraph a, Paragraph b):
                return new BlockDiff(ChangeKind.Changed, BlockType.Paragraph, a, b, [new ItemDiff(ChangeKind.Changed, WordDiff.Compare(a.Inlines, b.Inlines))], []);
            case (Example a, Example b):
                return new BlockDiff(ChangeKind.Changed, BlockType.Example, a, b, [new ItemDiff(ChangeKind.Changed, WordDiff.Compare(a.Inlines, b.Inlines))], []);
            case (BulletList a, BulletList b):
                return new BlockDiff(ChangeKind.Changed, BlockType.BulletList, a, b, Items(a.Items, b.Items), []);
            case (NumberedList a, NumberedList b):
                return new BlockDiff(ChangeKind.Changed, BlockType.NumberedList, a, b, Items(a.Items, b.Items), []);
            case (Table a, Table b) when Columns(a) == Columns(b):
                return new BlockDiff(ChangeKind.Changed, BlockType.Table, a, b, [], Rows(a.Rows, b.Rows));
            default:
                return null;
        }
    }

    private static int Columns(Table t) => t.Rows.Count == 0 ? 0 : t.Rows.Max(r => r.Count);

    private static List<ItemDiff> Items(IReadOnlyList<IReadOnlyList<Inline>> old, IReadOnlyList<IReadOnlyList<Inline>> now)
    {
        var result = new List<ItemDiff>();
        Align(old.Select(InlineSignature).ToArray(), now.Select(InlineSignature).ToArray(),
            equal: (_, j) => result.Add(new ItemDiff(ChangeKind.Unchanged, TextDiff.Whole(now[j], RunKind.Equal))),
            removed: i => result.Add(new ItemDiff(ChangeKind.Removed, TextDiff.Whole(old[i], RunKind.Deleted))),
            added: j => result.Add(new ItemDiff(ChangeKind.Added, TextDiff.Whole(now[j], RunKind.Inserted))),
            paired: (i, j) => result.Add(new ItemDiff(ChangeKind.Changed, WordDiff.Compare(old[i], now[j]))));
        return result;
    }

    private static List<RowDiff> Rows(IReadOnlyList<IReadOnlyList<IReadOnlyList<Inline>>> old, IReadOnlyList<IReadOnlyList<IReadOnlyList<Inline>>> now)
    {
        var result = new List<RowDiff>();
        RowDiff Whole(IReadOnlyList<IReadOnlyList<Inline>> row, ChangeKind change, RunKind kind) =>
            new(change, row.Select(c => TextDiff.Whole(c, kind)).ToList());
        Align(old.Select(RowSignature).ToArray(), now.Select(RowSignature).ToArray(),
            equal: (_, j) => result.Add(Whole(now[j], ChangeKind.Unchanged, RunKind.Equal)),
            removed: i => result.Add(Whole(old[i], ChangeKind.Removed, RunKind.Deleted)),
            added: j => result.Add(Whole(now[j], ChangeKind.Added, RunKind.Inserted)),
            paired: (i, j) =>
            {
                if (old[i].Count == now[j].Count)
                {
                    result.Add(new RowDiff(ChangeKind.Changed, old[i].Zip(now[j]).Select(p => WordDiff.Compare(p.First, p.Second)).ToList()));
                }
                else
                {
                    result.Add(Whole(old[i], ChangeKind.Removed, RunKind.Deleted));
                    result.Add(Whole(now[j], ChangeKind.Added, RunKind.Inserted));
                }
            });
        return result;
    }

    /// <summary>
    /// Walks two sequences aligned by DiffPlex: equal pieces, and in each replaced stretch the
    /// pieces pairwise (old i with new j), then the rest as removed or added.
    /// </summary>
    private static void Align(string[] old, string[] now, Action<int, int> equal, Action<int> removed, Action<int> added, Action<int, int> paired)
    {
        var i = 0;
        var j = 0;
        foreach (var block in WordDiff.Diff(old, now))
        {
            while (i < block.DeleteStartA)
            {
                equal(i++, j++);
            }

            var pairs = Math.Min(block.DeleteCountA, block.InsertCountB);
            for (var k = 0; k < pairs; k++)
            {
                paired(i++, j++);
            }

            for (var k = pairs; k < block.DeleteCountA; k++)
            {
                removed(i++);
            }

            for (var k = pairs; k < block.InsertCountB; k++)
            {
                added(j++);
            }
        }

        while (i < old.Length)
        {
            equal(i++, j++);
        }
    }

    private static string Signature(Block block)
    {
        var sb = new StringBuilder();
        sb.Append((int)TypeOf(block)).Append('|');
        switch (block)
        {
            case Paragraph p:
                Append(sb, p.Inlines);
                break;
            case Example e:
                Append(sb, e.Inlines);
                break;
            case BulletList l:
                foreach (var item in l.Items)
                {
                    Append(sb, item);
                }

                break;
            case NumberedList l:
                foreach (var item in l.Items)
                {
                    Append(sb, item);
                }

                break;
            case Table t:
                foreach (var row in t.Rows)
                {
                    sb.Append(RowSignature(row));
                }

                break;
        }

        return sb.ToString();
    }

    private static string InlineSignature(IReadOnlyList<Inline> inlines) => Append(new StringBuilder(), inlines).ToString();

    private static string RowSignature(IReadOnlyList<IReadOnlyList<Inline>> row)
    {
        var sb = new StringBuilder().Append(row.Count).Append('[');
        foreach (var cell in row)
        {
            Append(sb, cell);
        }

        return sb.Append(']').ToString();
    }

    /// <summary>Each inline as its length, emphasis and text, so no text can imitate a boundary.</summary>
    private static StringBuilder Append(StringBuilder sb, IReadOnlyList<Inline> inlines)
    {
        sb.Append(inlines.Count).Append('{');
        foreach (var i in inlines)
        {
            sb.Append(i.Text.Length).Append(i.Strong ? 'b' : 'n').Append(i.Text);
        }

        return sb.Append('}');
    }
}
