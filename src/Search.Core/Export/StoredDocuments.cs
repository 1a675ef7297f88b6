using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Core;

/// <summary>
/// A statement as the index stores it, with what it carries of its article: the unit a copy of the
/// index elsewhere (a statements index on a cluster) is built from.
/// </summary>
/// <param name="ArticleId">The id of the article that holds the statement.</param>
/// <param name="Title">The article's title.</param>
/// <param name="Url">The article's address, when known.</param>
/// <param name="Year">The article's publication year, when known.</param>
/// <param name="Groups">The canonical names of the groups the statement's words name.</param>
/// <param name="Statement">The speaker, words, sentence and position.</param>
public sealed record ArticleStatement(string ArticleId, string Title, string? Url, int? Year, IReadOnlyList<string> Groups, Statement Statement);

/// <summary>
/// One snapshot of an index, open for reading every live article and statement in index order, one
/// document at a time, so memory stays flat whatever the size of the index. From
/// <see cref="SearchIndex.ReadContents"/>; dispose it to release the snapshot.
/// </summary>
public sealed class IndexContents : IDisposable
{
    private readonly IndexReader _reader;
    private readonly FacetSchema _schema;
    private Action? _release;

    internal IndexContents(IndexReader reader, FacetSchema schema, Action release)
    {
        _reader = reader;
        _schema = schema;
        _release = release;
    }

    /// <summary>Every stored article. Statements are not attached (<see cref="Article.Statements"/> is empty); <see cref="Statements"/> reads them.</summary>
    /// <exception cref="ObjectDisposedException">The snapshot has been released.</exception>
    public IEnumerable<Article> Articles(CancellationToken cancellation = default)
    {
        ObjectDisposedException.ThrowIf(_release is null, this);
        return Read(statements: false, cancellation).Where(doc => doc.Get(SearchSchema.Id) is not null).Select(doc => SearchSchema.ToArticle(doc, _schema));
    }

    /// <summary>Every stored statement, with its article's id, title, address and year.</summary>
    /// <exception cref="ObjectDisposedException">The snapshot has been released.</exception>
    public IEnumerable<ArticleStatement> Statements(CancellationToken cancellation = default)
    {
        ObjectDisposedException.ThrowIf(_release is null, this);
        return Read(statements: true, cancellation).Select(doc =>
        {
            var stored = SearchSchema.ToStoredStatement(doc);
            var words = doc.Get(SearchSchema.StatementWords) ?? "";
            return new ArticleStatement(stored.ArticleId, stored.Title, stored.Url, stored.Year, stored.Groups,
                new Statement(stored.Speaker, words, stored.Sentence, stored.Position));
        });
    }

    /// <summary>Releases the snapshot.</summary>
    public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();

    private IEnumerable<Lucene.Net.Documents.Document> Read(bool statements, CancellationToken cancellation) =>
        StoredDocuments.Live(_reader, statements, cancellation);
}

/// <summary>Walks the live documents of a reader segment by segment.</summary>
internal static class StoredDocuments
{
    /// <summary>The live documents that are statements (or that are not), segment by segment.</summary>
    public static IEnumerable<Lucene.Net.Documents.Document> Live(IndexReader reader, bool statements, CancellationToken cancellation)
    {
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            var isStatement = StatementBits(atomic);
            var live = atomic.LiveDocs;
            for (var doc = 0; doc < atomic.MaxDoc; doc++)
            {
                cancellation.ThrowIfCancellationRequested();
                if ((live is null || live.Get(doc)) && isStatement.Get(doc) == statements)
                    yield return atomic.Document(doc);
            }
        }
    }

    private static FixedBitSet StatementBits(AtomicReader reader)
    {
        var bits = new FixedBitSet(reader.MaxDoc);
        var docs = reader.GetTermDocsEnum(SearchSchema.StatementTerm);
        if (docs is null)
            return bits;
        for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
            bits.Set(doc);
        return bits;
    }
}
