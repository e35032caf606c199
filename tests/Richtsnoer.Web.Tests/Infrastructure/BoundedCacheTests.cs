using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Tests.Infrastructure;

/// <summary>The caches of checkers, tools contexts and quality reports: at most their capacity, the least recently used leaving first.</summary>
public class BoundedCacheTests
{
    [Fact]
    public void A_full_cache_lets_the_least_recently_used_entry_leave()
    {
        var cache = new BoundedCache<string, int>(2);
        cache.Set("a", 1);
        cache.Set("b", 2);
        Assert.True(cache.TryGet("a", out _)); // a is now used more recently than b
        cache.Set("c", 3);

        Assert.Equal(2, cache.Count);
        Assert.True(cache.TryGet("a", out var a));
        Assert.Equal(1, a);
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("c", out _));
    }

    [Fact]
    public void Setting_a_key_again_replaces_its_value_without_growing()
    {
        var cache = new BoundedCache<string, int>(2);
        cache.Set("a", 1);
        cache.Set("a", 5);

        Assert.Equal(1, cache.Count);
        Assert.True(cache.TryGet("a", out var a));
        Assert.Equal(5, a);
    }

    [Fact]
    public void Get_or_add_creates_once_and_then_returns_the_cached_value()
    {
        var cache = new BoundedCache<string, int>(1);
        var made = 0;
        Assert.Equal(7, cache.GetOrAdd("x", _ => { made++; return 7; }));
        Assert.Equal(7, cache.GetOrAdd("x", _ => { made++; return 8; }));
        Assert.Equal(1, made);
        Assert.Equal(9, cache.GetOrAdd("y", _ => 9));
        Assert.False(cache.TryGet("x", out _));
    }
}
