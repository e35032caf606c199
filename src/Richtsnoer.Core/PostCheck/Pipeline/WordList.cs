namespace Richtsnoer.Core.PostCheck.Pipeline;

/// <summary>
/// A large, fixed set of words held compactly: one string with every word in ordinal order and
/// the offset of each, searched by halving: two objects for the whole list instead of a string
/// object and a hash entry per word.
/// </summary>
public sealed class WordList
{
    public static readonly WordList Empty = new(string.Empty, []);

    private readonly string all;
    private readonly int[] starts;

    private WordList(string all, int[] starts)
    {
        this.all = all;
        this.starts = starts;
    }

    public int Count => starts.Length;

    public static WordList Of(IEnumerable<string> words)
    {
        var sorted = words.Where(w => w.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var starts = new int[sorted.Count];
        var sb = new System.Text.StringBuilder(sorted.Sum(w => w.Length));
        for (var i = 0; i < sorted.Count; i++)
        {
            starts[i] = sb.Length;
            sb.Append(sorted[i]);
        }

        return new WordList(sb.ToString(), starts);
    }

    private ReadOnlySpan<char> At(int i) => all.AsSpan(starts[i], (i + 1 < starts.Length ? starts[i + 1] : all.Length) - starts[i]);

    public bool Contains(string word) => Contains(word.AsSpan());

    public bool Contains(ReadOnlySpan<char> word)
    {
        int lo = 0, hi = starts.Length - 1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) / 2);
            var c = At(mid).CompareTo(word, StringComparison.Ordinal);
            if (c == 0)
            {
                return true;
            }

            if (c < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return false;
    }
}
