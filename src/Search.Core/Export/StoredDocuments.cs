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
/// Reads every live article or statement of one reader in index order, loading one document at a
/// time, so memory stays flat whatever the size of the index.
/// </summary>
internal static class StoredDocuments
{
    public static IEnumerable<Article> Articles(IndexReader reader, FacetSchema schema, CancellationToken cancellation)
    {
        foreach (var doc in Live(reader, statements: false, cancellation))
        {
            if (doc.Get(SearchSchema.Id) is not null)
                yield return SearchSchema.ToArticle(doc, schema);
        }
    }

    public static IEnumerable<ArticleStatement> Statements(IndexReader reader, CancellationToken cancellation)
    {
        foreach (var doc in Live(reader, statements: true, cancellation))
        {
            var stored = SearchSchema.ToStoredStatement(doc);
            var words = doc.Get(SearchSchema.StatementWords) ?? "";
            yield return new ArticleStatement(stored.ArticleId, stored.Title, stored.Url, stored.Year, stored.Groups,
                new Statement(stored.Speaker, words, stored.Sentence, stored.Position));
        }
    }

    /// <summary>The live documents that are statements (or that are not), segment by segment.</summary>
    private static IEnumerable<Lucene.Net.Documents.Document> Live(IndexReader reader, bool statements, CancellationToken cancellation)
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
