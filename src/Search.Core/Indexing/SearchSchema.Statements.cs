using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace Search.Core;

/// <summary>
/// How an article's statements are stored: one Lucene document per statement, in the same index as
/// the article, marked by <see cref="Kind"/> and tied to it by <see cref="StatementOf"/>. Article
/// documents carry no kind (indexes built before statements existed stay readable), so article
/// searches exclude statements with <see cref="NotStatements"/> rather than requiring a kind.
/// A statement has no <see cref="Id"/> field, so deleting or listing articles by id never touches it.
/// </summary>
internal static partial class SearchSchema
{
    public const string Kind = "kind";
    public const string StatementKind = "statement";

    /// <summary>The id of the article a statement belongs to; the writer deletes statements by it.</summary>
    public const string StatementOf = "statement_of";

    /// <summary>The statement's words: searched with BM25 and highlighted from stored offsets.</summary>
    public const string StatementWords = "statement_words";

    public const string StatementSentence = "statement_sentence";
    public const string StatementTitle = "statement_title";
    public const string StatementUrl = "statement_url";
    public const string StatementPosition = "statement_position";

    /// <summary>
    /// The quote-search facets (speaker, the groups the words mention, the article's year), each in
    /// fields of their own so statement values never enter article facet counts.
    /// </summary>
    public static string StatementFacetField(string facet) => "statement_" + facet;

    public static string StatementFacetDocValues(string facet) => "$statement_" + facet;

    public static readonly string[] StatementFacets = [FacetNames.Speaker, FacetNames.Group, FacetNames.Year];

    public static Term StatementTerm { get; } = new(Kind, StatementKind);

    /// <summary>Restricts a query to articles.</summary>
    public static Query NotStatements(Query query) => new BooleanQuery
    {
        { query, Occur.MUST },
        { new TermQuery(StatementTerm), Occur.MUST_NOT },
    };

    /// <summary>Rebuilds a statement's stored fields.</summary>
    public static StoredStatement ToStoredStatement(LuceneDocument doc) => new(
        doc.Get(StatementOf),
        doc.Get(StatementFacetField(FacetNames.Speaker) + "_value") ?? "",
        doc.Get(StatementSentence) ?? "",
        doc.Get(StatementTitle) ?? "",
        doc.Get(StatementUrl),
        doc.GetField(StatementFacetField(FacetNames.Year))?.GetInt32Value(),
        doc.GetValues(StatementFacetField(FacetNames.Group) + "_value"),
        doc.GetField(StatementPosition)?.GetInt32Value() ?? 0);

    internal sealed record StoredStatement(string ArticleId, string Speaker, string Sentence, string Title, string? Url, int? Year, IReadOnlyList<string> Groups, int Position);
}
