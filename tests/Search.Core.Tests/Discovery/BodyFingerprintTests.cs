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
}
