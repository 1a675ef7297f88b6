using Lucene.Net.Analysis;

namespace Search.Core.Analysis;

/// <summary>
/// The analysis a writer indexes with: names for the word fields of facets that match words (a
/// speaker's name), English news analysis for every other field. Unlike Lucene's <c>PerFieldAnalyzerWrapper</c> it owns the analyzers it wraps
/// and disposes them with itself, so a writer (one per HTTP write) leaves nothing behind.
/// </summary>
internal sealed class IndexAnalyzer : AnalyzerWrapper
{
    private readonly NewsAnalyzer _news;
    private readonly NameAnalyzer _names = new();
    private readonly HashSet<string> _nameFields;

    public IndexAnalyzer(GroupAliasTable aliases, FacetSchema schema) : base(PER_FIELD_REUSE_STRATEGY)
    {
        _news = new NewsAnalyzer(aliases, forQuery: false);
        _nameFields = schema.Definitions.Where(f => f.MatchesWords).Select(SearchSchema.FacetWordsField).ToHashSet(StringComparer.Ordinal);
    }

    protected override Analyzer GetWrappedAnalyzer(string fieldName) =>
        _nameFields.Contains(fieldName) ? _names : _news;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _news.Dispose();
            _names.Dispose();
        }
        base.Dispose(disposing);
    }
}
