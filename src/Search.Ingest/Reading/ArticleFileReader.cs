using Search.Core;
using Search.Ingest.Extraction;

namespace Search.Ingest.Reading;

/// <summary>
/// Reads article files and folders into articles. Folders are read recursively in ordinal order of
/// relative path, so two runs over the same files yield the same sequence. A file that cannot be
/// used is reported as a <see cref="SkippedFile"/> with its reason and the run goes on.
/// </summary>
/// <remarks>
/// Supported: <c>.txt</c> (raw scraped text), <c>.html</c>/<c>.htm</c> (saved pages),
/// <c>.jsonl</c>/<c>.json</c> (one article per line, or an array or single object). Ids: for text
/// and HTML the path relative to the folder argument it was found under, with forward slashes (the
/// file name for a file argument); for JSON the record's <c>id</c>, else the relative path, <c>#</c>
/// and the line number (or array position). <see cref="Article.Source"/> is the file path, and for a
/// record of a JSON Lines file or JSON array the path, <c>#</c> and the line number (or array
/// position), since one file holds many articles. Other files inside folders are ignored.
/// </remarks>
public sealed class ArticleFileReader
{
    private static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase) { ".txt" };
    private static readonly HashSet<string> HtmlExtensions = new(StringComparer.OrdinalIgnoreCase) { ".html", ".htm" };
    private static readonly HashSet<string> JsonExtensions = new(StringComparer.OrdinalIgnoreCase) { ".jsonl", ".json" };

    private readonly IngestOptions _options;
    private readonly ArticleExtractor _extractor;

    /// <summary>Creates a reader; <paramref name="options"/> defaults to <see cref="IngestOptions.Default"/>.</summary>
    public ArticleFileReader(IngestOptions? options = null)
    {
        _options = options ?? IngestOptions.Default;
        if (_options.MaxFileBytes <= 0)
            throw new ArgumentOutOfRangeException(nameof(options), _options.MaxFileBytes, "The file size limit must be positive.");
        _extractor = ReferenceEquals(_options.Groups, GroupAliasTable.Default) ? ArticleExtractor.Default : new ArticleExtractor(_options.Groups);
    }

    /// <summary>The file extensions read (lower case, with the dot).</summary>
    public static IReadOnlyCollection<string> SupportedExtensions { get; } =
        [.. TextExtensions, .. HtmlExtensions, .. JsonExtensions];

    /// <summary>
    /// Reads every file and folder in <paramref name="paths"/>, lazily and in order. Each result is an
    /// <see cref="IngestedArticle"/> or a <see cref="SkippedFile"/>; nothing is thrown for a bad file.
    /// </summary>
    public IEnumerable<IngestResult> Read(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
        {
            foreach (var result in ReadPath(path))
                yield return result;
        }
    }

    /// <summary>Reads one file or folder; see <see cref="Read(IEnumerable{string})"/>.</summary>
    public IEnumerable<IngestResult> Read(string path) => Read([path]);

    /// <summary>
    /// Reads articles from JSON text that did not come from a file (an HTTP request body, say): one
    /// object, an array of objects, or one object per line, in the same shape as a <c>.jsonl</c> file,
    /// cleaned and extracted the same way. A record without an <c>id</c> gets <c>source#position</c>.
    /// Bad records come back as <see cref="SkippedFile"/> with <c>source#position</c> as the path.
    /// </summary>
    public IEnumerable<IngestResult> ReadJson(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        return ReadRecords(JsonArticleParser.Parse(json, source, source, linesOnly: false), source);
    }

    private IEnumerable<IngestResult> ReadRecords(IEnumerable<JsonRecord> records, string path) =>
        records.Select(record => record.Input is { } input
            ? Extract(input, $"{path}#{record.Position}")
            : new SkippedFile($"{path}#{record.Position}", record.Error!));

    private IEnumerable<IngestResult> ReadPath(string path)
    {
        if (File.Exists(path))
        {
            if (!SupportedExtensions.Contains(Path.GetExtension(path).ToLowerInvariant()))
                return [new SkippedFile(path, $"Unsupported file type '{Path.GetExtension(path)}'; expected one of {string.Join(", ", SupportedExtensions)}.")];
            return ReadFile(path, Path.GetFileName(path));
        }
        if (Directory.Exists(path))
            return ReadFolder(path);
        return [new SkippedFile(path, "No such file or folder.")];
    }

    private IEnumerable<IngestResult> ReadFolder(string root)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
        var files = Directory.EnumerateFiles(root, "*", options)
            .Where(f => SupportedExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Select(f => (Path: f, Relative: Path.GetRelativePath(root, f).Replace('\\', '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .ToArray();
        return files.SelectMany(f => ReadFile(f.Path, f.Relative));
    }

    private IEnumerable<IngestResult> ReadFile(string path, string relativeId)
    {
        var (text, skipped) = Load(path);
        if (skipped is not null)
        {
            yield return skipped;
            yield break;
        }
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (JsonExtensions.Contains(extension))
        {
            foreach (var result in ReadRecords(JsonArticleParser.Parse(text, relativeId, path, linesOnly: extension == ".jsonl"), path))
                yield return result;
            yield break;
        }
        if (HtmlExtensions.Contains(extension))
        {
            var page = HtmlArticleParser.Parse(text);
            if (string.IsNullOrWhiteSpace(page.Text))
            {
                yield return new SkippedFile(path, "The page has no article text.");
                yield break;
            }
            yield return Extract(new ArticleInput { Id = relativeId, Text = page.Text, Title = page.Title, Url = page.Url, Published = page.Published, Byline = page.Byline, Source = path }, path);
            yield break;
        }
        yield return Extract(new ArticleInput { Id = relativeId, Text = text, Source = path }, path);
    }

    private (string Text, SkippedFile? Skipped) Load(string path)
    {
        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > _options.MaxFileBytes)
                return ("", new SkippedFile(path, $"The file is {length:N0} bytes, over the limit of {_options.MaxFileBytes:N0} bytes."));
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ("", new SkippedFile(path, $"Cannot read the file: {e.Message}"));
        }
        if (!TextDecoder.TryDecode(bytes, out var text, out var reason))
            return ("", new SkippedFile(path, reason!));
        if (string.IsNullOrWhiteSpace(text))
            return ("", new SkippedFile(path, "The file is empty."));
        return (text, null);
    }

    private IngestResult Extract(ArticleInput input, string reportedPath)
    {
        try
        {
            var article = _extractor.Extract(input);
            return string.IsNullOrWhiteSpace(article.Body)
                ? new SkippedFile(reportedPath, "Nothing is left of the text after removing boilerplate.")
                : new IngestedArticle(article);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or SearchException)
        {
            // One article the extractor cannot handle must not end the run for the others.
            return new SkippedFile(reportedPath, $"Extraction failed: {e.Message}");
        }
    }
}
