using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Search.Core.Duplicates;

/// <summary>
/// A map from a string (an article id, a cluster label) to a cluster index that keeps a 64-bit hash of
/// the string rather than the string: 12 bytes a slot in one primitive array (about 16 an entry), open addressing with
/// linear probing. Two of a million strings share a hash with a probability near 3 in 10⁸, so a
/// collision is treated as impossible.
/// </summary>
internal sealed class HashedIdMap
{
    private const int Free = -1;
    private const int Removed = -2;

    // Three values a slot, side by side so that a probe reads one place in memory: the hash's low and
    // high halves, then the value (or Free, or Removed).
    private const int Width = 3;

    private uint[] _slots = NewSlots(16);
    private int _capacity = 16;
    private int _used;

    /// <summary>The cluster of <paramref name="name"/>, if mapped.</summary>
    public bool TryGet(string name, out int value)
    {
        var at = Find(Hash(name));
        value = at < 0 ? 0 : ValueAt(at);
        return at >= 0;
    }

    /// <summary>Whether <paramref name="name"/> is mapped.</summary>
    public bool Contains(string name) => Find(Hash(name)) >= 0;

    /// <summary>Maps <paramref name="name"/> to <paramref name="value"/> (0 or more), replacing any mapping.</summary>
    public void Set(string name, int value)
    {
        var key = Hash(name);
        var found = Find(key);
        if (found >= 0)
        {
            _slots[found + 2] = (uint)value;
            return;
        }
        if (_used + 1 >= _capacity * 4L / 5)
            Grow();
        var at = Home(key, _capacity) * Width;
        while (ValueAt(at) >= 0)
            at = Next(at);
        if (ValueAt(at) == Free)
            _used++;
        Put(_slots, at, key, value);
    }

    /// <summary>Removes <paramref name="name"/>'s mapping and returns its cluster, if it had one.</summary>
    public bool Remove(string name, out int value)
    {
        var at = Find(Hash(name));
        value = at < 0 ? 0 : ValueAt(at);
        if (at < 0)
            return false;
        _slots[at + 2] = unchecked((uint)Removed);
        return true;
    }

    private int ValueAt(int at) => (int)_slots[at + 2];

    /// <summary>Where the slot of <paramref name="key"/> starts in the array, or -1.</summary>
    private int Find(ulong key)
    {
        var (low, high) = ((uint)key, (uint)(key >> 32));
        for (var at = Home(key, _capacity) * Width; ValueAt(at) != Free; at = Next(at))
        {
            if (ValueAt(at) >= 0 && _slots[at] == low && _slots[at + 1] == high)
                return at;
        }
        return -1;
    }

    private int Next(int at) => at + Width == _slots.Length ? 0 : at + Width;

    private void Grow()
    {
        var old = _slots;
        var live = 0;
        for (var at = 0; at < old.Length; at += Width)
            live += (int)old[at + 2] >= 0 ? 1 : 0;
        // Room for half as many again: two-thirds full after growing, four-fifths before the next.
        _capacity = Math.Max(16, live + live / 2 + 2);
        _slots = NewSlots(_capacity);
        _used = 0;
        for (var at = 0; at < old.Length; at += Width)
        {
            if ((int)old[at + 2] < 0)
                continue;
            var key = old[at] | ((ulong)old[at + 1] << 32);
            var to = Home(key, _capacity) * Width;
            while (ValueAt(to) != Free)
                to = Next(to);
            Put(_slots, to, key, (int)old[at + 2]);
            _used++;
        }
    }

    private static void Put(uint[] slots, int at, ulong key, int value)
    {
        slots[at] = (uint)key;
        slots[at + 1] = (uint)(key >> 32);
        slots[at + 2] = (uint)value;
    }

    private static uint[] NewSlots(int capacity)
    {
        var slots = new uint[capacity * Width];
        for (var at = 2; at < slots.Length; at += Width)
            slots[at] = unchecked((uint)Free);
        return slots;
    }

    private static ulong Hash(string name) => XxHash64.HashToUInt64(MemoryMarshal.AsBytes(name.AsSpan()));

    private static int Home(ulong key, int capacity) => (int)(((key >> 32) * (ulong)capacity) >> 32);
}
