using Search.Core;
using Search.Ingest.Extraction;

namespace Search.Ingest.Reading;

/// <summary>
/// Reads article files and folders into articles. Folders are read recursively in ordinal order of
/// relative path, so two runs over the same files yield the same sequence. Nothing a file holds can
/// stop a run: each file, and each record of a file holding many, is read inside a boundary that
/// turns any failure into a <see cref="SkippedFile"/> with the file, the record and the reason.
/// </summary>
/// <remarks>
/// Supported: <c>.txt</c> (raw scraped text), <c>.html</c>/<c>.htm</c> (saved pages), <c>.json</c>
/// (an array of article objects or one object, read whole within <see cref="IngestOptions.MaxFileBytes"/>)
/// and <c>.jsonl</c> (one article per line, streamed, each line within <see cref="IngestOptions.MaxRecordBytes"/>).
/// Other files inside folders are skipped as an unsupported file type; hidden ones (a name starting
/// with a dot) are not mentioned. Which paths are read at all is decided by <see cref="FileWalker"/>.
/// Ids: for text and HTML the path relative to the folder argument it was found under, with forward
/// slashes (the file name for a file argument); for JSON the record's <c>id</c>, else the relative
/// path, <c>#</c> and the line number (or array position). Each result carries its <see cref="SourceRef"/>,
/// and <see cref="Article.Source"/> is that reference's text.
/// </remarks>
public sealed class ArticleFileReader
{
    private readonly IngestOptions _options;
    private readonly ArticleExtractor _extractor;
    private readonly IReadOnlyList<ArticleFormat> _formats;
    private readonly FileContent _content;
    private readonly FileWalker _walker;

    /// <summary>Creates a reader; <paramref name="options"/> defaults to <see cref="IngestOptions.Default"/>.</summary>
    public ArticleFileReader(IngestOptions? options = null)
        : this(options, ArticleFormat.Defaults)
    {
    }

    /// <summary>Creates a reader with its own formats (tests use this to feed a format that fails).</summary>
    internal ArticleFileReader(IngestOptions? options, IReadOnlyList<ArticleFormat> formats)
    {
        _options = options ?? IngestOptions.Default;
        if (_options.MaxFileBytes <= 0)
            throw new ArgumentOutOfRangeException(nameof(options), _options.MaxFileBytes, "The file size limit must be positive.");
        if (_options.MaxRecordBytes <= 0)
            throw new ArgumentOutOfRangeException(nameof(options), _options.MaxRecordBytes, "The record size limit must be positive.");
        if (_options.StallTimeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(options), _options.StallTimeout, "The stall timeout must be positive.");
        _extractor = ReferenceEquals(_options.Groups, GroupAliasTable.Default) ? ArticleExtractor.Default : new ArticleExtractor(_options.Groups);
        _formats = formats;
        _content = new FileContent(_options);
        var supported = string.Join(", ", formats.SelectMany(f => f.Extensions));
        _walker = new FileWalker(_options, extension => FormatFor(extension) is not null, supported);
    }

    /// <summary>The file extensions read (lower case, with the dot).</summary>
    public static IReadOnlyCollection<string> SupportedExtensions { get; } =
        [.. ArticleFormat.Defaults.SelectMany(f => f.Extensions)];

    /// <summary>
    /// Reads every file and folder in <paramref name="paths"/>, lazily and in order. Each result is an
    /// <see cref="IngestedArticle"/> or a <see cref="SkippedFile"/>; nothing is thrown for a bad file.
    /// </summary>
    public IEnumerable<IngestResult> Read(IEnumerable<string> paths) => ReadUnextracted(paths).Select(result => result());

    /// <summary>
    /// Reads like <see cref="Read(IEnumerable{string})"/>, but leaves each article's cleaning and
    /// extraction to whoever calls its function, so several threads can extract while one reads. A
    /// function never throws for a bad article (it returns a <see cref="SkippedFile"/>) and may be
    /// called on any thread.
    /// </summary>
    internal IEnumerable<Func<IngestResult>> ReadUnextracted(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
        {
            foreach (var walked in _walker.Walk(path))
            {
                if (walked.SkipReason is { } reason)
                {
                    var skip = new SkippedFile(new SourceRef(walked.Path), reason);
                    yield return () => skip;
                    continue;
                }
                foreach (var result in ReadFile(walked.Path, walked.RelativeId))
                    yield return result;
            }
        }
    }

