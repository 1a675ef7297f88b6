namespace Search.Core.Duplicates;

/// <summary>
/// One band's table from band key to the clusters whose representative had that key, split into
/// 256 parts by the key's top byte. Each part is open addressing with linear probing over one array
/// of 8-byte slots (the cluster and 16 more bits of the key, about 10 bytes an entry), so a part
/// grows by itself, from its own slots, in a small array: growing never needs the keys recomputed,
/// never holds two copies of the whole table, and never lands on the large-object heap. A look-up
/// returns the clusters whose 24 bits match, so now and then one with another key, which the
/// caller's similarity check turns away.
/// </summary>
/// <remarks>
/// Inside a writer, where indexing keeps evicting the table from the cache, each memory access of a
/// look-up is a miss: a slot that holds both the cluster and its key bits, in an array reached
/// straight from the table, takes two or three lines a band where a part object over two parallel
/// arrays took five.
/// </remarks>
internal sealed class BandTable
{
    private const int Parts = 256;

    // Per part, its slots: the cluster + 1 in the low 32 bits (0 for a free slot), the key's bits above.
    private readonly ulong[][] _slots = [.. Enumerable.Range(0, Parts).Select(_ => new ulong[8])];
    private readonly int[] _used = new int[Parts];

    /// <summary>Records that <paramref name="cluster"/> (0 or more) has <paramref name="key"/> in this band.</summary>
    public void Add(ulong key, int cluster)
    {
        var part = Part(key);
        var slots = _slots[part];
        if (_used[part] + 1 > slots.Length * 7L / 8)
            _slots[part] = slots = Grow(slots);
        Insert(slots, Bits(key), (uint)cluster + 1);
        _used[part]++;
    }

    /// <summary>
    /// Adds to <paramref name="into"/> the clusters that may have <paramref name="key"/>, each once
    /// over the bands of one look-up: a cluster is added only when its entry in
    /// <paramref name="marks"/> is not <paramref name="stamp"/>, and is then marked. Templated wire copy
    /// (earnings tables, price lists) can put many clusters under one key, and searching the list
    /// for each made the look-up quadratic in their number.
    /// </summary>
    public void Candidates(ulong key, List<int> into, int[] marks, int stamp)
    {
        var slots = _slots[Part(key)];
        var bits = Bits(key);
        for (var slot = Home(bits, slots.Length); slots[slot] is var entry && entry != 0; slot = Next(slot, slots.Length))
        {
            var cluster = (int)(uint)entry - 1;
            if ((ushort)(entry >> 32) != bits || marks[cluster] == stamp)
                continue;
            marks[cluster] = stamp;
            into.Add(cluster);
        }
    }

    private static int Part(ulong key) => (int)(key >> 56);

    private static ushort Bits(ulong key) => (ushort)(key >> 40);

    private static ulong[] Grow(ulong[] slots)
    {
        // A quarter more each time keeps a part between 70 % and 87.5 % full: doubling left the
        // whole table near half empty (200 bytes a cluster at a million); runs stay short enough.
        var grown = new ulong[slots.Length + slots.Length / 4];
        foreach (var entry in slots)
        {
            if (entry != 0)
                Insert(grown, (ushort)(entry >> 32), (uint)entry);
        }
        return grown;
    }

    private static void Insert(ulong[] slots, ushort bits, uint clusterPlusOne)
    {
        var slot = Home(bits, slots.Length);
        while (slots[slot] != 0)
            slot = Next(slot, slots.Length);
        slots[slot] = (ulong)bits << 32 | clusterPlusOne;
    }

    // Past 65,536 slots a part's homes stop spreading (16 bits place them); it stays correct, only slower.
    private static int Home(ushort bits, int capacity) => (int)((uint)bits * (ulong)capacity >> 16);

    private static int Next(int slot, int capacity) => slot + 1 == capacity ? 0 : slot + 1;
}
