using System.Diagnostics;
using Search.Core;
using Search.Ingest.Extraction;
using Search.Ingest.Reading;

namespace Search.Ingest.Indexing;

/// <summary>
/// The one write path from articles to an index: read → clean → extract (through
/// <see cref="ArticleFileReader"/>) → upsert. New and changed articles (by content hash and source)
/// are written, unchanged ones counted and left alone, and, when asked, stored articles whose file
/// or record is gone are deleted. Commits every <see cref="CommitEvery"/> changes, but not sooner than
/// <see cref="MinCommitInterval"/> after the run started or last committed, and at the end, so an
/// interrupted run loses at most the uncommitted tail and never leaves a half-written index.
/// </summary>
/// <remarks>
/// Speakers get a collection-level pass (<see cref="SpeakerDirectory"/>): an article crediting a bare
/// surname ("Reagan") is held back until the run has been read, then written with the one full name
/// the run's articles and the speakers already in the index give that surname ("Ronald Reagan").
/// Limits: an article already stored is not rewritten when a later run would resolve it differently
/// (only new and changed articles are written), and a stored article that is rewritten this run
/// counts twice towards which spelling of a name is the commoner.
/// <c>search index</c>, the first-use build of the sample index and the host's <c>POST /api/articles</c>
/// all write through this type. It does not own the writer: the caller opens and disposes it.
/// </remarks>
public sealed class ArticleIndexer
{
    /// <summary>Changes between two commits unless told otherwise.</summary>
    public const int DefaultCommitEvery = 1000;

    /// <summary>
    /// The least time between two commits of a run unless told otherwise. Each commit writes the
    /// articles since the last one as a segment, and a bulk run ends by merging those segments into
    /// one: on Reuters-21578, committing every 1,000 made 22 small segments whose writing and merging
    /// took about a sixth of <c>search index</c> (benchmarks/RESULTS.md, "Issue 16 in sessions 7 and 8"). Ten seconds
    /// bounds the work a crash costs the next run as the count does, in the unit a user waits in.
    /// </summary>
    public static readonly TimeSpan DefaultMinCommitInterval = TimeSpan.FromSeconds(10);

    private readonly ArticleWriter _writer;
    private readonly string _committedBy;
    private long _lastCommit;

