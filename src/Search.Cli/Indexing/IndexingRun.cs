using Search.Core;
using Search.Ingest;

namespace Search.Cli.Indexing;

/// <summary>What one indexing run did.</summary>
/// <param name="Added">Articles new to the index.</param>
/// <param name="Updated">Articles whose content or source changed.</param>
/// <param name="Unchanged">Articles already indexed with the same content hash and source.</param>
/// <param name="Removed">Stored articles deleted because their file is gone (only with remove-missing).</param>
/// <param name="Skipped">Files (or JSON lines) that could not be read, each with its reason.</param>
internal sealed record IndexingReport(int Added, int Updated, int Unchanged, int Removed, IReadOnlyList<SkippedFile> Skipped)
{
    /// <summary>Articles read this run, whatever happened to them.</summary>
    public int Articles => Added + Updated + Unchanged;
}

/// <summary>Where a run is: articles and skipped files seen so far, and the last path read.</summary>
internal sealed record IndexingProgress(int Articles, int Skipped, string? LastPath);

/// <summary>
/// Brings an index up to date with what the ingest reader produced: upserts new and changed articles
/// (by content hash), counts the unchanged, optionally deletes stored articles whose files are gone,
/// and commits every <see cref="CommitEvery"/> changes and at the end, so an interrupted run loses at
/// most the uncommitted tail and never leaves a half-written index.
/// </summary>
internal sealed class IndexingRun
{
    /// <summary>Changes between two commits unless told otherwise.</summary>
    public const int DefaultCommitEvery = 1000;

    private readonly ArticleWriter _writer;
    private readonly string _committedBy;

    /// <summary>Creates a run writing through <paramref name="writer"/>; commits are recorded as made by <paramref name="committedBy"/>.</summary>
    public IndexingRun(ArticleWriter writer, string committedBy, int commitEvery = DefaultCommitEvery)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentException.ThrowIfNullOrWhiteSpace(committedBy);
        ArgumentOutOfRangeException.ThrowIfLessThan(commitEvery, 1);
        _writer = writer;
        _committedBy = committedBy;
        CommitEvery = commitEvery;
    }

    /// <summary>How many added, updated or removed articles trigger a commit.</summary>
    public int CommitEvery { get; }

    /// <summary>How many commits this run has made.</summary>
    public int Commits { get; private set; }

    /// <summary>
    /// Indexes <paramref name="results"/>. With <paramref name="removeMissingUnder"/>, stored articles
    /// whose source lies under one of those files or folders and that were not read this run are
    /// deleted, except those whose file was skipped (a file that exists but failed to read keeps its
    /// last good version).
    /// </summary>
    public IndexingReport Run(
        IEnumerable<IngestResult> results,
        IReadOnlyList<string>? removeMissingUnder = null,
        Action<IndexingProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(results);
        var stored = _writer.ListStored();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var skipped = new List<SkippedFile>();
        int added = 0, updated = 0, unchanged = 0, removed = 0, pending = 0;

        foreach (var result in results)
        {
            cancellation.ThrowIfCancellationRequested();
            switch (result)
            {
                case SkippedFile file:
                    skipped.Add(file);
                    progress?.Invoke(new IndexingProgress(added + updated + unchanged, skipped.Count, file.Path));
                    continue;
                case IngestedArticle { Article: var read }:
                    var article = read.Source is null ? read : read with { Source = Path.GetFullPath(read.Source) };
                    var firstTimeThisRun = seen.Add(article.Id);
                    if (stored.TryGetValue(article.Id, out var before) && firstTimeThisRun
                        && before.ContentHash is not null && before.ContentHash == article.ContentHash && before.Source == article.Source)
                    {
                        unchanged++;
                    }
                    else
                    {
                        _writer.Upsert(article);
                        if (stored.ContainsKey(article.Id) || !firstTimeThisRun)
                            updated++;
                        else
                            added++;
                        pending++;
                    }
                    progress?.Invoke(new IndexingProgress(added + updated + unchanged, skipped.Count, article.Source));
                    break;
            }
            if (pending >= CommitEvery)
            {
                Commit();
                pending = 0;
            }
        }

        if (removeMissingUnder is { Count: > 0 })
        {
            var roots = removeMissingUnder.Select(Path.GetFullPath).ToArray();
            var failedSources = skipped.Select(s => Path.GetFullPath(WithoutRecordNumber(s.Path))).ToHashSet(StringComparer.Ordinal);
            foreach (var article in stored.Values)
            {
                cancellation.ThrowIfCancellationRequested();
                if (seen.Contains(article.Id) || article.Source is null)
                    continue;
                // A record of a JSON Lines file is stored as "file#line"; the file is what was read or not.
                var file = WithoutRecordNumber(article.Source);
                if (failedSources.Contains(file) || !roots.Any(root => IsUnder(file, root)))
                {
                    continue;
                }
                _writer.Delete(article.Id);
                removed++;
                if (++pending >= CommitEvery)
                {
                    Commit();
                    pending = 0;
                }
            }
        }

        Commit();
        return new IndexingReport(added, updated, unchanged, removed, skipped);
    }

    private void Commit()
    {
        _writer.Commit(_committedBy);
        Commits++;
    }

    private static bool IsUnder(string path, string root) =>
        path.Equals(root, StringComparison.Ordinal)
        || path.StartsWith(Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>A JSON record's source and a skipped JSON line are <c>file#line</c>; the file is what counts here.</summary>
    private static string WithoutRecordNumber(string path)
    {
        var hash = path.LastIndexOf('#');
        return hash > 0 && hash < path.Length - 1 && path[(hash + 1)..].All(char.IsAsciiDigit) ? path[..hash] : path;
    }
}
