using Search.Core;

namespace Search.Host.Contracts;

// The JSON documents of a search, shared by the HTTP API and `search --json` and serialised by
// SearchJsonContext in snake_case (took_ms, title_html, next_cursor). They differ from the library's
// records where the wire needs it: durations in milliseconds, scores rounded, highlights as HTML.

/// <summary>The result of a search: the body of <c>GET /api/search</c> and the output of <c>search --json</c>.</summary>
/// <param name="Query">The query as given.</param>
/// <param name="TookMs">Time spent searching, in milliseconds.</param>
/// <param name="Total">Exact number of matching articles.</param>
/// <param name="Hits">The requested page of hits.</param>
/// <param name="Facets">Counts per facet, in the schema's order.</param>
/// <param name="Warnings">What the search changed or ignored.</param>
/// <param name="NextCursor">Pass as <c>cursor</c> for the next page; <c>null</c> on the last page.</param>
/// <param name="TotalWithoutFilters">When nothing matches and filters are set: how many articles match without them; otherwise <c>null</c>.</param>
/// <param name="Histogram">The date histogram, when the request asked for one (<c>histogram=year|month</c>); <c>null</c> otherwise.</param>
public sealed record SearchResult(
    string Query,
    double TookMs,
    int Total,
    IReadOnlyList<HitResult> Hits,
    IReadOnlyList<FacetResultBody> Facets,
    IReadOnlyList<string> Warnings,
    string? NextCursor,
    int? TotalWithoutFilters,
    HistogramResult? Histogram = null)
{
    /// <summary>"Did you mean": a respelling that finds clearly more articles; <c>null</c> when the query matches well.</summary>
    public SuggestionResult? Suggestion { get; init; }

    /// <summary>The document for a library response of an index with the facets <paramref name="facets"/>.</summary>
    public static SearchResult From(SearchResponse response, FacetSchema facets)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(facets);
        return new(
            response.Query,
            Math.Round(response.Took.TotalMilliseconds, 2),
            response.Total,
            response.Hits.Select(HitResult.From).ToArray(),
            response.Facets.Select(f => FacetResultBody.From(f, facets.Get(f.Name))).ToArray(),
            response.Warnings,
            response.NextCursor,
            response.TotalWithoutFilters,
            response.Histogram is { } histogram ? HistogramResult.From(histogram) : null)
        {
            Suggestion = response.Suggestion is { } s ? new SuggestionResult(s.Query, s.Total) : null,
        };
    }
}

/// <summary>One hit.</summary>
/// <param name="Id">The article id.</param>
/// <param name="Score">BM25 score; <c>null</c> when sorted by date without a query.</param>
/// <param name="Title">The plain title.</param>
/// <param name="TitleHtml">The title HTML-escaped with matches in <c>&lt;mark&gt;</c>.</param>
/// <param name="Passages">The best passages, in document order.</param>
/// <param name="Published">Publication date (ISO 8601), if known.</param>
/// <param name="Facets">The article's values by facet name (for example <c>group</c>, <c>speaker</c>, <c>year</c>); every facet is present, empty when the article has none.</param>
/// <param name="Url">The article's address, if known.</param>
public sealed record HitResult(
    string Id,
    double? Score,
    string Title,
    string TitleHtml,
    IReadOnlyList<PassageResult> Passages,
    DateTimeOffset? Published,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Facets,
    string? Url)
{
    /// <summary>The near-duplicates folded into this hit (<c>collapse=false</c> lists them as hits instead); <c>null</c> when none were folded.</summary>
    public DuplicatesResult? Duplicates { get; init; }

    /// <summary>Why the hit matched (<c>explain=true</c>); <c>null</c> otherwise.</summary>
    public ExplanationResult? Explanation { get; init; }

    internal static HitResult From(SearchHit hit) => new(
        hit.Id,
        float.IsFinite(hit.Score) ? Math.Round(hit.Score, 4) : null,
        hit.Title,
        hit.TitleHighlight.Html,
        hit.Passages.Select(PassageResult.From).ToArray(),
        hit.Published,
        hit.Facets,
        hit.Url)
    {
        Duplicates = hit.Duplicates is { } d ? new DuplicatesResult(d.Cluster, d.Count, d.Ids, d.Sites) : null,
        Explanation = hit.Explanation is { } e ? ExplanationResult.From(e) : null,
    };
}

