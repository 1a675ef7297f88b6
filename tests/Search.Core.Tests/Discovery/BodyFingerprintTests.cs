using System.Security.Cryptography;
using Search.Core.Duplicates;

namespace Search.Core.Tests.Discovery;

/// <summary>
/// Signatures are stored in the index and compared with those of articles added later, so the
/// signature of a text must never change: these pin it, as the first eight bytes of a SHA-256 of
/// the 256 stored bytes (values computed by the word-list implementation this one replaced).
/// </summary>
public sealed class BodyFingerprintTests
{
    [Theory]
    [InlineData("The Federal Reserve raised its key rate by half a point on Tuesday, citing INFLATION that ran above 4 pct in May.", "F6ABECEB6996133E")]
    [InlineData("Zürich-based Crédit Suisse said Ängström units—and the réseau's 3.5 billion francs—were unaffected, a spokesman told Reuters.", "1C5A2C7E20FC6146")]
    [InlineData("one two three four five six seven eight nine ten eleven twelve xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx thirteen", "D29210454AB049A3")]
    public void A_signature_stays_what_the_index_stored(string body, string digest)
    {
        var fingerprint = BodyFingerprint.Of(body)!;

        Assert.Equal(digest, Convert.ToHexString(SHA256.HashData(fingerprint.ToBytes()))[..16]);
    }

    [Fact]
    public void Eleven_words_are_too_few()
    {
        Assert.Null(BodyFingerprint.Of("one two three four five six seven eight nine ten eleven"));
    }

    [Fact]
    public void Similarity_counts_the_bins_filled_in_either_and_equal_in_both()
    {
        var a = new byte[BodyFingerprint.Slots];
        var b = new byte[BodyFingerprint.Slots];
        // Bins 0-9 equal and filled, 10-19 filled in both but different, 20-24 filled in a only,
        // 25-29 filled in b only, the rest empty in both: 10 equal of 30 filled.
        for (var s = 0; s < 10; s++)
            a[s] = b[s] = (byte)(s + 1);
        for (var s = 10; s < 20; s++)
            (a[s], b[s]) = (7, 9);
        for (var s = 20; s < 25; s++)
            a[s] = 3;
        for (var s = 25; s < 30; s++)
            b[s] = 3;

        Assert.Equal(10 / 30.0, BodyFingerprint.Similarity(a, b));
        Assert.Equal(1.0, BodyFingerprint.Similarity(a, a));
        Assert.Equal(0.0, BodyFingerprint.Similarity(new byte[BodyFingerprint.Slots], new byte[BodyFingerprint.Slots]));
    }

    [Fact]
    public void Similarity_agrees_with_a_bin_by_bin_count_on_random_codes()
    {
        var random = new Random(16);
        for (var round = 0; round < 2000; round++)
        {
            var a = new byte[BodyFingerprint.Slots];
            var b = new byte[BodyFingerprint.Slots];
            // Few distinct codes, many of them empty, so every case of a bin comes up.
            for (var s = 0; s < BodyFingerprint.Slots; s++)
            {
                a[s] = (byte)random.Next(0, 4);
                b[s] = random.Next(3) == 0 ? a[s] : (byte)random.Next(0, 4);
            }
            int equal = 0, filled = 0;
            for (var s = 0; s < BodyFingerprint.Slots; s++)
            {
                if (a[s] == BodyFingerprint.EmptyCode && b[s] == BodyFingerprint.EmptyCode)
                    continue;
                filled++;
                if (a[s] == b[s])
                    equal++;
            }

            Assert.Equal(filled == 0 ? 0 : equal / (double)filled, BodyFingerprint.Similarity(a, b));
        }
    }
}
