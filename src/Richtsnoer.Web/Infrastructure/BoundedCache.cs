namespace Richtsnoer.Web.Infrastructure;

/// <summary>
/// A small thread-safe cache of at most a fixed number of entries; when full, the least recently
/// used entry leaves. For values that are expensive to build and safe to share (immutable).
/// </summary>
public sealed class BoundedCache<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value)>> map = [];
    private readonly LinkedList<(TKey Key, TValue Value)> order = new();
    private readonly Lock gate = new();

    public int Capacity => capacity;

    public int Count
    {
        get
        {
            lock (gate)
            {
                return map.Count;
            }
        }
    }

    public bool TryGet(TKey key, out TValue value)
    {
        lock (gate)
        {
            if (map.TryGetValue(key, out var node))
            {
                Touch(node);
                value = node.Value.Value;
                return true;
            }
        }

        value = default!;
        return false;
    }

    public void Set(TKey key, TValue value)
    {
        lock (gate)
        {
            if (map.Remove(key, out var node))
            {
                order.Remove(node);
            }

            Insert(key, value);
        }
    }

    /// <summary>The cached value, or one made by <paramref name="create"/> (called under the lock: keep it cheap, e.g. a Lazy).</summary>
    public TValue GetOrAdd(TKey key, Func<TKey, TValue> create)
    {
        lock (gate)
        {
            if (map.TryGetValue(key, out var node))
            {
                Touch(node);
                return node.Value.Value;
            }

            var value = create(key);
            Insert(key, value);
            return value;
        }
    }

    /// <summary>Marks an entry as just used (under the lock).</summary>
    private void Touch(LinkedListNode<(TKey Key, TValue Value)> node)
    {
        order.Remove(node);
        order.AddFirst(node);
    }

    /// <summary>Adds a new entry and lets the least recently used ones leave beyond the capacity (under the lock).</summary>
    private void Insert(TKey key, TValue value)
    {
        map[key] = order.AddFirst((key, value));
        while (map.Count > capacity && order.Last is { } last)
        {
            order.RemoveLast();
            map.Remove(last.Value.Key);
        }
    }
}
