using System.Buffers.Binary;
using System.IO.Hashing;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Search.Core.Duplicates;

/// <summary>
/// A MinHash signature of an article body over overlapping three-word shingles, by one-permutation
/// hashing: each shingle is hashed once, the hash's top bits pick one of <see cref="Slots"/> bins
/// and each bin keeps its smallest value. The share of equal bins among those filled in either
/// signature estimates the Jaccard similarity of the two shingle sets. Word shingles rather than
/// characters, because wire copy is re-edited by whole words and sentences (a dropped paragraph, a
/// changed dateline), which costs a few shingles each; one hash per shingle rather than one per
/// bin keeps fingerprinting a small part of the cost of indexing.
/// </summary>
internal sealed class BodyFingerprint
{
    /// <summary>Bins in a signature; 64 keeps the estimate within about ±0.06 at 0.5 for a long body.</summary>
    public const int Slots = 64;

    /// <summary>Bins per locality-sensitive band: two bodies become candidates when any band agrees.</summary>
    public const int RowsPerBand = 2;

    /// <summary>
    /// How many bands the writer indexes, over the first <c>Bands × RowsPerBand</c> bins. Sixteen
    /// bands of two make two bodies of similarity 0.4 candidates with probability 0.94 and of 0.5 with
    /// 0.99, at half the memory of banding all 64 bins; the other bins still count in
    /// <see cref="Similarity(ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>.
    /// </summary>
    public const int Bands = 16;

    /// <summary>
    /// Fewer words than this and a body says too little to call two copies the same story
    /// (a one-line stub matches every other stub).
    /// </summary>
    public const int MinWords = 12;

    /// <summary>The smallest hash of a bin no shingle fell into.</summary>
    private const uint NoHash = uint.MaxValue;

    /// <summary>The value of a bin no shingle fell into.</summary>
    private const ushort Empty = ushort.MaxValue;

    /// <summary>Bytes of a signature as the index stores it: a 16-bit value a bin.</summary>
    public const int StoredLength = Slots * sizeof(ushort);

    /// <summary>Bytes of a signature as indexes written before kept it: each bin's whole 32-bit hash.</summary>
    private const int WholeHashLength = Slots * sizeof(uint);

    private BodyFingerprint(ushort[] values)
    {
        Values = values;
        Codes = new byte[Slots];
        for (var s = 0; s < Slots; s++)
            Codes[s] = values[s] == Empty ? EmptyCode : (byte)(values[s] % byte.MaxValue + 1);
    }

    /// <summary>
    /// Each bin's smallest shingle hash modulo 65,535, <see cref="ushort.MaxValue"/> where none fell.
    /// Sixteen bits a bin make two bins a band key of 32 bits, which random bodies share once in four
    /// billion; the rest of the hash only doubled what the index stored (signatures were a sixth of a
    /// Reuters index and nearly a third of a million-article one). The modulus is a multiple of 255,
    /// so each bin's <see cref="Codes"/> are those of its whole hash, as before signatures were cut.
    /// </summary>
    public ushort[] Values { get; }

    /// <summary>
    /// Each bin's value folded to a byte, <see cref="EmptyCode"/> where none fell: what the writer keeps
    /// in memory per cluster (64 bytes rather than 128). Two different values share a code once in 255,
    /// which raises a similarity estimate by at most 0.004, far less than its own sampling error.
    /// </summary>
    public byte[] Codes { get; }

    /// <summary>The code of an empty bin.</summary>
    public const byte EmptyCode = 0;

    /// <summary>The signature of a body, or <c>null</c> when it has fewer than <see cref="MinWords"/> words.</summary>
    public static BodyFingerprint? Of(string body)
    {
        // Words are lower-cased runs of letters and digits, so punctuation and spacing edits do not
        // matter. One pass: each word's hash completes the shingle of the two before it, so the
        // words are never collected.
        var shingles = new Shingles();
        Span<char> word = stackalloc char[MaxWordLength];
        var length = 0;
        var fold = AsciiFold;
        foreach (var c in body)
        {
            // A table for ASCII: the branches of the character tests were most of the cost of a body.
            var folded = c < 0x80 ? fold[c] : char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : Separator;
            if (folded != Separator)
            {
                // A longer word is hashed by its first MaxWordLength characters.
                if (length < word.Length)
                    word[length++] = folded;
            }
            else if (length > 0)
            {
                shingles.AddWord(word[..length]);
                length = 0;
            }
        }
        if (length > 0)
            shingles.AddWord(word[..length]);
        return shingles.Words < MinWords ? null : new BodyFingerprint(Cut(shingles.Bins));
    }

    private const int MaxWordLength = 64;

    private const char Separator = '\0';

    /// <summary>Each ASCII character's lower-case form when it is a letter or digit, <see cref="Separator"/> when it separates words.</summary>
    private static readonly char[] AsciiFold = [.. Enumerable.Range(0, 0x80).Select(c => char.IsAsciiLetterOrDigit((char)c) ? char.ToLowerInvariant((char)c) : Separator)];

