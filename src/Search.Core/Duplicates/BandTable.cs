namespace Search.Core.Duplicates;

/// <summary>
/// One band's table from band key to the clusters whose representative had that key, split into
/// 256 parts by the key's top byte. Each part is an ordered linear-probing table in one primitive
/// array (6 bytes a slot: the cluster and 16 more bits of the key, about 7.7 bytes an entry), so a
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

        // Three values a slot, side by side so that a probe reads one place in memory: the bits, then
        // the cluster + 1 (0 for a free slot) in two halves. Slots past the last home take the runs
        // that reach the end.
        private const int Width = 3;
        private ushort[] _slots = new ushort[(InitialHomes + Overflow(InitialHomes)) * Width];
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
            var slots = _slots;
            for (var at = Home(bits, _homes) * Width; at < slots.Length && IsUsed(slots, at); at += Width)
            {
                var found = slots[at];
                if (found < bits)
                    continue;
                if (found > bits)
                    return;
                var cluster = Value(slots, at) - 1;
                if (marks[cluster] == stamp)
                    continue;
                marks[cluster] = stamp;
                into.Add(cluster);
            }
        }

        private static bool IsUsed(ushort[] slots, int at) => (slots[at + 1] | slots[at + 2]) != 0;

        private static int Value(ushort[] slots, int at) => slots[at + 1] | (slots[at + 2] << 16);

        private static void Set(ushort[] slots, int at, ushort bits, int value)
        {
            slots[at] = bits;
            slots[at + 1] = (ushort)value;
            slots[at + 2] = (ushort)(value >> 16);
        }

        /// <summary>Puts the entry after those with the same or smaller bits, moving the rest of its run one slot on; false when the run reaches the array's end.</summary>
        private readonly bool TryInsert(ushort bits, int value)
        {
            var slots = _slots;
            var at = Home(bits, _homes) * Width;
            while (at < slots.Length && IsUsed(slots, at) && slots[at] <= bits)
                at += Width;
            var free = at;
            while (free < slots.Length && IsUsed(slots, free))
                free += Width;
            if (free == slots.Length)
                return false;
            Array.Copy(slots, at, slots, at + Width, free - at);
            Set(slots, at, bits, value);
            return true;
        }

        private void Grow()
        {
            // Small parts double; from 256 homes a quarter more each time keeps a part between 70 %
            // and 87.5 % full: doubling throughout left the whole table near half empty (200 bytes a
            // cluster at a million). The entries are in order already, so each goes to its home or
            // just after the one before it.
            var homes = _homes < 256 ? _homes * 2 : _homes + _homes / 4;
            ushort[] slots;
            for (var length = homes + Overflow(homes); !TryPlace(homes, length, out slots); length += Overflow(homes))
            {
            }
            (_slots, _homes) = (slots, homes);
        }

        /// <summary>Lays the entries out in <paramref name="length"/> slots over <paramref name="homes"/> homes; false when they leave no free slot at the end.</summary>
        private readonly bool TryPlace(int homes, int length, out ushort[] slots)
        {
            slots = new ushort[length * Width];
            var last = -1;
            for (var at = 0; at < _slots.Length; at += Width)
            {
                if (!IsUsed(_slots, at))
                    continue;
                last = Math.Max(Home(_slots[at], homes), last + 1);
                if (last >= length - 1)
                    return false;
                Set(slots, last * Width, _slots[at], Value(_slots, at));
            }
            return true;
        }

        // Free slots after the last home for runs that reach the end; when one runs out the part grows.
        private static int Overflow(int homes) => 4 + homes / 32;

        // Past 65,536 homes a part's homes stop spreading (16 bits place them); it stays correct, only slower.
        private static int Home(ushort bits, int homes) => (int)((uint)bits * (ulong)homes >> 16);
    }
}