    /// <summary>Creates an indexer writing through <paramref name="writer"/>; commits are recorded as made by <paramref name="committedBy"/>.</summary>
    /// <param name="writer">The open writer; the caller disposes it.</param>
    /// <param name="committedBy">The program or command recorded with each commit.</param>
    /// <param name="commitEvery">How many added, updated or removed articles trigger a commit; at least 1.</param>
    /// <param name="minCommitInterval">The least time between two commits of a run (<see cref="DefaultMinCommitInterval"/> when not given); zero commits at every <paramref name="commitEvery"/> changes.</param>
    public ArticleIndexer(ArticleWriter writer, string committedBy, int commitEvery = DefaultCommitEvery, TimeSpan? minCommitInterval = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentException.ThrowIfNullOrWhiteSpace(committedBy);
        ArgumentOutOfRangeException.ThrowIfLessThan(commitEvery, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(minCommitInterval ?? TimeSpan.Zero, TimeSpan.Zero);
        _writer = writer;
        _committedBy = committedBy;
        CommitEvery = commitEvery;
        MinCommitInterval = minCommitInterval ?? DefaultMinCommitInterval;
    }

    /// <summary>How many added, updated or removed articles trigger a commit, once <see cref="MinCommitInterval"/> has passed.</summary>
    public int CommitEvery { get; }

    /// <summary>The least time between two commits of a run; the last commit of a run is made however soon.</summary>
    public TimeSpan MinCommitInterval { get; }

    /// <summary>How many commits this indexer has made.</summary>
    public int Commits { get; private set; }

    /// <summary>
    /// Reads the files and folders in <paramref name="paths"/> with <paramref name="reader"/> and indexes
    /// them. With <paramref name="removeMissing"/>, stored articles whose file lies under one of the
    /// paths and that were not read this run are deleted; see <see cref="Index"/>.
    /// </summary>
    public IndexingReport IndexPaths(
        ArticleFileReader reader,
        IReadOnlyList<string> paths,
        bool removeMissing = false,
        Action<IndexingProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(paths);
        var pending = reader.ReadUnextracted(paths).Select(read => (Func<IngestResult>)(() => WithAbsoluteSource(read())));
        var report = Write(ReadAhead.Of(pending, _writer.Prepare, cancellation), storedIsWhole: true, removeMissing ? paths : null, progress, cancellation, out var unseen);
        return removeMissing ? report : report with { Stale = CountStale(unseen, paths) };
    }

    /// <summary>
    /// Stored articles this run did not read whose file lies under one of <paramref name="paths"/> and no
    /// longer exists. Only those stored before the run can be stale: the rest were read from their files
    /// just now, so a fresh build checks nothing.
    /// </summary>
    private static int CountStale(IEnumerable<StoredArticle> unseen, IReadOnlyList<string> paths)
    {
        var roots = paths.Select(Path.GetFullPath).ToArray();
        return unseen
            .Select(article => article.Source is null ? null : SourceRef.Parse(article.Source).File)
            .Count(file => file is not null && roots.Any(root => IsUnder(file, root)) && !File.Exists(file));
    }

    /// <summary>Stored sources are absolute, so a later run from another folder still recognises them.</summary>
    private static IngestResult WithAbsoluteSource(IngestResult result) =>
        result is IngestedArticle ingested && !Path.IsPathFullyQualified(ingested.Source.File)
            ? ingested with { Source = ingested.Source with { File = Path.GetFullPath(ingested.Source.File) } }
            : result;

    /// <summary>
    /// Indexes <paramref name="results"/>, lazily in order; each article's source is stored as its
    /// <see cref="IngestedArticle.Source"/> says. With <paramref name="removeMissingUnder"/>, stored articles whose source file lies under
    /// one of those files or folders and that were not read this run are deleted, except those from a
    /// file with a skip this run (a file that exists but failed to read, wholly or in one record, keeps
    /// its last good articles).
    /// </summary>
    /// <remarks>
    /// A collection already in memory (an HTTP request's batch) is looked up in the index by id; a
    /// stream of results, or a run that removes missing articles, lists the index once up front.
    /// </remarks>
    public IndexingReport Index(
        IEnumerable<IngestResult> results,
        IReadOnlyList<string>? removeMissingUnder = null,
        Action<IndexingProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(results);
        // An in-memory batch was read and extracted already; a stream is read on another core meanwhile.
        return results is IReadOnlyCollection<IngestResult>
            ? Write(results.Select(result => new Outcome(result)), storedIsWhole: removeMissingUnder is { Count: > 0 }, removeMissingUnder, progress, cancellation, out _)
            : Write(ReadAhead.Of(results.Select(result => (Func<IngestResult>)(() => result)), prepare: null, cancellation), storedIsWhole: true, removeMissingUnder, progress, cancellation, out _);
    }

    /// <summary>
    /// Writes <paramref name="results"/> in order; see <see cref="Index"/>. <paramref name="storedIsWhole"/>:
    /// list the whole index up front (a stream, or a run that removes missing articles) rather than
    /// look up the ids of an in-memory batch. <paramref name="unseen"/>: the articles stored before the
    /// run that it did not read (and did not remove).
    /// </summary>
    private IndexingReport Write(
        IEnumerable<Outcome> results,
        bool storedIsWhole,
        IReadOnlyList<string>? removeMissingUnder,
        Action<IndexingProgress>? progress,
        CancellationToken cancellation,
        out IEnumerable<StoredArticle> unseen)
    {
        var stored = storedIsWhole
            ? _writer.ListStored()
            : _writer.ListStored(results.Select(r => r.Result).OfType<IngestedArticle>().Select(a => a.Article.Id).Distinct(StringComparer.Ordinal));
        // Into an empty index, a run of more than one commit ends in the merge into one segment below.
        if (storedIsWhole && stored.Count == 0)
            _writer.DeferMergesToTheEnd();
        _lastCommit = Stopwatch.GetTimestamp();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var directory = new SpeakerDirectory();
        // Names stored by earlier runs count too: a surname indexed today joins a full name indexed last week.
        foreach (var (speaker, articles) in _writer.CountFacetValues(FacetNames.Speaker))
            directory.Learn(speaker, articles);
        // Articles with a bare-surname speaker wait for the whole run's full names, by id (a later copy wins).
        var held = new Dictionary<string, PreparedArticle>(StringComparer.Ordinal);
        var skipped = new List<SkippedFile>();
        int added = 0, updated = 0, unchanged = 0, removed = 0, pending = 0;

        foreach (var (result, prepared) in results)
        {
            cancellation.ThrowIfCancellationRequested();
            switch (result)
            {
                case SkippedFile skip:
                    skipped.Add(skip);
                    progress?.Invoke(new IndexingProgress(added + updated + unchanged, skipped.Count, skip.Source));
                    continue;
                case IngestedArticle ingested:
                    var source = ingested.Source;
                    var article = ingested.Article with { Source = source.ToString() };
                    var firstTimeThisRun = seen.Add(article.Id);
                    directory.Learn(article);
                    if (firstTimeThisRun && stored.TryGetValue(article.Id, out var before)
                        && before.ContentHash is not null && before.ContentHash == article.ContentHash && before.Source == article.Source)
                    {
                        unchanged++;
                    }
                    else
                    {
                        held.Remove(article.Id);
                        // Prepared with extraction, the article needs only what this copy changed (its source) worked out again.
                        var entry = prepared?.With(article) ?? _writer.Prepare(article);
                        if (SpeakerDirectory.HasBareSurname(article))
                            held[article.Id] = entry;
                        else
                            _writer.Upsert(entry);
                        if (stored.ContainsKey(article.Id) || !firstTimeThisRun)
                            updated++;
                        else
                            added++;
                        pending++;
                    }
                    progress?.Invoke(new IndexingProgress(added + updated + unchanged, skipped.Count, source));
                    break;
            }
            if (CommitDue(pending))
            {
                Commit();
                pending = 0;
            }
        }

        foreach (var entry in held.Values)
        {
            cancellation.ThrowIfCancellationRequested();
            _writer.Upsert(entry.With(directory.Resolve(entry.Article)));
        }

        if (removeMissingUnder is { Count: > 0 })
        {
            var roots = removeMissingUnder.Select(Path.GetFullPath).ToArray();
            var failedFiles = skipped.Select(s => Path.GetFullPath(s.Source.File)).ToHashSet(StringComparer.Ordinal);
            foreach (var article in stored.Values)
            {
                cancellation.ThrowIfCancellationRequested();
                if (seen.Contains(article.Id) || article.Source is null)
                    continue;
                var file = SourceRef.Parse(article.Source).File;
                if (failedFiles.Contains(file) || !roots.Any(root => IsUnder(file, root)))
                    continue;
                _writer.Delete(article.Id);
                removed++;
                if (CommitDue(++pending))
                {
                    Commit();
                    pending = 0;
                }
            }
        }

        // A run that rewrote a large part of the index left a segment per commit; searches pay for each.
        // A small run leaves one segment more, which the merge policy folds in later.
        // Only a run that listed the whole index knows its size (an in-memory batch lists its own ids).
        var changes = added + updated + removed;
        if (storedIsWhole && changes > CommitEvery && changes * 10L >= stored.Count + added)
            _writer.MergeSegments();
        Commit();
        unseen = removeMissingUnder is { Count: > 0 } ? [] : stored.Values.Where(article => !seen.Contains(article.Id));
        return new IndexingReport(added, updated, unchanged, removed, skipped);
    }

    private bool CommitDue(int pending) => pending >= CommitEvery && Stopwatch.GetElapsedTime(_lastCommit) >= MinCommitInterval;

    private void Commit()
    {
        _writer.Commit(_committedBy);
        Commits++;
        _lastCommit = Stopwatch.GetTimestamp();
    }

    private static bool IsUnder(string path, string root) =>
        path.Equals(root, StringComparison.Ordinal)
        || path.StartsWith(Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
