using System.Security.Cryptography;
using Search.Core.Duplicates;

namespace Search.Core.Tests.Discovery;

/// <summary>
/// Signatures are stored in the index and compared with those of articles added later, so the
/// signature of a text must never change: these pin it, as the first eight bytes of a SHA-256 of
/// the 128 stored bytes, and pin that a signature stored by earlier versions (each bin's whole
/// 32-bit hash, 256 bytes) reads as the one computed now.
/// </summary>
public sealed class BodyFingerprintTests
{
    [Theory]
    [InlineData("The Federal Reserve raised its key rate by half a point on Tuesday, citing INFLATION that ran above 4 pct in May.", "29EF7AFC7C4D8F76")]
    [InlineData("Zürich-based Crédit Suisse said Ängström units—and the réseau's 3.5 billion francs—were unaffected, a spokesman told Reuters.", "4254F6A6FFE4508F")]
    [InlineData("İstanbul's ǅemal and 日本語 reporters \uD83D\uDE00 filed 12,500 words — ÉCOLE naïve STRASSE straße … a1B2 c3 çççççççççççççççççççççççççççççççççççççççççççççççççççççççççççççççççççççç end\tTAB", "D214B75BC6214819")]
    [InlineData("one two three four five six seven eight nine ten eleven twelve xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx thirteen", "689F0655E5487127")]
    public void A_signature_stays_what_the_index_stored(string body, string digest)
    {
        var fingerprint = BodyFingerprint.Of(body)!;

        Assert.Equal(digest, Convert.ToHexString(SHA256.HashData(fingerprint.ToBytes()))[..16]);
    }

    [Fact]
    public void A_signature_stored_whole_by_earlier_versions_reads_as_the_one_computed_now()
    {
        // Stored by the version before signatures were cut to 16 bits a bin, for the first text above.
        const string Stored =
            "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEE20DA8EFFFFFFFF1F95E46FFFFFFFFFFFFFFFFFFFFFFFFF8F5E6BA4FFFFFFFFFFFFFFFF84F241DEFFFFFFFF" +
            "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF258D9A38FFFFFFFFFFFFFFFF8B17D512BAA62DF7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF" +
            "1BB78E2DFFFFFFFFFFFFFFFFBFB6D988FFFFFFFF9F6EEA89C6719819FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5899B192FFFFFFFF6755C5F9FFFFFFFF" +
            "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF61E6A6C90B884E8FFFFFFFFF885AA593FFFFFFFF";
        var computed = BodyFingerprint.Of("The Federal Reserve raised its key rate by half a point on Tuesday, citing INFLATION that ran above 4 pct in May.")!;

        var read = BodyFingerprint.FromBytes(Convert.FromHexString(Stored))!;

        Assert.Equal(computed.ToBytes(), read.ToBytes());
        Assert.Equal(computed.Codes, read.Codes);
        Assert.Equal(Enumerable.Range(0, BodyFingerprint.Bands).Select(computed.BandKey), Enumerable.Range(0, BodyFingerprint.Bands).Select(read.BandKey));
    }

    [Fact]
    public void A_bin_keeps_the_code_of_its_whole_hash()
    {
        var whole = new byte[BodyFingerprint.Slots * sizeof(uint)];
        Array.Fill(whole, (byte)0xFF);
        // 0xFFFFFFFE is 65,534 modulo 65,535, one below the value of an empty bin; 0x0001FFFF is 1.
        BitConverter.TryWriteBytes(whole.AsSpan(0, 4), 0xFFFFFFFEu);
        BitConverter.TryWriteBytes(whole.AsSpan(4, 4), 0x0001FFFFu);

        var read = BodyFingerprint.FromBytes(whole)!;

        Assert.Equal((byte)(0xFFFFFFFEu % 255 + 1), read.Codes[0]);
        Assert.Equal((byte)(0x0001FFFFu % 255 + 1), read.Codes[1]);
        Assert.All(read.Codes.Skip(2), code => Assert.Equal(BodyFingerprint.EmptyCode, code));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(64)]
    [InlineData(200)]
    public void Bytes_of_another_length_are_no_signature(int length)
    {
        Assert.Null(BodyFingerprint.FromBytes(new byte[length]));
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
