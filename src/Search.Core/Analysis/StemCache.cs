using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Analysis;

/// <summary>
/// Recently stemmed words and their stems, for <see cref="EnglishTermFilter"/>: news repeats a small
/// vocabulary, and looking a word up costs less than stemming it again. Direct-mapped: a slot of 64
/// bytes holds the word and its stem inline, so a look-up reads one place and allocates nothing, and
/// a word that lands on a taken slot replaces the word there. On Reuters, 4,096 slots (256 KB) held
/// the stems of 75 % of the words of 15 letters or fewer and cut the stemming time of the writer's
/// profile by a fifth; 16,384 slots held 88 % and made stemming no shorter.
/// No table is made until an instance has stemmed <see cref="WordsBeforeTable"/> words, so analysing
/// queries and short texts never pays for one. One instance per token stream, on one thread.
/// </summary>
internal sealed class StemCache
{
    /// <summary>Longer words (few) are stemmed each time.</summary>
    public const int MaxWordLength = 15;

    private const int WordsBeforeTable = 4_096;
    private const int SlotBits = 12;
    // A slot: the word's length, the stem's length, then the word and the stem in 15 characters each.
    private const int SlotChars = 32;
    private const int WordAt = 2;
    private const int StemAt = WordAt + MaxWordLength;
    // The stem's length of a word that is its own stem: nothing to copy back.
    private const char Unchanged = char.MaxValue;

    private char[]? _slots;
    private int _stemmed;

    /// <summary>Replaces the word in <paramref name="term"/> with its remembered stem; false when it is not remembered.</summary>
    public bool TryStem(ICharTermAttribute term)
    {
        var length = term.Length;
        if (_slots is not { } slots || length > MaxWordLength)
            return false;
        var word = term.Buffer.AsSpan(0, length);
        var at = Slot(word);
        if (slots[at] != length || !word.SequenceEqual(slots.AsSpan(at + WordAt, length)))
            return false;
        var stemLength = slots[at + 1];
        if (stemLength != Unchanged)
            term.CopyBuffer(slots, at + StemAt, stemLength);
        return true;
    }

    /// <summary>Remembers a word's stem, in place of any word that shares its slot.</summary>
    public void Remember(ReadOnlySpan<char> word, ReadOnlySpan<char> stem)
    {
        if (_slots is null && ++_stemmed < WordsBeforeTable)
            return;
        if (word.Length is 0 or > MaxWordLength || stem.Length > MaxWordLength)
            return;
        var slots = _slots ??= new char[(1 << SlotBits) * SlotChars];
        var at = Slot(word);
        slots[at] = (char)word.Length;
        word.CopyTo(slots.AsSpan(at + WordAt));
        if (stem.SequenceEqual(word))
        {
            slots[at + 1] = Unchanged;
            return;
        }
        slots[at + 1] = (char)stem.Length;
        stem.CopyTo(slots.AsSpan(at + StemAt));
    }

    private static int Slot(ReadOnlySpan<char> word)
    {
        // FNV-1a, then the top bits: the low bits of a multiplicative hash of short words are poor.
        var hash = 2166136261u;
        foreach (var c in word)
            hash = (hash ^ c) * 16777619u;
        return (int)(hash * 0x9E3779B1u >> (32 - SlotBits)) * SlotChars;
    }
}
