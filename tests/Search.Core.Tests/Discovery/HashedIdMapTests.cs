using Search.Core.Duplicates;

namespace Search.Core.Tests.Discovery;

public sealed class HashedIdMapTests
{
    [Fact]
    public void Sets_removals_and_growth_leave_the_map_holding_what_a_dictionary_holds()
    {
        // Removed slots stay as markers until the map grows, so probes must pass over them; the
        // mix of sets, replacements and removals below grows the map many times over such markers.
        var random = new Random(5);
        var map = new HashedIdMap();
        var expected = new Dictionary<string, int>();
        for (var step = 0; step < 60_000; step++)
        {
            var name = "article-" + random.Next(20_000);
            if (random.Next(3) == 0)
            {
                Assert.Equal(expected.Remove(name, out var had), map.Remove(name, out var value));
                Assert.Equal(had, value);
            }
            else
            {
                var cluster = random.Next(int.MaxValue);
                map.Set(name, cluster);
                expected[name] = cluster;
            }
        }
        for (var n = 0; n < 20_000; n++)
        {
            var name = "article-" + n;
            Assert.Equal(expected.TryGetValue(name, out var want), map.TryGet(name, out var got));
            Assert.Equal(want, got);
            Assert.Equal(expected.ContainsKey(name), map.Contains(name));
        }
    }
}
