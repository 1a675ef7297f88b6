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
    public const string StatementOf = StatementFieldPrefix + "of";

    /// <summary>The statement's words: searched with BM25 and highlighted from stored offsets.</summary>
    public const string StatementWords = StatementFieldPrefix + "words";

    public const string StatementSentence = StatementFieldPrefix + "sentence";
    public const string StatementTitle = StatementFieldPrefix + "title";
    public const string StatementUrl = StatementFieldPrefix + "url";
    public const string StatementPosition = StatementFieldPrefix + "position";

    /// <summary>
    /// The quote-search facets (speaker, the groups the words mention, the article's year), each in
    /// fields of their own so statement values never enter article facet counts.
    /// </summary>
    public static string StatementFacetField(string facet) => StatementFieldPrefix + facet;

    public static string StatementFacetDocValues(string facet) => "$" + StatementFieldPrefix + facet;

    // Every statement field but the kind starts with it, which is how IsStatementField knows them.
    private const string StatementFieldPrefix = "statement_";

    public static readonly string[] StatementFacets = [FacetNames.Speaker, FacetNames.Group, FacetNames.Year];

    public static Term StatementTerm { get; } = new(Kind, StatementKind);

    /// <summary>
    /// Restricts a query to articles. A query that can only match documents with a term in a field
    /// statements do not have (any query of words, phrases or facets) is returned as it is: excluding
    /// statements from it cost every search a walk along the statements' postings beside its own
    /// (about a twentieth of the host's processor time on Reuters-21578), and changed neither its
    /// matches nor, under BM25, its scores.
    /// </summary>
    public static Query NotStatements(Query query) => MatchesArticlesOnly(query) ? query : new BooleanQuery
    {
        { query, Occur.MUST },
        { new TermQuery(StatementTerm), Occur.MUST_NOT },
    };

    /// <summary>Whether a field is one that statement documents are written with.</summary>
    public static bool IsStatementField(string field) =>
        field == Kind || field.StartsWith(StatementFieldPrefix, StringComparison.Ordinal) || field.StartsWith("$" + StatementFieldPrefix, StringComparison.Ordinal);

    /// <summary>
    /// Whether every document the query matches has a term in a field statements lack, so it can
    /// match no statement. Query types not known here count as able to match one (all documents,
    /// a filter, a function), and keep the exclusion.
    /// </summary>
    private static bool MatchesArticlesOnly(Query query) => query switch
    {
        TermQuery term => !IsStatementField(term.Term.Field),
        PhraseQuery phrase => phrase.GetTerms() is { Length: > 0 } terms && !IsStatementField(terms[0].Field),
        MultiPhraseQuery phrase => phrase.GetTermArrays() is { Count: > 0 } arrays && arrays[0] is { Length: > 0 } first && !IsStatementField(first[0].Field),
        MultiTermQuery terms => !IsStatementField(terms.Field),
        Lucene.Net.Search.Spans.SpanQuery span => !IsStatementField(span.Field),
        DisjunctionMaxQuery disjunction => disjunction.Disjuncts.Count > 0 && disjunction.Disjuncts.All(MatchesArticlesOnly),
        FilteredQuery filtered => MatchesArticlesOnly(filtered.Query),
        ConstantScoreQuery constant => constant.Query is { } inner && MatchesArticlesOnly(inner),
        BooleanQuery boolean => BooleanMatchesArticlesOnly(boolean),
        _ => false,
    };

    // A document matches a boolean query only if it matches every required clause, or, with none
    // required, at least one optional clause. Run for every search: no lists are built.
    private static bool BooleanMatchesArticlesOnly(BooleanQuery query)
    {
        var required = false;
        foreach (var clause in query.Clauses)
        {
            if (clause.Occur != Occur.MUST)
                continue;
            if (MatchesArticlesOnly(clause.Query))
                return true;
            required = true;
        }
        if (required)
            return false;
        var optional = false;
        foreach (var clause in query.Clauses)
        {
            if (clause.Occur != Occur.SHOULD)
                continue;
            if (!MatchesArticlesOnly(clause.Query))
                return false;
            optional = true;
        }
        return optional;
    }

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