    /// <summary>The bins of one body's signature as its words arrive.</summary>
    private struct Shingles
    {
        private ulong _first;
        private ulong _second;

        public Shingles()
        {
            Bins = new uint[Slots];
            Array.Fill(Bins, NoHash);
        }

        /// <summary>Each bin's smallest shingle hash so far, <see cref="NoHash"/> where none fell.</summary>
        public uint[] Bins { get; }

        public int Words { get; private set; }

        public void AddWord(ReadOnlySpan<char> word)
        {
            var hash = XxHash64.HashToUInt64(MemoryMarshal.AsBytes(word));
            if (++Words >= 3)
            {
                var shingle = Mix(Mix(Mix(_first) ^ _second) ^ hash);
                var bin = (int)(shingle >> 58);
                var value = (uint)shingle;
                if (value < Bins[bin])
                    Bins[bin] = value;
            }
            (_first, _second) = (_second, hash);
        }
    }

    /// <summary>
    /// Reads a signature written by <see cref="ToBytes"/>, or by earlier versions, which stored each
    /// bin's whole hash: cut as <see cref="Of"/> cuts it, it compares and bands the same as the
    /// signature of the same body computed now. <c>null</c> for bytes of any other length.
    /// </summary>
    public static BodyFingerprint? FromBytes(ReadOnlySpan<byte> bytes)
    {
        switch (bytes.Length)
        {
            case StoredLength:
                var values = new ushort[Slots];
                for (var s = 0; s < Slots; s++)
                    values[s] = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(s * sizeof(ushort))..]);
                return new BodyFingerprint(values);
            case WholeHashLength:
                var hashes = new uint[Slots];
                for (var s = 0; s < Slots; s++)
                    hashes[s] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(s * sizeof(uint))..]);
                return new BodyFingerprint(Cut(hashes));
            default:
                return null;
        }
    }

    /// <summary>The signature as <see cref="StoredLength"/> bytes, for the index.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[StoredLength];
        for (var s = 0; s < Slots; s++)
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(s * sizeof(ushort)), Values[s]);
        return bytes;
    }

    private static ushort[] Cut(ReadOnlySpan<uint> hashes)
    {
        var values = new ushort[Slots];
        for (var s = 0; s < Slots; s++)
            values[s] = hashes[s] == NoHash ? Empty : (ushort)(hashes[s] % ushort.MaxValue);
        return values;
    }

    /// <summary>Estimated Jaccard similarity of two bodies' shingle sets, 0 to 1, from their <see cref="Codes"/>.</summary>
    public static double Similarity(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        // Sixteen bins at a time: the writer compares each new body with every candidate cluster,
        // which templated wire copy can make many. A bin counts when either code is filled (not 0), and
        // agrees when the codes are equal.
        int equal = 0, filled = 0;
        for (var s = 0; s < Slots; s += Vector128<byte>.Count)
        {
            var x = Vector128.Create(a.Slice(s, Vector128<byte>.Count));
            var y = Vector128.Create(b.Slice(s, Vector128<byte>.Count));
            var bothEmpty = Vector128.Equals(x | y, Vector128<byte>.Zero).ExtractMostSignificantBits();
            var same = Vector128.Equals(x, y).ExtractMostSignificantBits();
            filled += Vector128<byte>.Count - BitOperations.PopCount(bothEmpty);
            equal += BitOperations.PopCount(same & ~bothEmpty);
        }
        return filled == 0 ? 0 : equal / (double)filled;
    }

    private ulong?[]? _bandKeys;

    /// <summary>
    /// Each band's <see cref="BandKey"/>, computed on first use: the writer looks a new signature up
    /// under these keys and then records it under the same ones.
    /// </summary>
    public ReadOnlySpan<ulong?> BandKeys
    {
        get
        {
            if (_bandKeys is null)
            {
                var keys = new ulong?[Bands];
                for (var b = 0; b < Bands; b++)
                    keys[b] = BandKey(b);
                _bandKeys = keys;
            }
            return _bandKeys;
        }
    }

    /// <summary>
    /// The key of one band (its index and its bins, so equal bins in different bands never meet), or
    /// <c>null</c> for a signature with no filled bin. An empty bin borrows the value of the next filled
    /// bin to its right (wrapping), with the distance: a short body fills few of the 64 bins, and
    /// without borrowing most of its bands would be unusable, so its copies would seldom meet. Two
    /// bodies meet on a borrowed value only when they share that bin's value and its distance, never
    /// on emptiness alone.
    /// </summary>
    public ulong? BandKey(int band)
    {
        ulong key = (ulong)(band + 1) * 0x9E3779B97F4A7C15UL;
        for (var r = 0; r < RowsPerBand; r++)
        {
            var bin = band * RowsPerBand + r;
            var distance = 0;
            while (distance < Slots && Values[(bin + distance) % Slots] == Empty)
                distance++;
            if (distance == Slots)
                return null;
            key = Mix(key ^ Values[(bin + distance) % Slots] ^ ((ulong)distance << 32));
        }
        return key;
    }

    /// <summary>SplitMix64's finaliser: every input bit flips about half the output bits.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
