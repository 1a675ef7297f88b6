using Search.Core.Duplicates;

namespace Search.Core.Tests.Discovery;

public sealed class BandTableTests
{
    private static List<int> Candidates(BandTable table, ulong key, int[] marks, int stamp)
    {
        var found = new List<int>();
        table.Candidates(key, found, marks, stamp);
        return found;
    }

    [Fact]
    public void Every_cluster_is_found_under_its_key_after_its_part_has_grown_many_times()
    {
        var random = new Random(11);
        var keys = Enumerable.Range(0, 50_000).Select(_ => (ulong)random.NextInt64()).ToArray();
        var table = new BandTable();
        for (var cluster = 0; cluster < keys.Length; cluster++)
            table.Add(keys[cluster], cluster);
        var marks = new int[keys.Length];
        for (var cluster = 0; cluster < keys.Length; cluster++)
            Assert.Contains(cluster, Candidates(table, keys[cluster], marks, cluster + 1));
    }

    [Fact]
    public void A_cluster_numbered_past_sixteen_bits_comes_back_whole()
    {
        // A slot keeps its cluster in two 16-bit halves; clusters below 65,536 leave the upper one zero.
        var table = new BandTable();
        int[] clusters = [65_534, 65_535, 65_536, 131_071, 1_000_003];
        for (var i = 0; i < clusters.Length; i++)
            table.Add((ulong)(i + 1) << 40, clusters[i]);
        var marks = new int[clusters.Max() + 1];
        for (var i = 0; i < clusters.Length; i++)
            Assert.Equal([clusters[i]], Candidates(table, (ulong)(i + 1) << 40, marks, i + 1));
    }

    [Fact]
    public void A_key_that_differs_only_below_the_bits_kept_finds_the_cluster_and_one_that_differs_in_them_does_not()
    {
        var table = new BandTable();
        const ulong key = 0xAB_CDEF_0000_1234;
        table.Add(key, 7);
        var marks = new int[8];
        Assert.Equal([7], Candidates(table, key ^ 0xFF_FFFF, marks, 1));
        Assert.Empty(Candidates(table, key ^ 0x0100_0000_0000, marks, 2));
        Assert.Empty(Candidates(table, key ^ 0x0100_0000_0000_0000, marks, 3));
    }

    [Fact]
    public void A_cluster_under_several_keys_of_one_look_up_is_a_candidate_once()
    {
        var table = new BandTable();
        table.Add(1UL << 40, 3);
        table.Add(2UL << 40, 3);
        table.Add(2UL << 40, 4);
        var marks = new int[5];
        var found = new List<int>();
        table.Candidates(1UL << 40, found, marks, 9);
        table.Candidates(2UL << 40, found, marks, 9);
        Assert.Equal([3, 4], found);
    }

    [Fact]
    public void Many_clusters_under_one_key_at_the_end_of_a_part_are_all_found_after_the_part_grows_past_its_last_home()
    {
        // Templated wire copy can give thousands of clusters one band key; the largest 16 bits put
        // them all at a part's last home, so their run spills into the slots after it.
        var table = new BandTable();
        const ulong shared = 0x37_FFFF_0000_0000;
        for (var cluster = 0; cluster < 3_000; cluster++)
            table.Add(shared, cluster);
        table.Add(0x37_0000_0000_0000, 3_000);
        var marks = new int[3_001];
        Assert.Equal(Enumerable.Range(0, 3_000), Candidates(table, shared, marks, 1));
        Assert.Equal([3_000], Candidates(table, 0x37_0000_0000_0000, marks, 2));
    }

    [Fact]
    public void A_look_up_returns_exactly_the_clusters_added_under_keys_with_its_bits_whatever_the_order_they_came_in()
    {
        // Few distinct 16-bit values in one part, so runs are long and interleave: a look-up that
        // stops early, or an insertion that breaks the order, would lose or add clusters.
        var random = new Random(5);
        var table = new BandTable();
        var expected = new Dictionary<ulong, List<int>>();
        for (var cluster = 0; cluster < 20_000; cluster++)
        {
            var key = (0x5AUL << 56) | ((ulong)random.Next(0, 4_000) * 16 << 40) | (ulong)random.Next();
            table.Add(key, cluster);
            var bits = key & 0xFFFF_FF00_0000_0000;
            if (!expected.TryGetValue(bits, out var list))
                expected[bits] = list = [];
            list.Add(cluster);
        }
        var marks = new int[20_000];
        var stamp = 0;
        foreach (var (bits, clusters) in expected)
            Assert.Equal(clusters, Candidates(table, bits | 0xFF_FFFF, marks, ++stamp));
        Assert.Empty(Candidates(table, (0x5AUL << 56) | (1UL << 40), marks, ++stamp));
    }
}
