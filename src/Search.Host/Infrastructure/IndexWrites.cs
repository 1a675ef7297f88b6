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
    private long _writes;
    private long _failedWrites;

    /// <summary>Write requests committed since the host started.</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>Write requests that failed (nothing committed) since the host started.</summary>
    public long FailedWrites => Interlocked.Read(ref _failedWrites);

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
            var report = new ArticleIndexer(writer, CommittedBy).Index(articles, cancellation: cancellation);
            Interlocked.Increment(ref _writes);
            return report;
        }
        catch
        {
            Interlocked.Increment(ref _failedWrites);
            throw;
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
            Interlocked.Increment(ref _writes);
        }
        catch
        {
            Interlocked.Increment(ref _failedWrites);
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Copies the last commit to <paramref name="destination"/> (<see cref="IndexSnapshot"/>). Writes wait only
    /// while the commit is pinned and unpinned, not during the copy.
    /// </summary>
    /// <exception cref="SearchException">The destination is not empty, or the index has no commit.</exception>
    public Task<SnapshotReport> SnapshotAsync(string destination, CancellationToken cancellation) =>
        Task.Run(() => IndexSnapshot.Take(index.Path, destination, step =>
        {
            // Not cancellable: the unpin step must run once the pin has.
            _gate.Wait(CancellationToken.None);
            try
            {
                using var writer = index.OpenWriter();
                step(writer);
            }
            finally
            {
                _gate.Release();
            }
        }), cancellation);

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();
}
