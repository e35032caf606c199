namespace Richtsnoer.Core.PostCheck;

/// <summary>
/// An Aho-Corasick automaton over normalised text: finds every occurrence of every key in one
/// pass, however many keys there are. Keys are added with a value (an index the caller
/// chooses); <see cref="Scan"/> reports (end, value) pairs in order of their end.
/// </summary>
/// <remarks>
/// Transitions from the root are a direct table up to the last character of the Latin blocks a
/// key starts with (a table over all 65,536 characters would be 256 KB per automaton, one on the
/// large object heap for every organisation's checker); other root transitions and deeper ones
/// are sorted runs of (character, target) in two flat arrays, searched linearly when short and by
/// halving when long. Each state keeps the values of every key that ends there, including the keys
/// that are suffixes of its own (the classic output function), in one flat array.
/// </remarks>
internal sealed class TermAutomaton
{
    private readonly int[] root;
    private readonly int[] childStart;
    private readonly int[] childCount;
    private readonly char[] childChar;
    private readonly int[] childTarget;
    private readonly int[] fail;
    private readonly int[] outStart;
    private readonly int[] outCount;
    private readonly int[] outputs;

    private TermAutomaton(int[] root, int[] childStart, int[] childCount, char[] childChar, int[] childTarget, int[] fail, int[] outStart, int[] outCount, int[] outputs)
    {
        this.root = root;
        this.childStart = childStart;
        this.childCount = childCount;
        this.childChar = childChar;
        this.childTarget = childTarget;
        this.fail = fail;
        this.outStart = outStart;
        this.outCount = outCount;
        this.outputs = outputs;
    }

    public int StateCount => fail.Length;

    /// <summary>Calls <paramref name="sink"/> for every key occurrence: the end index (exclusive) and the key's value.</summary>
    public void Scan<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : struct, IMatchSink
    {
        var state = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            while (true)
            {
                var next = state == 0 && c < root.Length ? root[c] : Child(state, c);
                if (next > 0)
                {
                    state = next;
                    break;
                }

                if (state == 0)
                {
                    break;
                }

                state = fail[state];
            }

            var count = outCount[state];
            if (count > 0)
            {
                var start = outStart[state];
                for (var k = 0; k < count; k++)
                {
                    sink.Match(i + 1, outputs[start + k]);
                }
            }
        }
    }

    private int Child(int state, char c)
    {
        var lo = childStart[state];
        var count = childCount[state];
        if (count <= 8)
        {
            for (var k = lo; k < lo + count; k++)
            {
                if (childChar[k] == c)
                {
                    return childTarget[k];
                }
            }

            return 0;
        }

        var hi = lo + count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var m = childChar[mid];
            if (m == c)
            {
                return childTarget[mid];
            }

            if (m < c)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return 0;
    }

    public interface IMatchSink
    {
        void Match(int end, int value);
    }

    /// <summary>Root transitions below this character are a table: Latin, with its extensions and diacritics.</summary>
    private const int MaxRootTable = 0x300;

    public sealed class Builder
    {
        private readonly List<Dictionary<char, int>> children = [new()];
        private readonly List<List<int>?> values = [null];

        public void Add(string key, int value)
        {
            if (key.Length == 0)
            {
                throw new ArgumentException("an empty key cannot be matched", nameof(key));
            }

            var state = 0;
            foreach (var c in key)
            {
                if (!children[state].TryGetValue(c, out var next))
                {
                    next = children.Count;
                    children.Add([]);
                    values.Add(null);
                    children[state][c] = next;
                }

                state = next;
            }

            (values[state] ??= []).Add(value);
        }

        public TermAutomaton Build()
        {
            var n = children.Count;
            var fail = new int[n];
            var order = new List<int>(n) { 0 };

            // Breadth-first: a state's failure link points to a shallower state.
            for (var q = 0; q < order.Count; q++)
            {
                var state = order[q];
                foreach (var (c, child) in children[state])
                {
                    order.Add(child);
                    if (state == 0)
                    {
                        fail[child] = 0;
                        continue;
                    }

                    var f = fail[state];
                    while (true)
                    {
                        if (children[f].TryGetValue(c, out var target) && target != child)
                        {
                            fail[child] = target;
                            break;
                        }

                        if (f == 0)
                        {
                            fail[child] = 0;
                            break;
                        }

                        f = fail[f];
                    }
                }
            }

            // Outputs: own values plus those of the failure state (already complete, being shallower).
            var merged = new List<int>?[n];
            foreach (var state in order)
            {
                var own = values[state];
                var inherited = state == 0 ? null : merged[fail[state]];
                merged[state] = (own, inherited) switch
                {
                    (null, _) => inherited,
                    (_, null) => own,
                    _ => [.. own, .. inherited],
                };
            }

            var outStart = new int[n];
            var outCount = new int[n];
            var outputs = new List<int>();
            for (var s = 0; s < n; s++)
            {
                outStart[s] = outputs.Count;
                if (merged[s] is { } list)
                {
                    outputs.AddRange(list);
                    outCount[s] = list.Count;
                }
            }

            var tableEnd = children[0].Keys.Where(c => c < MaxRootTable).Select(c => c + 1).DefaultIfEmpty(0).Max();
            var rootTable = new int[tableEnd];
            foreach (var (c, child) in children[0])
            {
                if (c < tableEnd)
                {
                    rootTable[c] = child;
                }
            }

            var childStart = new int[n];
            var childCount = new int[n];
            var total = children.Sum(d => d.Count);
            var childChar = new char[total];
            var childTarget = new int[total];
            var at = 0;
            for (var s = 0; s < n; s++)
            {
                childStart[s] = at;
                childCount[s] = children[s].Count;
                foreach (var (c, child) in children[s].OrderBy(kv => kv.Key))
                {
                    childChar[at] = c;
                    childTarget[at] = child;
                    at++;
                }
            }

            return new TermAutomaton(rootTable, childStart, childCount, childChar, childTarget, fail, outStart, outCount, outputs.ToArray());
        }
    }
}
