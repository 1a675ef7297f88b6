namespace Search.Core.Duplicates;

/// <summary>
/// One band's table from band key to the clusters whose representative had that key, split into
/// 256 parts by the key's top byte. Each part is open addressing with linear probing over two
/// primitive arrays (6 bytes a slot: the cluster and 16 more bits of the key, about 7.7 bytes an entry), so a part grows by
/// itself, from its own slots, in a small array: growing never needs the keys recomputed, never
/// holds two copies of the whole table, and never lands on the large-object heap. A look-up returns
/// the clusters whose 24 bits match, so now and then one with another key, which the caller's
/// similarity check turns away.
/// </summary>
internal sealed class BandTable
{
    private const int Parts = 256;

    private readonly Part[] _parts = [.. Enumerable.Range(0, Parts).Select(_ => new Part())];

    /// <summary>Records that <paramref name="cluster"/> (0 or more) has <paramref name="key"/> in this band.</summary>
    public void Add(ulong key, int cluster) => _parts[(int)(key >> 56)].Add(Bits(key), cluster);

    /// <summary>
    /// Adds to <paramref name="into"/> the clusters that may have <paramref name="key"/>, each once
    /// over the bands of one look-up: a cluster is added only when its entry in
    /// <paramref name="marks"/> is not <paramref name="stamp"/>, and is then marked. Templated wire copy
    /// (earnings tables, price lists) can put many clusters under one key, and searching the list
    /// for each made the look-up quadratic in their number.
    /// </summary>
    public void Candidates(ulong key, List<int> into, int[] marks, int stamp) => _parts[(int)(key >> 56)].Candidates(Bits(key), into, marks, stamp);

    private static ushort Bits(ulong key) => (ushort)(key >> 40);

    private sealed class Part
    {
        // Cluster + 1, or 0 for a free slot.
        private int[] _clusters = new int[8];
        private ushort[] _bits = new ushort[8];
        private int _used;

        public void Add(ushort bits, int cluster)
        {
            if (_used + 1 > _clusters.Length * 7L / 8)
                Grow();
            Insert(_clusters, _bits, bits, cluster + 1);
            _used++;
        }

        public void Candidates(ushort bits, List<int> into, int[] marks, int stamp)
        {
            for (var slot = Home(bits, _clusters.Length); _clusters[slot] != 0; slot = Next(slot, _clusters.Length))
            {
                var cluster = _clusters[slot] - 1;
                if (_bits[slot] != bits || marks[cluster] == stamp)
                    continue;
                marks[cluster] = stamp;
                into.Add(cluster);
            }
        }

        private void Grow()
        {
            // A quarter more each time keeps a part between 70 % and 87.5 % full: doubling left the
            // whole table near half empty (200 bytes a cluster at a million); runs stay short enough.
            var clusters = new int[_clusters.Length + _clusters.Length / 4];
            var bits = new ushort[clusters.Length];
            for (var i = 0; i < _clusters.Length; i++)
            {
                if (_clusters[i] != 0)
                    Insert(clusters, bits, _bits[i], _clusters[i]);
            }
            (_clusters, _bits) = (clusters, bits);
        }

        private static void Insert(int[] clusters, ushort[] allBits, ushort bits, int value)
        {
            var slot = Home(bits, clusters.Length);
            while (clusters[slot] != 0)
                slot = Next(slot, clusters.Length);
            clusters[slot] = value;
            allBits[slot] = bits;
        }

        // Past 65,536 slots a part's homes stop spreading (16 bits place them); it stays correct, only slower.
        private static int Home(ushort bits, int capacity) => (int)((uint)bits * (ulong)capacity >> 16);

        private static int Next(int slot, int capacity) => slot + 1 == capacity ? 0 : slot + 1;
    }
}
