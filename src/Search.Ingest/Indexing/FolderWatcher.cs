using System.Diagnostics;
using Search.Core;
using Search.Ingest.Reading;

namespace Search.Ingest.Indexing;

/// <summary>How a <see cref="FolderWatcher"/> polls and when it trusts a file to be complete.</summary>
public sealed record WatchOptions
{
    /// <summary>How often the folders are listed (default 100 ms).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How long a file's size and modification time must stay the same before it is read (default 500 ms),
    /// so a file still being written is not indexed half. A writer that pauses longer than this mid-file
    /// should write aside and rename into the folder.
    /// </summary>
    public TimeSpan QuietPeriod { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Whether articles of files that vanish (and records gone from changed files) are deleted (default false).</summary>
    public bool RemoveMissing { get; init; }
}

/// <summary>A file's size and last write time: when either moves, the file changed.</summary>
/// <param name="Length">Size in bytes.</param>
/// <param name="LastWriteUtcTicks">Last write time, UTC ticks.</param>
public readonly record struct FileStamp(long Length, long LastWriteUtcTicks);

/// <summary>What one round of a watch wrote.</summary>
/// <param name="Report">The indexer's report for the round (one commit).</param>
/// <param name="Changed">Files read this round: new or changed, and quiet for <see cref="WatchOptions.QuietPeriod"/>.</param>
/// <param name="Vanished">Files gone since the last round.</param>
public sealed record WatchRound(IndexingReport Report, IReadOnlyList<string> Changed, IReadOnlyList<string> Vanished);

/// <summary>
/// Keeps an index up to date with folders: lists them every <see cref="WatchOptions.PollInterval"/> and
/// indexes, through the one write path (<see cref="ArticleIndexer"/>), each file that appeared or changed
/// once it has been quiet for <see cref="WatchOptions.QuietPeriod"/>. Each round opens the writer, commits
/// once and releases the folder, so a host serving the index can write between rounds and sees each
/// round at its next refresh.
/// </summary>
/// <remarks>
/// Polling rather than file-system events: events are lost on overflow and on network folders, say
/// nothing about a file being complete, and a listing every 100 ms costs little next to indexing.
/// </remarks>
public sealed class FolderWatcher
{
    private readonly IReadOnlyList<(string Root, string? File)> _watched;
    private readonly ArticleFileReader _reader;
    private readonly Func<ArticleWriter> _openWriter;
    private readonly string _committedBy;
    private readonly WatchOptions _options;

    /// <summary>Watches <paramref name="paths"/> (folders, recursively, and single files).</summary>
    /// <param name="paths">Folders and files to watch; they must exist.</param>
    /// <param name="reader">Reads the files, with the ingest options of the run.</param>
    /// <param name="openWriter">Opens the index's writer for one round; the watcher disposes it.</param>
    /// <param name="committedBy">Recorded with each commit.</param>
    /// <param name="options">Polling and removal; <c>null</c> for the defaults.</param>
    public FolderWatcher(IReadOnlyList<string> paths, ArticleFileReader reader, Func<ArticleWriter> openWriter, string committedBy, WatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(openWriter);
        ArgumentException.ThrowIfNullOrWhiteSpace(committedBy);
        _watched = paths.Select(Path.GetFullPath)
            .Select(p => File.Exists(p) ? (Path.GetDirectoryName(p)!, (string?)p) : (p, null))
            .ToArray();
        _reader = reader;
        _openWriter = openWriter;
        _committedBy = committedBy;
        _options = options ?? new WatchOptions();
    }

    /// <summary>The readable files under the watched paths now, by full path.</summary>
    public IReadOnlyDictionary<string, FileStamp> Scan()
    {
        var found = new Dictionary<string, FileStamp>(StringComparer.Ordinal);
        var extensions = ArticleFileReader.SupportedExtensions;
        foreach (var (root, file) in _watched)
        {
            IEnumerable<string> files = file is not null ? [file]
                : Directory.Exists(root) ? Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                : [];
            foreach (var path in files)
            {
                if (!extensions.Contains(Path.GetExtension(path).ToLowerInvariant()))
                    continue;
                var info = new FileInfo(path);
                // Gone between listing and looking: the next round sees it absent.
                if (info.Exists)
                    found[path] = new FileStamp(info.Length, info.LastWriteTimeUtc.Ticks);
            }
        }
        return found;
    }

    /// <summary>
    /// Watches until <paramref name="cancellation"/> fires, starting from <paramref name="indexed"/> (the
    /// files as they were when the index was last brought up to date, from <see cref="Scan"/>). A round
    /// under way when cancellation fires finishes and commits first; then the task completes.
    /// </summary>
    /// <param name="indexed">The files already indexed and their stamps.</param>
    /// <param name="onRound">Called after each round's commit.</param>
    /// <param name="cancellation">Stops watching.</param>
    public async Task RunAsync(IReadOnlyDictionary<string, FileStamp> indexed, Action<WatchRound>? onRound, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(indexed);
        var known = new Dictionary<string, FileStamp>(indexed, StringComparer.Ordinal);
        var waiting = new Dictionary<string, (FileStamp Stamp, long Since)>(StringComparer.Ordinal);
        while (!cancellation.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.PollInterval, cancellation);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var now = Scan();
            var clock = Stopwatch.GetTimestamp();
            var ready = new List<string>();
            foreach (var (path, stamp) in now)
            {
                if (known.TryGetValue(path, out var done) && done == stamp)
                {
                    waiting.Remove(path);
                    continue;
                }
                if (waiting.TryGetValue(path, out var seen) && seen.Stamp == stamp)
                {
                    if (Stopwatch.GetElapsedTime(seen.Since, clock) >= _options.QuietPeriod)
                        ready.Add(path);
                }
                else
                {
                    waiting[path] = (stamp, clock);
                }
            }
            var vanished = known.Keys.Where(p => !now.ContainsKey(p)).ToArray();
            foreach (var path in waiting.Keys.Where(p => !now.ContainsKey(p)).ToArray())
                waiting.Remove(path);
            if (ready.Count == 0 && (vanished.Length == 0 || !_options.RemoveMissing))
            {
                foreach (var path in vanished)
                    known.Remove(path);
                continue;
            }
            // Not cancellable: a round that started ends with its commit.
            var report = IndexRound(ready, vanished);
            foreach (var path in ready)
            {
                known[path] = now[path];
                waiting.Remove(path);
            }
            foreach (var path in vanished)
                known.Remove(path);
            onRound?.Invoke(new WatchRound(report, ready, _options.RemoveMissing ? vanished : []));
        }
    }

    private IndexingReport IndexRound(IReadOnlyList<string> changed, IReadOnlyList<string> vanished)
    {
        using var writer = OpenWriterWaiting();
        var indexer = new ArticleIndexer(writer, _committedBy);
        var results = changed.SelectMany(file => _reader.ReadFileUnder(RootOf(file), file)).ToArray();
        IReadOnlyList<string>? removeUnder = _options.RemoveMissing ? [.. changed, .. vanished] : null;
        return indexer.Index(results, removeUnder);
    }

    /// <summary>The writer, waiting out a host that holds it for one request.</summary>
    private ArticleWriter OpenWriterWaiting()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return _openWriter();
            }
            catch (IndexLockedException) when (attempt < 100)
            {
                Thread.Sleep(50);
            }
        }
    }

    private string RootOf(string file) =>
        _watched.Where(w => w.File == file || (w.File is null && file.StartsWith(w.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            .Select(w => w.Root)
            .First();
}
