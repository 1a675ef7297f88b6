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
}
