using System.Diagnostics;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Highlighting;
using Search.Core.Querying;

namespace Search.Core.Quotes;

/// <summary>
/// Runs a <see cref="QuoteRequest"/> over the statement documents of an index: BM25 over the words,
/// filters on speaker, the groups the words name and year, and drill-sideways counts (each facet
/// counted under every filter but its own, one pass per facet; statements are few beside articles).
/// </summary>
internal sealed class QuoteSearch(Analyzer queryAnalyzer, GroupAliasTable aliases, FacetSchema facets)
{
    public QuoteResponse Run(IndexSearcher searcher, QuoteRequest request, CancellationToken cancellation)
    {
        var started = Stopwatch.GetTimestamp();
        Validate(request);
        var words = WordsQuery(request.Query);
        var filters = Filters(request);
        var skip = (request.Page - 1) * request.Size;
        var top = TopScoreDocCollector.Create(Math.Max(1, skip + request.Size), true);
        var total = new TotalHitCountCollector();
        searcher.Search(Combine(words, filters.Values), MultiCollector.Wrap(top, total));

        var facetResults = new List<FacetResult>();
        foreach (var facet in SearchSchema.StatementFacets)
        {
            cancellation.ThrowIfCancellationRequested();
            var counter = new ValueCounter(SearchSchema.StatementFacetDocValues(facet));
            searcher.Search(Combine(words, filters.Where(f => f.Key != facet).Select(f => f.Value)), counter);
            facetResults.Add(ToFacet(facet, counter.Counts, Selected(request, facet), request.FacetTopN));
        }

        var highlight = HighlightQuery.From(words, searcher);
        var matcher = new TextMatcher(new SearchTerms(searcher), highlight);
        var hits = request.Size == 0 ? [] : top.GetTopDocs(skip, request.Size).ScoreDocs
            .Select(d => ToHit(searcher, d, matcher, words is null))
            .ToArray();
        return new QuoteResponse(request.Query, total.TotalHits, Stopwatch.GetElapsedTime(started), hits, facetResults);
    }

    private static void Validate(QuoteRequest request)
    {
        RequestValidator.ValidateQuery(request.Query);
        if (request.Size is < 0 or > SearchLimits.MaxPageSize)
            throw new InvalidSearchRequestException(nameof(QuoteRequest.Size), $"The page size must be between 0 and {SearchLimits.MaxPageSize}; it was {request.Size}.");
        if (request.Page < 1)
            throw new InvalidSearchRequestException(nameof(QuoteRequest.Page), $"Pages are numbered from 1; it was {request.Page}.");
        if ((long)request.Page * request.Size > SearchLimits.MaxPagingDepth)
            throw new InvalidSearchRequestException(nameof(QuoteRequest.Page), $"Page {request.Page} of size {request.Size} goes deeper than {SearchLimits.MaxPagingDepth} statements.");
        if (request.FacetTopN is < 0 or > SearchLimits.MaxFacetTopN)
            throw new InvalidSearchRequestException(nameof(QuoteRequest.FacetTopN), $"The number of facet values must be between 0 and {SearchLimits.MaxFacetTopN}; it was {request.FacetTopN}.");
        foreach (var year in new[] { request.FromYear, request.ToYear }.OfType<int>())
        {
            if (!SearchLimits.IsValidYear(year))
                throw new InvalidSearchRequestException(nameof(QuoteRequest.FromYear), $"A year has four digits ({SearchLimits.MinYear} to {SearchLimits.MaxYear}); it was {year}.");
        }
        if (request.FromYear is { } from && request.ToYear is { } to && from > to)
            throw new InvalidSearchRequestException(nameof(QuoteRequest.FromYear), $"The year range starts after it ends ({from} to {to}).");
    }

