using Search.Ingest.Extraction;

namespace Search.Ingest.Reading;

/// <summary>
/// One kind of article file: which extensions it reads and how a file becomes records. A format
/// may throw; <see cref="ArticleFileReader"/> turns any exception into a skip of that file.
/// </summary>
internal abstract class ArticleFormat
{
    /// <summary>The extensions read, lower case with the dot.</summary>
    public abstract IReadOnlyCollection<string> Extensions { get; }

    /// <summary>The records of the file at <paramref name="path"/>, lazily and in file order.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="relativeId">The id for an article that names none: the path relative to the folder argument.</param>
    /// <param name="content">Reads the file within the run's limits.</param>
    public abstract IEnumerable<FormatRecord> Read(string path, string relativeId, FileContent content);

    /// <summary>The formats a reader uses unless told otherwise.</summary>
    public static IReadOnlyList<ArticleFormat> Defaults { get; } =
        [new TextFormat(), new HtmlFormat(), new JsonFormat(), new JsonLinesFormat()];
}

/// <summary>Raw scraped text: one article per <c>.txt</c> file.</summary>
internal sealed class TextFormat : ArticleFormat
{
    /// <inheritdoc />
    public override IReadOnlyCollection<string> Extensions { get; } = [".txt"];

    /// <inheritdoc />
    public override IEnumerable<FormatRecord> Read(string path, string relativeId, FileContent content)
    {
        var text = content.ReadText(path);
        yield return new FormatRecord(new SourceRef(path), new ArticleInput { Id = relativeId, Text = text, Source = path }, null);
    }
}

/// <summary>A saved web page: its main content, title, canonical address and publication date.</summary>
internal sealed class HtmlFormat : ArticleFormat
{
    /// <inheritdoc />
    public override IReadOnlyCollection<string> Extensions { get; } = [".html", ".htm"];

    /// <inheritdoc />
    public override IEnumerable<FormatRecord> Read(string path, string relativeId, FileContent content)
    {
        var html = content.ReadText(path);
        var source = new SourceRef(path);
        // Parsing a page costs many times reading it: it is left to the extraction threads.
        yield return new FormatRecord(source, null, null, Later: () =>
        {
            var page = HtmlArticleParser.Parse(html);
            return string.IsNullOrWhiteSpace(page.Text)
                ? new FormatRecord(source, null, "The page has no article text.")
                : new FormatRecord(source, new ArticleInput { Id = relativeId, Text = page.Text, Title = page.Title, Url = page.Url, Published = page.Published, Byline = page.Byline, Source = path }, null);
        });
    }
}

/// <summary>A <c>.json</c> file: an array of article objects or one object, read whole within the file limit.</summary>
internal sealed class JsonFormat : ArticleFormat
{
    /// <inheritdoc />
    public override IReadOnlyCollection<string> Extensions { get; } = [".json"];

    /// <inheritdoc />
    public override IEnumerable<FormatRecord> Read(string path, string relativeId, FileContent content) =>
        JsonArticleParser.Parse(content.ReadText(path), relativeId, path, linesOnly: false, content.Options.Facets);
}

/// <summary>
/// A <c>.jsonl</c> file: one article object per line, streamed. The size limit, the binary check and
/// the field checks apply to each line, so one bad line is skipped with its number and the rest are read.
/// </summary>
internal sealed class JsonLinesFormat : ArticleFormat
{
    /// <inheritdoc />
    public override IReadOnlyCollection<string> Extensions { get; } = [".jsonl"];

    /// <inheritdoc />
    public override IEnumerable<FormatRecord> Read(string path, string relativeId, FileContent content)
    {
        var max = content.Options.MaxRecordBytes;
        using var stream = content.Open(path);
        foreach (var line in LineSplitter.Split(stream, max))
        {
            var source = new SourceRef(path, line.Number);
            if (line.Bytes is not { } bytes)
            {
                yield return new FormatRecord(source, null, $"Line {line.Number} is {line.Length:N0} bytes, over the record limit of {max:N0} bytes.");
                continue;
            }
            if (line.Number == 1 && IsUtf16(bytes))
            {
                // UTF-16 cannot be split on newline bytes; such a file is read whole, within the file limit.
                foreach (var record in JsonArticleParser.Parse(content.ReadText(path), relativeId, path, linesOnly: true, content.Options.Facets))
                    yield return record;
                yield break;
            }
            if (line.Number == 1 && bytes is [0xEF, 0xBB, 0xBF, ..])
                bytes = bytes[3..];
            if (bytes.AsSpan().IndexOfAnyExcept((byte)' ', (byte)'\t') < 0)
                continue;
            if (bytes.AsSpan().Contains((byte)0))
            {
                yield return new FormatRecord(source, null, $"Line {line.Number} contains a NUL byte, so it looks binary; the line was skipped.");
                continue;
            }
            yield return TextDecoder.TryDecode(bytes, out var json, out var reason)
                ? JsonArticleParser.ParseLine(json, line.Number, relativeId, path, content.Options.Facets)
                : new FormatRecord(source, null, $"Line {line.Number} is not text ({reason}); the line was skipped.");
        }
    }

    private static bool IsUtf16(byte[] bytes) => bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..];
}
