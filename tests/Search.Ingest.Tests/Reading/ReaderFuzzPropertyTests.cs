using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Search.Ingest.Reading;

namespace Search.Ingest.Tests.Reading;

/// <summary>
/// Random bytes saved as an article file of each supported kind are read or skipped with a reason;
/// no exception escapes the reader, whatever the bytes.
/// </summary>
public sealed class ReaderFuzzPropertyTests
{
    private static readonly byte[][] Fragments =
    [
        "{\"id\":\"a\",\"title\":\"T\",\"body\":\"B\"}\n"u8.ToArray(), "{\"body\": 5}\n"u8.ToArray(), "<html><body><p>x</p>"u8.ToArray(),
        "\n"u8.ToArray(), "\r\n"u8.ToArray(), [0], [0xFF, 0xFE], [0xEF, 0xBB, 0xBF], [0xC3], "\"\\u0000\""u8.ToArray(), "[{\"title\":"u8.ToArray(),
        "<script>"u8.ToArray(), "&#0;&#xD800;"u8.ToArray(),
    ];

    public static Arbitrary<(string Extension, byte[] Bytes)> Files() =>
        (from extension in Gen.Elements(".txt", ".html", ".htm", ".json", ".jsonl")
         from parts in Gen.ListOf(Gen.OneOf(Gen.Elements(Fragments), Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b))))
         select (extension, parts.SelectMany(p => p).ToArray())).ToArbitrary();

    [Property(MaxTest = 200, Arbitrary = [typeof(ReaderFuzzPropertyTests)])]
    public void Read_ForAnyBytes_ReadsOrSkipsWithAReason((string Extension, byte[] Bytes) file)
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "fuzzed" + file.Extension);
        File.WriteAllBytes(path, file.Bytes);

        var results = new ArticleFileReader().Read(path).ToList();

        Assert.All(results.OfType<SkippedFile>(), s => Assert.False(string.IsNullOrWhiteSpace(s.Reason)));
    }
}