    /// <summary>
    /// Every word of the query is required, except that a group's name may instead be met by any
    /// alias: the group's token (which covers the words of its name) and those words are alternatives.
    /// <c>null</c> when the query has no words.
    /// </summary>
    private Query? WordsQuery(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var tokens = new List<(string Term, int Start, int End, bool Group)>();
        using (var stream = queryAnalyzer.GetTokenStream(SearchSchema.StatementWords, text))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            var type = stream.AddAttribute<ITypeAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
                tokens.Add((term.ToString(), offset.StartOffset, offset.EndOffset, type.Type == Analysis.GroupAliasFilter.GroupTokenType));
            stream.End();
        }
        if (tokens.Count == 0)
            return null;
        var query = new BooleanQuery();
        var groups = tokens.Where(t => t.Group).ToList();
        foreach (var group in groups)
        {
            var words = tokens.Where(t => !t.Group && t.Start >= group.Start && t.End <= group.End).ToList();
            var any = new BooleanQuery { { Term(group.Term), Occur.SHOULD } };
            if (words.Count > 0)
            {
                var all = new BooleanQuery();
                foreach (var word in words)
                    all.Add(Term(word.Term), Occur.MUST);
                any.Add(all, Occur.SHOULD);
            }
            query.Add(any, Occur.MUST);
        }
        foreach (var word in tokens.Where(t => !t.Group && !groups.Any(g => t.Start >= g.Start && t.End <= g.End)))
            query.Add(Term(word.Term), Occur.MUST);
        return query;
    }

    private static TermQuery Term(string text) => new(new Term(SearchSchema.StatementWords, text));

    private Dictionary<string, Query> Filters(QuoteRequest request)
    {
        var filters = new Dictionary<string, Query>(StringComparer.Ordinal);
        if (request.Speakers.Count > 0)
            filters[FacetNames.Speaker] = AnyOf(FacetNames.Speaker, request.Speakers.Select(ResolveSpeaker));
        if (request.Groups.Count > 0)
            filters[FacetNames.Group] = AnyOf(FacetNames.Group, request.Groups.Select(g => aliases.Canonicalize(g) ?? g));
        if (request.FromYear is not null || request.ToYear is not null)
            filters[FacetNames.Year] = SearchSchema.IntegerRange(SearchSchema.StatementFacetField(FacetNames.Year), request.FromYear, request.ToYear);
        return filters;
    }

    /// <summary>A speaker as the article facet resolves it (the facet's canonicaliser), so both filters agree.</summary>
    private string ResolveSpeaker(string speaker) =>
        facets.Names.Contains(FacetNames.Speaker) ? facets.Get(FacetNames.Speaker).Resolve(speaker, aliases) : speaker;

    private static Query AnyOf(string facet, IEnumerable<string> values)
    {
        var any = new BooleanQuery();
        foreach (var value in values.Select(SearchSchema.FacetKey).Distinct(StringComparer.Ordinal))
            any.Add(new TermQuery(new Term(SearchSchema.StatementFacetField(facet), value)), Occur.SHOULD);
        return any;
    }

    private static Query Combine(Query? words, IEnumerable<Query> filters)
    {
        // Only statements hold words, so a words query needs no kind filter; filters add nothing to the score.
        var query = new BooleanQuery { { words ?? new TermQuery(SearchSchema.StatementTerm), Occur.MUST } };
        foreach (var filter in filters)
            query.Add(new ConstantScoreQuery(filter) { Boost = 0 }, Occur.MUST);
        return query;
    }

    private static IReadOnlyList<string> Selected(QuoteRequest request, string facet) => facet switch
    {
        FacetNames.Speaker => request.Speakers,
        FacetNames.Group => request.Groups,
        _ => [],
    };

    private FacetResult ToFacet(string facet, Dictionary<string, int> counts, IReadOnlyList<string> selected, int topN)
    {
        var chosen = selected.Select(SearchSchema.FacetKey).ToHashSet(StringComparer.Ordinal);
        var values = counts
            .OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(topN)
            .Select(c => new FacetValue(c.Key, c.Value, chosen.Contains(SearchSchema.FacetKey(c.Key))))
            .ToArray();
        var label = facets.Names.Contains(facet) ? facets.Get(facet).Label : facet;
        return new FacetResult(facet, label, values, counts.Count);
    }

    private static QuoteHit ToHit(IndexSearcher searcher, ScoreDoc scoreDoc, TextMatcher matcher, bool unranked)
    {
        var doc = searcher.Doc(scoreDoc.Doc);
        var stored = SearchSchema.ToStoredStatement(doc);
        var words = doc.Get(SearchSchema.StatementWords) ?? "";
        var matches = matcher.Find(scoreDoc.Doc, SearchSchema.StatementWords);
        var text = Highlighter.Whole(words, matches);
        // The context marks the same matches where the words stand in it.
        var at = stored.Sentence.IndexOf(words, StringComparison.Ordinal);
        var context = at < 0
            ? HighlightedText.Plain(stored.Sentence)
            : new HighlightedText(stored.Sentence, text.Matches.Select(m => new TextRange(m.Start + at, m.Length)).ToArray());
        return new QuoteHit(stored.Speaker, text, context, stored.ArticleId, stored.Title, stored.Year, stored.Url, stored.Groups, stored.Position, unranked ? 0 : scoreDoc.Score);
    }

    /// <summary>Counts the values of one statement facet over the documents searched, from doc values.</summary>
    private sealed class ValueCounter(string field) : ICollector
    {
        private SortedSetDocValues? _values;

        public Dictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context) => _values = context.AtomicReader.GetSortedSetDocValues(field);

        public void Collect(int doc)
        {
            if (_values is null)
                return;
            _values.SetDocument(doc);
            var label = new BytesRef();
            for (var ord = _values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = _values.NextOrd())
            {
                _values.LookupOrd(ord, label);
                var value = label.Utf8ToString();
                Counts[value] = Counts.GetValueOrDefault(value) + 1;
            }
        }
    }
}
