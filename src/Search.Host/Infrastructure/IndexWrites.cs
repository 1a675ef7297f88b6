using Search.Core;
using Search.Ingest;
using Search.Ingest.Indexing;

namespace Search.Host.Infrastructure;

/// <summary>
/// Applies changes to the index one request at a time: opens the writer, applies, commits, and
/// releases the folder, so a CLI indexing run can take it between requests.
/// </summary>
public sealed class IndexWrites(SearchIndex index) : IDisposable
{
    private const string CommittedBy = "search serve";

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>
    /// Writes <paramref name="articles"/> through the same <see cref="ArticleIndexer"/> as <c>search index</c>
    /// (unchanged ones are recognised by content hash) and commits; searches see them as soon as this returns.
    /// </summary>
    /// <exception cref="IndexLockedException">Another process holds the index's write lock.</exception>
    public async Task<IndexingReport> IndexAsync(IReadOnlyList<IngestedArticle> articles, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(articles);
        await _gate.WaitAsync(cancellation);
        try
        {
            using var writer = index.OpenWriter();
            return new ArticleIndexer(writer, CommittedBy).Index(articles, cancellation: cancellation);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Applies <paramref name="change"/> and commits it; searches see it as soon as this returns.</summary>
    /// <exception cref="IndexLockedException">Another process holds the index's write lock.</exception>
    public async Task ApplyAsync(Action<ArticleWriter> change, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(change);
        await _gate.WaitAsync(cancellation);
        try
        {
            using var writer = index.OpenWriter();
            change(writer);
            writer.Commit(CommittedBy);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();
}
