namespace Search.Ingest.Indexing;

/// <summary>What one indexing run did.</summary>
/// <param name="Added">Articles new to the index.</param>
/// <param name="Updated">Articles whose content or source changed.</param>
/// <param name="Unchanged">Articles already indexed with the same content hash and source.</param>
/// <param name="Removed">Stored articles deleted because their file or record is gone (only when asked to remove missing ones).</param>
/// <param name="Skipped">Files, folders and records that could not be read, each with its reason, in the order met.</param>
public sealed record IndexingReport(int Added, int Updated, int Unchanged, int Removed, IReadOnlyList<SkippedFile> Skipped)
{
    /// <summary>Articles read this run, whatever happened to them.</summary>
    public int Articles => Added + Updated + Unchanged;

    /// <summary>
    /// Stored articles whose file lies under the run's paths and is gone, left in place because removing
    /// missing articles was not asked for. Counted by <see cref="ArticleIndexer.IndexPaths"/> only; 0 otherwise.
    /// </summary>
    public int Stale { get; init; }
}

/// <summary>Where a run is: articles and skips seen so far, and the source read last.</summary>
/// <param name="Articles">Articles read so far.</param>
/// <param name="Skipped">Files, folders and records skipped so far.</param>
/// <param name="Last">The source of the last result, or <c>null</c> before the first.</param>
public sealed record IndexingProgress(int Articles, int Skipped, SourceRef? Last);