/// <summary>A highlighted passage.</summary>
/// <param name="Html">The passage HTML-escaped with matches in <c>&lt;mark&gt;</c>; safe to insert as HTML.</param>
/// <param name="Text">The plain passage.</param>
/// <param name="Ranges">Matched ranges in <paramref name="Text"/>: sorted, non-overlapping, in UTF-16 code units.</param>
public sealed record PassageResult(string Html, string Text, IReadOnlyList<RangeResult> Ranges)
{
    internal static PassageResult From(HighlightedText passage) =>
        new(passage.Html, passage.Text, passage.Matches.Select(m => new RangeResult(m.Start, m.Length)).ToArray());
}

/// <summary>A matched range of characters.</summary>
/// <param name="Start">Offset of the first character.</param>
/// <param name="Length">Number of characters.</param>
public sealed record RangeResult(int Start, int Length);

/// <summary>Counts for one facet.</summary>
/// <param name="Name">The facet name, as used in filters and queries (<c>group</c>, <c>speaker</c>, <c>year</c>, …).</param>
/// <param name="Label">What a person reads above the values ("Groups").</param>
/// <param name="Kind"><c>keyword</c> (text values) or <c>integer</c> (numbers that also take ranges, such as years).</param>
/// <param name="Values">Top values, plus every selected value.</param>
/// <param name="DistinctValues">How many distinct values have a non-zero count.</param>
/// <param name="Period"><c>year</c> or <c>month</c> when the values are calendar periods (the date, which a client may show as such); <c>null</c> otherwise.</param>
public sealed record FacetResultBody(string Name, string Label, string Kind, IReadOnlyList<FacetValueResult> Values, int DistinctValues, string? Period = null)
{
    internal static FacetResultBody From(FacetResult facet, FacetDefinition definition) =>
        new(facet.Name, facet.Label, definition.Kind.ToString().ToLowerInvariant(), facet.Values.Select(FacetValueResult.From).ToArray(), facet.DistinctValues, definition.Period?.ToString().ToLowerInvariant());
}

/// <summary>One facet value.</summary>
/// <param name="Value">The value as displayed and as passed back in a filter.</param>
/// <param name="Count">Matching articles with this value, counted drill-sideways (ignoring this facet's own filter).</param>
/// <param name="Selected">Whether the request filters on this value.</param>
public sealed record FacetValueResult(string Value, int Count, bool Selected)
{
    internal static FacetValueResult From(FacetValue value) => new(value.Value, value.Count, value.Selected);
}

/// <summary>The body of <c>GET /api/facets/{name}</c>.</summary>
/// <param name="Name">The facet name.</param>
/// <param name="Prefix">The prefix given.</param>
/// <param name="Values">Matching values, most frequent first.</param>
public sealed record FacetValuesResult(string Name, string Prefix, IReadOnlyList<FacetValueResult> Values);

