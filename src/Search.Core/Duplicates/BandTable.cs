namespace Search.Core.Duplicates;

/// <summary>
/// One band's table from band key to the clusters whose representative had that key, split into
/// 256 parts by the key's top byte. Each part is an ordered linear-probing table over two primitive
/// arrays (6 bytes a slot: the cluster and 16 more bits of the key, about 7.7 bytes an entry), so a
/// part grows by itself, from its own slots, in a small array: growing never needs the keys
/// recomputed, never holds two copies of the whole table, and never lands on the large-object heap.
/// A look-up returns the clusters whose 24 bits match, so now and then one with another key, which
/// the caller's similarity check turns away.
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

    /// <summary>
    /// A part keeps its entries in the order of their bits: a slot's home grows with the bits and runs
    /// never wrap, so the occupied slots read left to right are sorted, and a look-up stops at the
    /// first larger bits. Most look-ups find nothing (most stories are new); in a plain linear-probing
    /// table as full as this one (70-87.5 %, to save memory) such a miss scans its whole run, by the
    /// textbook estimate 6 to 32 slots against 2 to 5 when sorted. A struct in the table's array, so
    /// a look-up reaches the slots without first loading a part object from elsewhere in memory.
    /// </summary>
    private struct Part
    {
        private const int InitialHomes = 8;

        // Cluster + 1, or 0 for a free slot. Slots past the last home take the runs that reach the end.
        private int[] _clusters = new int[InitialHomes + Overflow(InitialHomes)];
        private ushort[] _bits = new ushort[InitialHomes + Overflow(InitialHomes)];
        private int _homes = InitialHomes;
        private int _used;

        public Part()
        {
        }

        public void Add(ushort bits, int cluster)
        {
            if (_used + 1 > _homes * 7L / 8)
                Grow();
            // A run that reaches the array's end has no free slot to move into; growing spreads the
            // homes and adds slots after the last one, so the entry is never dropped.
            while (!TryInsert(bits, cluster + 1))
                Grow();
            _used++;
        }

        public readonly void Candidates(ushort bits, List<int> into, int[] marks, int stamp)
        {
            var clusters = _clusters;
            var allBits = _bits;
            for (var slot = Home(bits, _homes); slot < clusters.Length && clusters[slot] != 0; slot++)
            {
                var found = allBits[slot];
                if (found < bits)
                    continue;
                if (found > bits)
                    return;
                var cluster = clusters[slot] - 1;
                if (marks[cluster] == stamp)
                    continue;
                marks[cluster] = stamp;
                into.Add(cluster);
            }
        }

        /// <summary>Puts the entry after those with the same or smaller bits, moving the rest of its run one slot on; false when the run reaches the array's end.</summary>
        private bool TryInsert(ushort bits, int value)
        {
            var slot = Home(bits, _homes);
            while (slot < _clusters.Length && _clusters[slot] != 0 && _bits[slot] <= bits)
                slot++;
            var free = slot;
            while (free < _clusters.Length && _clusters[free] != 0)
                free++;
            if (free == _clusters.Length)
                return false;
            Array.Copy(_clusters, slot, _clusters, slot + 1, free - slot);
            Array.Copy(_bits, slot, _bits, slot + 1, free - slot);
            _clusters[slot] = value;
            _bits[slot] = bits;
            return true;
        }

        private void Grow()
        {
            // Small parts double; from 256 homes a quarter more each time keeps a part between 70 %
            // and 87.5 % full: doubling throughout left the whole table near half empty (200 bytes a
            // cluster at a million). The entries are in order already, so each goes to its home or
            // just after the one before it.
            var homes = _homes < 256 ? _homes * 2 : _homes + _homes / 4;
            int[] clusters;
            ushort[] allBits;
            for (var length = homes + Overflow(homes); !TryPlace(homes, length, out clusters, out allBits); length += Overflow(homes))
            {
            }
            (_clusters, _bits, _homes) = (clusters, allBits, homes);
        }

        /// <summary>Lays the entries out in arrays of <paramref name="length"/> slots over <paramref name="homes"/> homes; false when they leave no free slot at the end.</summary>
        private readonly bool TryPlace(int homes, int length, out int[] clusters, out ushort[] allBits)
        {
            clusters = new int[length];
            allBits = new ushort[length];
            var last = -1;
            for (var i = 0; i < _clusters.Length; i++)
            {
                if (_clusters[i] == 0)
                    continue;
                last = Math.Max(Home(_bits[i], homes), last + 1);
                if (last >= length - 1)
                    return false;
                clusters[last] = _clusters[i];
                allBits[last] = _bits[i];
            }
            return true;
        }

        // Free slots after the last home for runs that reach the end; when one runs out the part grows.
        private static int Overflow(int homes) => 4 + homes / 32;

        // Past 65,536 homes a part's homes stop spreading (16 bits place them); it stays correct, only slower.
        private static int Home(ushort bits, int homes) => (int)((uint)bits * (ulong)homes >> 16);
    }
}
