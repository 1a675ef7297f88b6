using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace Search.Core.Duplicates;

/// <summary>
/// A MinHash signature of an article body over overlapping three-word shingles: the share of
/// equal slots between two signatures estimates the Jaccard similarity of their shingle sets.
/// Word shingles rather than characters, because wire copy is re-edited by whole words and
/// sentences (a dropped paragraph, a changed dateline), which costs a few shingles each.
/// </summary>
internal sealed class BodyFingerprint
{
    /// <summary>Slots in a signature; 64 keeps the estimate within about ±0.06 at 0.5.</summary>
    public const int Slots = 64;

    /// <summary>Slots per locality-sensitive band: two docs become candidates when any band agrees.</summary>
    public const int RowsPerBand = 2;

    public const int Bands = Slots / RowsPerBand;

    /// <summary>
    /// Fewer words than this and a body says too little to call two copies the same story
    /// (a one-line stub matches every other stub).
    /// </summary>
    public const int MinWords = 12;

    private const int ShingleWords = 3;

    // Each slot is a different mixing of the one 64-bit shingle hash, cheaper than hashing 64 times.
    private static readonly ulong[] Seeds = CreateSeeds();

    private BodyFingerprint(uint[] slots) => Values = slots;

    /// <summary>The minimum of each slot's hash over all shingles.</summary>
    public uint[] Values { get; }

    /// <summary>The signature of a body, or <c>null</c> when it has fewer than <see cref="MinWords"/> words.</summary>
    public static BodyFingerprint? Of(string body)
    {
        var words = Words(body);
        if (words.Count < MinWords)
            return null;
        var slots = new uint[Slots];
        Array.Fill(slots, uint.MaxValue);
        var buffer = new StringBuilder();
        for (var i = 0; i + ShingleWords <= words.Count; i++)
        {
            buffer.Clear().Append(words[i]).Append(' ').Append(words[i + 1]).Append(' ').Append(words[i + 2]);
            var hash = XxHash64.HashToUInt64(Utf8(buffer));
            for (var s = 0; s < Slots; s++)
            {
                var mixed = (uint)(Mix(hash ^ Seeds[s]) >> 32);
                if (mixed < slots[s])
                    slots[s] = mixed;
            }
        }
        return new BodyFingerprint(slots);
    }

    /// <summary>Reads a signature written by <see cref="ToBytes"/>.</summary>
    public static BodyFingerprint FromBytes(ReadOnlySpan<byte> bytes)
    {
        var slots = new uint[Slots];
        for (var s = 0; s < Slots; s++)
            slots[s] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(s * 4)..]);
        return new BodyFingerprint(slots);
    }

    /// <summary>The signature as 256 bytes, for the index.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[Slots * 4];
        for (var s = 0; s < Slots; s++)
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(s * 4), Values[s]);
        return bytes;
    }

    /// <summary>Estimated Jaccard similarity of the two bodies' shingle sets, 0 to 1.</summary>
    public double Similarity(BodyFingerprint other)
    {
        var equal = 0;
        for (var s = 0; s < Slots; s++)
        {
            if (Values[s] == other.Values[s])
                equal++;
        }
        return equal / (double)Slots;
    }

    /// <summary>The key of one band: its index and its slots, so equal slots in different bands never meet.</summary>
    public ulong BandKey(int band)
    {
        ulong key = (ulong)band * 0x9E3779B97F4A7C15UL;
        for (var r = 0; r < RowsPerBand; r++)
            key = Mix(key ^ Values[band * RowsPerBand + r]);
        return key;
    }

    /// <summary>Lower-cased runs of letters and digits; punctuation and spacing edits do not matter.</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
                start = i;
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }
        return words;
    }

    private static byte[] Utf8(StringBuilder text) => Encoding.UTF8.GetBytes(text.ToString());

    /// <summary>SplitMix64's finaliser: every input bit flips about half the output bits.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong[] CreateSeeds()
    {
        var seeds = new ulong[Slots];
        ulong state = 0x5EA2C4D15EA2C4D1UL;
        for (var s = 0; s < Slots; s++)
        {
            state += 0x9E3779B97F4A7C15UL;
            seeds[s] = Mix(state);
        }
        return seeds;
    }
}
