using System.Text;

namespace Search.Ingest.Reading;

/// <summary>
/// Turns file bytes into text: UTF-8 (with or without BOM), UTF-16 with a BOM, or Windows-1252
/// when the bytes are not valid UTF-8. Binary content is refused rather than decoded into noise.
/// </summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Above this share of control characters the "text" is almost surely a binary format.
    private const double MaxControlCharRatio = 0.05;

    // The control characters text does not use: all of them but the line and page breaks and the tab.
    private static readonly System.Buffers.SearchValues<char> StrayControls = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0xA0).Select(c => (char)c).Where(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'))]);

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes <paramref name="bytes"/>; returns <c>false</c> with a reason when they are not text.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out string text, out string? reason)
    {
        text = "";
        reason = null;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return TryStrictUtf8(bytes[3..], out text, out reason);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return Accept(Encoding.Unicode.GetString(bytes[2..]), out text, out reason);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return Accept(Encoding.BigEndianUnicode.GetString(bytes[2..]), out text, out reason);
        if (bytes.Contains((byte)0))
        {
            reason = "The file looks binary (it contains NUL bytes).";
            return false;
        }
        if (TryStrictUtf8(bytes, out text, out reason))
            return true;
        return Accept(Encoding.GetEncoding(1252).GetString(bytes), out text, out reason);
    }

    private static bool TryStrictUtf8(ReadOnlySpan<byte> bytes, out string text, out string? reason)
    {
        try
        {
            return Accept(StrictUtf8.GetString(bytes), out text, out reason);
        }
        catch (DecoderFallbackException)
        {
            text = "";
            reason = "The file is not valid UTF-8.";
            return false;
        }
    }

    private static bool Accept(string decoded, out string text, out string? reason)
    {
        text = decoded;
        reason = null;
        if (decoded.Length == 0)
            return true;
        // Searched for rather than tested one by one: most text has none, and the search is vectorised.
        var control = 0;
        for (var rest = decoded.AsSpan(); rest.IndexOfAny(StrayControls) is var at and >= 0; rest = rest[(at + 1)..])
            control++;
        if (decoded.Contains('\0') || (double)control / decoded.Length > MaxControlCharRatio)
        {
            text = "";
            reason = "The file looks binary (too many control characters).";
            return false;
        }
        return true;
    }
}
