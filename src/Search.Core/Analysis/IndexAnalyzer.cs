using Lucene.Net.Analysis;

namespace Search.Core.Analysis;

/// <summary>
/// The analysis a writer indexes with: names for the speaker-words field, English news analysis for
/// every other field. Unlike Lucene's <c>PerFieldAnalyzerWrapper</c> it owns the analyzers it wraps
/// and disposes them with itself, so a writer (one per HTTP write) leaves nothing behind.
/// </summary>
internal sealed class IndexAnalyzer : AnalyzerWrapper
{
    private readonly NewsAnalyzer _news;
    private readonly NameAnalyzer _names = new();

    public IndexAnalyzer(GroupAliasTable aliases) : base(PER_FIELD_REUSE_STRATEGY) =>
        _news = new NewsAnalyzer(aliases, forQuery: false);

    protected override Analyzer GetWrappedAnalyzer(string fieldName) =>
        fieldName == SearchSchema.SpeakerWords ? _names : _news;

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