    /// <summary>
    /// Reads one regular file that lies under the folder <paramref name="root"/>, giving it the ids it gets
    /// when the whole folder is read (a watcher re-reads only the files that changed).
    /// </summary>
    public IEnumerable<IngestResult> ReadFileUnder(string root, string file)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        if (FormatFor(System.IO.Path.GetExtension(file)) is null)
            return [];
        var relative = System.IO.Path.GetRelativePath(root, file).Replace('\\', '/');
        return ReadFile(file, relative).Select(result => result());
    }

    /// <summary>Reads one file or folder; see <see cref="Read(IEnumerable{string})"/>.</summary>
    public IEnumerable<IngestResult> Read(string path) => Read([path]);

    /// <summary>
    /// Reads articles from JSON text that did not come from a file (an HTTP request body, say): one
    /// object, an array of objects, or one object per line, in the same shape as a <c>.jsonl</c> file,
    /// cleaned and extracted the same way. A record without an <c>id</c> gets <c>source#position</c>.
    /// Bad records come back as <see cref="SkippedFile"/> with <paramref name="source"/> and the position.
    /// </summary>
    public IEnumerable<IngestResult> ReadJson(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        return Guarded(source, () => JsonArticleParser.Parse(json, source, source, linesOnly: false, _options.Facets)).Select(result => result());
    }

    private IEnumerable<Func<IngestResult>> ReadFile(string path, string relativeId)
    {
        var format = FormatFor(System.IO.Path.GetExtension(path))!;
        return Guarded(path, () => format.Read(path, relativeId, _content));
    }

    /// <summary>
    /// Runs a format over one file, each record with its extraction still to run, turning any exception
    /// into a skip: of the record when extraction fails, of the rest of the file when reading it fails.
    /// </summary>
    private IEnumerable<Func<IngestResult>> Guarded(string file, Func<IEnumerable<FormatRecord>> read)
    {
        IEnumerator<FormatRecord>? records = null;
        int? lastRecord = null;
        try
        {
            while (true)
            {
                Func<IngestResult> result;
                var stop = false;
                try
                {
                    records ??= read().GetEnumerator();
                    if (!records.MoveNext())
                        break;
                    var record = records.Current;
                    lastRecord = record.Source.Record;
                    result = () => Extract(record);
                }
                catch (Exception e)
                {
                    var skip = new SkippedFile(new SourceRef(file, lastRecord is { } last ? last + 1 : null), ReasonFor(e, lastRecord));
                    result = () => skip;
                    stop = true;
                }
                yield return result;
                if (stop)
                    yield break;
            }
        }
        finally
        {
            try
            {
                records?.Dispose();
            }
            catch (Exception)
            {
                // The file was read or reported already; failing to release it must not fail the run.
            }
        }
    }

    private static string ReasonFor(Exception e, int? lastRecord)
    {
        var reason = e is ArticleReadException ? e.Message : $"Reading failed ({e.GetType().Name}): {e.Message}";
        return lastRecord is { } last ? $"{reason} The records up to {last} were read; the rest of the file was skipped." : reason;
    }

    /// <summary>Finishes reading a record if it needs it, then extracts its article; never throws.</summary>
    private IngestResult Extract(FormatRecord record)
    {
        if (record.Later is { } later)
        {
            try
            {
                record = later();
            }
            catch (Exception e)
            {
                return new SkippedFile(record.Source, ReasonFor(e, null));
            }
        }
        return record.Input is { } input ? Extract(input, record.Source) : new SkippedFile(record.Source, record.Error!);
    }

    private IngestResult Extract(ArticleInput input, SourceRef source)
    {
        try
        {
            var article = _extractor.Extract(input);
            return string.IsNullOrWhiteSpace(article.Body)
                ? new SkippedFile(source, "Nothing is left of the text after removing boilerplate.")
                : new IngestedArticle(article, source);
        }
        catch (Exception e)
        {
            // One article the extractor cannot handle must not end the run for the others.
            return new SkippedFile(source, $"Extraction failed ({e.GetType().Name}): {e.Message}");
        }
    }

    private ArticleFormat? FormatFor(string extension) =>
        _formats.FirstOrDefault(f => f.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase));
}
