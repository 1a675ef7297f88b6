namespace Search.Core.Duplicates;

/// <summary>
/// One band's table from band key to the clusters whose representative has that key, in two
/// primitive arrays (5 bytes a slot, open addressing with linear probing). The key itself is not
/// kept, only a byte of it: a look-up returns every cluster in the probe run whose byte matches, so
/// it may return a cluster with another key (about one look-up in a hundred), which the caller's
/// similarity check turns away. The owner re-adds every key to a larger table when
/// <see cref="IsFull"/>, since keys cannot be recomputed from the table alone.
/// </summary>
internal sealed class BandTable
{
    private const int Free = 0;
    private const int Removed = -1;

    // Cluster index + 1, Free or Removed; a removed slot keeps probe runs through it intact.
    private readonly int[] _slots;
    private readonly byte[] _tags;
    private int _used;

    /// <summary>Creates a table with room for <paramref name="capacity"/> slots (at least 16).</summary>
    public BandTable(int capacity)
    {
        capacity = Math.Max(16, capacity);
        _slots = new int[capacity];
        _tags = new byte[capacity];
    }

    /// <summary>Slots, used or not.</summary>
    public int Capacity => _slots.Length;

    /// <summary>Whether the table is loaded past 70 % (removed slots count: they lengthen runs too).</summary>
    public bool IsFull => _used >= _slots.Length / 10 * 7;

    /// <summary>Records that <paramref name="cluster"/> has <paramref name="key"/> in this band.</summary>
    public void Add(ulong key, int cluster)
    {
        var slot = Home(key);
        while (_slots[slot] > Free)
            slot = Next(slot);
        if (_slots[slot] == Free)
            _used++;
        _slots[slot] = cluster + 1;
        _tags[slot] = Tag(key);
    }

    /// <summary>Forgets that <paramref name="cluster"/> has <paramref name="key"/>; nothing when it was not recorded.</summary>
    public void Remove(ulong key, int cluster)
    {
        var tag = Tag(key);
        for (var slot = Home(key); _slots[slot] != Free; slot = Next(slot))
        {
            if (_slots[slot] == cluster + 1 && _tags[slot] == tag)
            {
                _slots[slot] = Removed;
                return;
            }
        }
    }

    /// <summary>Adds to <paramref name="into"/> the clusters that may have <paramref name="key"/>, skipping those already there.</summary>
    public void Candidates(ulong key, List<int> into)
    {
        var tag = Tag(key);
        for (var slot = Home(key); _slots[slot] != Free; slot = Next(slot))
        {
            if (_slots[slot] > Free && _tags[slot] == tag && !into.Contains(_slots[slot] - 1))
                into.Add(_slots[slot] - 1);
        }
    }

    // The key's high half picks the slot (multiply-shift, any capacity), its low byte is the tag.
    private int Home(ulong key) => (int)(((key >> 32) * (ulong)_slots.Length) >> 32);

    private static byte Tag(ulong key) => (byte)key;

    private int Next(int slot) => slot + 1 == _slots.Length ? 0 : slot + 1;
}