/// <summary>The body of <c>GET /api/articles/{id}</c>.</summary>
/// <param name="Id">The article id.</param>
/// <param name="Title">The headline.</param>
/// <param name="Body">The cleaned text.</param>
/// <param name="Url">The article's address, if known.</param>
/// <param name="Byline">Who wrote it, as the source credits them, if known.</param>
/// <param name="Published">Publication date, if known.</param>
/// <param name="Facets">The article's values by facet name.</param>
/// <param name="Evidence">For each facet value, the sentence it came from.</param>
/// <param name="TitleHtml">The whole title HTML-escaped, with the matches of <c>q</c> in <c>&lt;mark&gt;</c>; safe to insert as HTML.</param>
/// <param name="BodyHtml">The whole cleaned text HTML-escaped, with the matches of <c>q</c> in <c>&lt;mark&gt;</c>; safe to insert as HTML.</param>
/// <param name="Warnings">How <c>q</c> was read, when it was not taken as written; empty otherwise.</param>
public sealed record ArticleResult(
    string Id,
    string Title,
    string Body,
    string? Url,
    string? Byline,
    DateTimeOffset? Published,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Facets,
    IReadOnlyList<EvidenceResult> Evidence,
    string TitleHtml,
    string BodyHtml,
    IReadOnlyList<string> Warnings)
{
    internal static ArticleResult From(Article article, FacetSchema schema) =>
        From(new ArticleHighlight(article, HighlightedText.Plain(article.Title), HighlightedText.Plain(article.Body), []), schema);

    internal static ArticleResult From(ArticleHighlight highlight, FacetSchema schema)
    {
        var article = highlight.Article;
        return new(
            article.Id,
            article.Title,
            article.Body,
            article.Url,
            article.Byline,
            article.Published,
            schema.Names.ToDictionary(name => name, article.Values),
            article.Evidence.Select(e => new EvidenceResult(e.Facet, e.Value, e.Sentence)).ToArray(),
            highlight.Title.Html,
            highlight.Body.Html,
            highlight.Warnings);
    }
}

/// <summary>Why an article carries a facet value.</summary>
/// <param name="Facet">The facet name.</param>
/// <param name="Value">The facet value.</param>
/// <param name="Sentence">The supporting sentence.</param>
public sealed record EvidenceResult(string Facet, string Value, string Sentence);

/// <summary>The body of a successful <c>POST /api/articles</c>.</summary>
/// <param name="Indexed">How many articles were added or replaced.</param>
/// <param name="Ids">Their ids, in request order.</param>
public sealed record WriteResult(int Indexed, IReadOnlyList<string> Ids);

/// <summary>Match counts over time.</summary>
/// <param name="Interval"><c>year</c> or <c>month</c>.</param>
/// <param name="Buckets">Every period of the range in time order; periods without matches have a count of 0.</param>
public sealed record HistogramResult(string Interval, IReadOnlyList<HistogramBucketResult> Buckets)
{
    internal static HistogramResult From(DateHistogram histogram) => new(
        histogram.Interval.ToString().ToLowerInvariant(),
        histogram.Buckets.Select(b => new HistogramBucketResult(b.Key, b.Count, b.Total, b.Share)).ToArray());
}

/// <summary>One period of a date histogram.</summary>
/// <param name="Key">The period: <c>2019</c> or <c>2019-03</c> (also the value of the <c>year</c> or <c>month</c> filter).</param>
/// <param name="Count">Matching articles published in it, ignoring date filters.</param>
/// <param name="Total">Articles of the whole index published in it.</param>
/// <param name="Share"><paramref name="Count"/> ÷ <paramref name="Total"/>; 0 when the period has no articles.</param>
public sealed record HistogramBucketResult(string Key, int Count, int Total, double Share);

/// <summary>The body of <c>GET /api/pivot</c>: article counts for pairs of values of two facets.</summary>
/// <param name="RowFacet">The facet of the rows.</param>
/// <param name="ColFacet">The facet of the columns.</param>
/// <param name="Rows">Row values, most matching articles first.</param>
/// <param name="Cols">Column values, most matching articles first.</param>
/// <param name="Counts">For each row, for each column, matching articles carrying both values.</param>
/// <param name="RowTotals">For each row, matching articles carrying its value.</param>
/// <param name="ColTotals">For each column, matching articles carrying its value.</param>
/// <param name="Total">Matching articles counted (filters on the two facets ignored).</param>
public sealed record PivotResult(
    string RowFacet,
    string ColFacet,
    IReadOnlyList<string> Rows,
    IReadOnlyList<string> Cols,
    IReadOnlyList<IReadOnlyList<int>> Counts,
    IReadOnlyList<int> RowTotals,
    IReadOnlyList<int> ColTotals,
    int Total)
{
    /// <summary>The document for a library pivot table.</summary>
    public static PivotResult From(PivotTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new(table.RowFacet, table.ColumnFacet, table.Rows, table.Columns, table.Counts, table.RowTotals, table.ColumnTotals, table.Total);
    }
}
