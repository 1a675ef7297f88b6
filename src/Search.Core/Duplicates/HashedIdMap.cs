using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Search.Core.Duplicates;

/// <summary>
/// A map from a string (an article id, a cluster label) to a cluster index that keeps a 64-bit hash of
/// the string rather than the string: 12 bytes a slot in two primitive arrays (about 16 an entry), open addressing with
/// linear probing. Two of a million strings share a hash with a probability near 3 in 10⁸, so a
/// collision is treated as impossible.
/// </summary>
internal sealed class HashedIdMap
{
    private const int Free = -1;
    private const int Removed = -2;

    private ulong[] _keys = new ulong[16];
    private int[] _values = NewValues(16);
    private int _used;

    /// <summary>The cluster of <paramref name="name"/>, if mapped.</summary>
    public bool TryGet(string name, out int value)
    {
        var slot = Find(Hash(name));
        value = slot < 0 ? 0 : _values[slot];
        return slot >= 0;
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
            _values[found] = value;
            return;
        }
        if (_used + 1 >= _keys.Length * 4L / 5)
            Grow();
        var slot = Home(key, _keys.Length);
        while (_values[slot] >= 0)
            slot = Next(slot, _keys.Length);
        if (_values[slot] == Free)
            _used++;
        _keys[slot] = key;
        _values[slot] = value;
    }

    /// <summary>Removes <paramref name="name"/>'s mapping and returns its cluster, if it had one.</summary>
    public bool Remove(string name, out int value)
    {
        var slot = Find(Hash(name));
        value = slot < 0 ? 0 : _values[slot];
        if (slot < 0)
            return false;
        _values[slot] = Removed;
        return true;
    }

    private int Find(ulong key)
    {
        for (var slot = Home(key, _keys.Length); _values[slot] != Free; slot = Next(slot, _keys.Length))
        {
            if (_values[slot] >= 0 && _keys[slot] == key)
                return slot;
        }
        return -1;
    }

    private void Grow()
    {
        var (keys, values) = (_keys, _values);
        var live = 0;
        foreach (var v in values)
            live += v >= 0 ? 1 : 0;
        // Room for half as many again: two-thirds full after growing, four-fifths before the next.
        var capacity = Math.Max(16, live + live / 2 + 2);
        _keys = new ulong[capacity];
        _values = NewValues(capacity);
        _used = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            if (values[i] < 0)
                continue;
            var slot = Home(keys[i], capacity);
            while (_values[slot] != Free)
                slot = Next(slot, capacity);
            _keys[slot] = keys[i];
            _values[slot] = values[i];
            _used++;
        }
    }

    private static int[] NewValues(int capacity)
    {
        var values = new int[capacity];
        Array.Fill(values, Free);
        return values;
    }

    private static ulong Hash(string name) => XxHash64.HashToUInt64(MemoryMarshal.AsBytes(name.AsSpan()));

    private static int Home(ulong key, int capacity) => (int)(((key >> 32) * (ulong)capacity) >> 32);

    private static int Next(int slot, int capacity) => slot + 1 == capacity ? 0 : slot + 1;
}
