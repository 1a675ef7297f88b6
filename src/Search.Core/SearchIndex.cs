using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Search.Core.Duplicates;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Analysis;
using Search.Core.Facets;
using Search.Core.Highlighting;
using Search.Core.Querying;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Search.Core;

/// <summary>
/// An index in a folder, open for searching. Create one per folder and keep it for the life of the
/// program: it is thread-safe, and each search borrows the current reader for as long as it runs.
/// Commits made through <see cref="OpenWriter"/> are visible to the next search; commits made by
/// another process are picked up within <see cref="SearchIndexOptions.RefreshInterval"/>, by a
/// background check, so no search waits for the folder to be read.
/// </summary>
public sealed partial class SearchIndex : ISearchBackend, IDisposable
{
    private readonly LuceneDirectory _directory;
    private readonly SearcherManager _searchers;
    private readonly SearchIndexOptions _options;
    private readonly Analyzer _queryAnalyzer;
    private readonly Analyzer _nameAnalyzer = new NameAnalyzer();
    private readonly Analyzer _indexAnalyzer;
    private readonly SpellSuggester _suggester;
    private readonly QueryCompiler _compiler;
    private readonly Similarity _similarity;
    // About 16 MB of article text: several thousand news articles, the pages recent searches showed.
    private readonly HitDocumentCache _hitDocuments = new(maxCharacters: 8_000_000);
    private readonly ISet<string> _hitFields;
    private readonly Quotes.QuoteSearch _quotes;
    // Checks the folder for other processes' commits off the search path (null when every search checks).
    private readonly Timer? _refresher;
    private int _disposed;

    private SearchIndex(string path, LuceneDirectory directory, SearchIndexOptions options)
    {
        Path = path;
        _directory = directory;
        _options = options;
        _similarity = new BM25Similarity(options.K1, options.B);
        _searchers = new SearcherManager(directory, new WarmSearcherFactory(_similarity, options.Facets));
        _queryAnalyzer = new NewsAnalyzer(options.Aliases, forQuery: true);
        _indexAnalyzer = SearchSchema.IndexAnalyzer(options.Aliases, options.Facets);
        _suggester = new SpellSuggester(options.Aliases, _queryAnalyzer);
        _compiler = new QueryCompiler(_queryAnalyzer, _nameAnalyzer, options.Aliases, options.Facets, options.TitleBoost);
        _hitFields = SearchSchema.HitFields(options.Facets);
        _quotes = new Quotes.QuoteSearch(_queryAnalyzer, options.Aliases, options.Facets);
        // Longer than a timer can wait (about 49 days), or infinite (negative): never checked.
        if (options.RefreshInterval > TimeSpan.Zero && options.RefreshInterval.TotalMilliseconds < uint.MaxValue - 1)
            _refresher = new Timer(_ => RefreshInBackground(), null, options.RefreshInterval, options.RefreshInterval);
    }

    /// <summary>The folder the index lives in.</summary>
    public string Path { get; }

    /// <summary>The facets this index stores and counts (<see cref="SearchIndexOptions.Facets"/>).</summary>
    public FacetSchema Facets => _options.Facets;

    /// <summary>Opens an existing index for searching.</summary>
    /// <exception cref="IndexNotFoundException">The folder does not exist or holds no index.</exception>
    public static SearchIndex Open(string path, SearchIndexOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        if (!System.IO.Directory.Exists(full))
            throw new IndexNotFoundException(full);
        var directory = SearchSchema.OpenDirectory(full);
        try
        {
            if (!DirectoryReader.IndexExists(directory))
                throw new IndexNotFoundException(full);
            return new SearchIndex(full, directory, options ?? new SearchIndexOptions());
        }
        catch (Exception e) when (e is not SearchException)
        {
            directory.Dispose();
            throw new SearchException($"The index in '{full}' cannot be read ({e.Message}). Rebuild it with 'search index'.", e);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>Opens the index in a folder, creating an empty one first when there is none.</summary>
    /// <exception cref="IndexLockedException">The index has to be created but another writer holds the folder.</exception>
    public static SearchIndex OpenOrCreate(string path, SearchIndexOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        try
        {
            return Open(path, options);
        }
        catch (IndexNotFoundException)
        {
            using (var writer = ArticleWriter.Open(path, options))
                writer.Commit("create");
            return Open(path, options);
        }
    }

    /// <summary>
    /// Opens the writer for this folder. Its commits become visible to this instance's next search.
    /// Only one writer may be open on a folder at a time, across all processes.
    /// </summary>
    /// <exception cref="IndexLockedException">Another writer holds the folder.</exception>
    /// <exception cref="ObjectDisposedException">This index has been disposed.</exception>
    public ArticleWriter OpenWriter()
    {
        ThrowIfDisposed();
        return ArticleWriter.Open(Path, _options, () =>
        {
            if (Volatile.Read(ref _disposed) == 0)
                _searchers.MaybeRefreshBlocking();
        });
    }

    /// <summary>Runs a search: ranked (or sorted) hits with highlights, exact facet counts and warnings.</summary>
    /// <exception cref="InvalidSearchRequestException">The request asks for something out of bounds (size, page, cursor, facet, year range).</exception>
    /// <exception cref="QueryLimitException">The query would cost more than a limit of <see cref="SearchLimits"/> allows.</exception>
    /// <exception cref="SearchTimeoutException">The search ran out of its time budget and was stopped.</exception>
    /// <exception cref="OperationCanceledException">The search was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">This index has been disposed.</exception>
    public SearchResponse Search(SearchRequest request, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidator.Validate(request, Facets);
        return SearchBudget.Run(request.TimeBudget ?? _options.TimeBudget, cancellation, token => SearchWithin(request, token));
    }

    private SearchResponse SearchWithin(SearchRequest request, CancellationToken cancellation)
    {
        var started = Stopwatch.GetTimestamp();
        var searcher = Acquire();
        try
        {
            var warnings = new List<string>();
            var (query, warning) = _compiler.Compile(request.Query);
            if (warning is not null)
                warnings.Add(warning);
            var terms = new SearchTerms(searcher);
            var response = Run(searcher, terms, query, request, warnings, started, cancellation);
            if (!request.Suggest || query is null || warning is not null)
                return response;
            return response with { Suggestion = Suggest(searcher, terms, request, cancellation) };
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>Searches statements (what speakers said) instead of articles: see <see cref="QuoteRequest"/>.</summary>
    /// <exception cref="InvalidSearchRequestException">The request asks for something out of bounds (size, page, years).</exception>
    /// <exception cref="ObjectDisposedException">This index has been disposed.</exception>
    public QuoteResponse SearchQuotes(QuoteRequest request, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var searcher = Acquire();
        try
        {
            return _quotes.Run(searcher, request, cancellation);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private static bool HasFilters(SearchRequest request) =>
        request.Filters.Values.Any(v => v.Count > 0) || request.Ranges.Values.Any(r => r.From is not null || r.To is not null);

    /// <summary>How many articles the query alone matches (every article for an empty query).</summary>
    private static int CountMatches(IndexSearcher searcher, Query? query)
    {
        // Statements live in the same index; they are never articles.
        var count = new TotalHitCountCollector();
        searcher.Search(SearchSchema.NotStatements(query ?? new MatchAllDocsQuery()), count);
        return count.TotalHits;
    }

    /// <summary>
    /// Articles like the one with this id, by their distinctive title and body terms, under the
    /// request's filters and paging (its query is ignored). The article itself and its
    /// near-duplicates are left out. <c>null</c> when there is no such article.
    /// </summary>
    /// <exception cref="InvalidSearchRequestException">The request asks for something out of bounds.</exception>
    public SearchResponse? Similar(string id, SearchRequest request, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.GetTimestamp();
        var like = request with { Query = "", Sort = SortOrder.Relevance, Suggest = false };
        RequestValidator.Validate(like, Facets);
        var searcher = Acquire();
        try
        {
            var found = searcher.Search(new TermQuery(new Term(SearchSchema.Id, id)), 1);
            if (found.TotalHits == 0)
                return null;
            var doc = found.ScoreDocs[0].Doc;
            var cluster = searcher.Doc(doc, new HashSet<string> { SearchSchema.Cluster }).Get(SearchSchema.Cluster);
            var terms = new MoreLikeThis(searcher.IndexReader)
            {
                Analyzer = _indexAnalyzer,
                FieldNames = [SearchSchema.Title, SearchSchema.Body],
                // News articles are short: a distinctive name said once still says what the story is about.
                MinTermFreq = 1,
                MinDocFreq = 2,
                MaxQueryTerms = 25,
                // A word in a fifth of a large collection says nothing about the subject; a small one keeps every word.
                MaxDocFreq = Math.Max(10, searcher.IndexReader.NumDocs / 5),
            }.Like(doc);
            var query = new BooleanQuery { { terms, Occur.MUST }, { new TermQuery(new Term(SearchSchema.Id, id)), Occur.MUST_NOT } };
            if (cluster is not null)
                query.Add(new TermQuery(new Term(SearchSchema.Cluster, cluster)), Occur.MUST_NOT);
            return Run(searcher, new SearchTerms(searcher), query, like, [], started, cancellation) with { Query = id };
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>
    /// The clusters of near-duplicates (articles whose bodies are the same story with small edits),
    /// largest first: each with its article ids and their sites.
    /// </summary>
    public IReadOnlyList<DuplicateCluster> GetDuplicateClusters(int limit = 100)
    {
        var searcher = Acquire();
        try
        {
            var members = new Dictionary<string, List<(string Id, string? Url)>>(StringComparer.Ordinal);
            var links = new MemberLinks(searcher.IndexReader);
            var terms = MultiFields.GetTerms(searcher.IndexReader, SearchSchema.Cluster);
            if (terms is null)
                return [];
            var iterator = terms.GetEnumerator();
            while (iterator.MoveNext())
            {
                if (iterator.DocFreq < 2)
                    continue;
                var label = iterator.Term.Utf8ToString();
                var top = searcher.Search(new TermQuery(new Term(SearchSchema.Cluster, label)), 1000);
                if (top.TotalHits < 2)
                    continue;
                members[label] = top.ScoreDocs.Select(d => links.Of(d.Doc)).OrderBy(m => m.Item1, StringComparer.Ordinal).ToList();
            }
            return members
                .OrderByDescending(m => m.Value.Count).ThenBy(m => m.Key, StringComparer.Ordinal)
                .Take(limit)
                .Select(m => new DuplicateCluster(m.Key, m.Value.Select(v => v.Id).ToArray(), Sites(m.Value.Select(v => v.Url))))
                .ToArray();
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private SearchResponse Run(IndexSearcher searcher, SearchTerms terms, Query? query, SearchRequest request, List<string> warnings, long started, CancellationToken cancellation)
    {
        var sort = request.Sort ?? (query is null ? SortOrder.Newest : SortOrder.Relevance);
        var after = request.Cursor is null ? null : SearchCursor.Decode(request.Cursor, sort);
        var skip = after is null ? (request.Page - 1) * request.Size : 0;
        var wanted = skip + request.Size;
        var fold = request.Collapse && request.Size > 0 && _options.NearDuplicates;
        // Folding needs more ranked documents than the page: a few copies per story is typical.
        var numHits = fold ? wanted * 3 + 10 : wanted;

        var top = request.Size == 0 ? null : TopFieldCollector.Create(HitSort.For(sort), numHits, after, HitSort.FillsFields(sort), true, false, true);
        var counted = request.Facets.Names ?? Facets.Names;
        var period = request.Histogram is { } histogram ? Facets.ForPeriod(histogram.Interval) : null;
        // Without date filters the histogram's counts are the period facet's own, so the main pass counts them too.
        var histogramInMainPass = period is not null && !HasPeriodFilters(request);
        var addedPeriod = histogramInMainPass && !counted.Contains(period!.Name, StringComparer.OrdinalIgnoreCase);
        var (collector, facets) = Collect(searcher, query, request, top, addedPeriod ? [.. counted, period!.Name] : counted, cancellation, terms: terms);
        if (addedPeriod)
            facets = facets.Where(f => f.Name != period!.Name).ToArray();
        var dateHistogram = period is null
            ? null
            : BuildHistogram(searcher, query, request, period, histogramInMainPass ? collector : null, terms, cancellation);
        // The facets and histogram have copied what they show; the count arrays can serve the next search.
        collector.ReturnCounts();

        ScoreDoc[] scoreDocs;
        if (!fold)
            scoreDocs = top?.GetTopDocs(skip, request.Size).ScoreDocs ?? [];
        else
        {
            var ranked = top!.GetTopDocs().ScoreDocs;
            var folded = NearDuplicateFolding.Fold(searcher.IndexReader, ranked);
            while (folded.Count < wanted && ranked.Length == numHits && numHits < collector.TotalHits)
            {
                numHits = Math.Min(numHits * 4, collector.TotalHits);
                var more = TopFieldCollector.Create(HitSort.For(sort), numHits, after, HitSort.FillsFields(sort), true, false, true);
                Collect(searcher, query, request, more, [], cancellation, buildResults: false, terms);
                ranked = more.GetTopDocs().ScoreDocs;
                folded = NearDuplicateFolding.Fold(searcher.IndexReader, ranked);
            }
            scoreDocs = folded.Skip(skip).Take(request.Size).ToArray();
        }

        var highlightQuery = request.Highlight.Enabled ? HighlightQuery.From(query, searcher) : HighlightQuery.Empty;
        var matcher = new TextMatcher(terms, highlightQuery);
        var weights = new TermWeights(terms);
        var speakers = Quotes.SpeakerPassages.Named(query, request.SelectedValues(FacetNames.Speaker).Select(v => Facets.Find(FacetNames.Speaker)?.Resolve(v, _options.Aliases) ?? v).ToArray());
        var hits = new SearchHit[scoreDocs.Length];
        // In index order, so that the matcher reads each term's postings forward once for the page.
        foreach (var i in Enumerable.Range(0, scoreDocs.Length).OrderBy(i => scoreDocs[i].Doc))
            hits[i] = ToHit(searcher, scoreDocs[i], matcher, request.Highlight, weights, speakers, cancellation);
        if (fold)
            hits = WithDuplicates(searcher, query, request, hits, scoreDocs, terms, cancellation);
        if (request.Explain && query is not null)
            hits = hits.Select((h, i) => h with { Explanation = Explain(searcher, query, scoreDocs[i], request) }).ToArray();
        var next = scoreDocs.Length == request.Size && request.Size > 0 && (after is not null || skip + request.Size < collector.TotalHits)
            ? SearchCursor.Encode(sort, HitSort.FillsFields(sort) ? (FieldDoc)scoreDocs[^1] : HitSort.RelevanceCursor(scoreDocs[^1], hits[^1].Id))
            : null;
        var withoutFilters = collector.TotalHits == 0 && HasFilters(request) ? CountMatches(searcher, query) : (int?)null;
        return new SearchResponse(request.Query, collector.TotalHits, Stopwatch.GetElapsedTime(started), hits, facets, warnings, next, withoutFilters)
        {
            CommittedAt = CommitTime(searcher.IndexReader),
            Histogram = dateHistogram,
        };
    }

    /// <summary>
    /// The hits with their near-duplicates: the other articles of each hit's cluster that match the
    /// same query and filters, found in one search for the whole page. No two hits of a page share
    /// a cluster (folding kept one of each), so leaving out every hit leaves out only each cluster's own.
    /// </summary>
    private SearchHit[] WithDuplicates(IndexSearcher searcher, Query? query, SearchRequest request, SearchHit[] hits, ScoreDoc[] shown, SearchTerms terms, CancellationToken cancellation)
    {
        var clusters = new BooleanQuery();
        for (var i = 0; i < hits.Length; i++)
        {
            // A cluster's size counts deleted copies until they are merged away; only ones with company are asked for.
            if (hits[i].Cluster is { } cluster
                && (ClusterCompany.HasCompany(searcher.IndexReader, shown[i].Doc, cluster) ?? terms.DocFreq(new Term(SearchSchema.Cluster, cluster)) >= 2))
                clusters.Add(new TermQuery(new Term(SearchSchema.Cluster, cluster)), Occur.SHOULD);
        }
        if (clusters.Clauses.Count == 0)
            return hits;
        var members = new BooleanQuery { { clusters, Occur.MUST } };
        if (query is not null)
            members.Add(query, Occur.MUST);
        // The page's own hits are left out by document rather than by a query clause per id: the same
        // documents (ids are unique among live articles), without a postings enumerator for each.
        var found = new ClusterMemberCollector(shown.Select(d => d.Doc).ToHashSet());
        Collect(searcher, members, request, found, [], cancellation, buildResults: false, terms);
        var links = new MemberLinks(searcher.IndexReader);
        return hits.Select(h => h.Cluster is { } cluster && found.Members(cluster) is { Count: > 0 } docs
            ? h with { Duplicates = ToDuplicates(cluster, docs.Count, docs.Take(SearchLimits.MaxPageSize).Select(links.Of).ToArray()) }
            : h).ToArray();
    }

    /// <summary>A cluster's matching members: how many, and the first page of them, best first.</summary>
    private static HitDuplicates ToDuplicates(string cluster, int count, IReadOnlyList<(string Id, string? Url)> listed) =>
        new(cluster, count, listed.Select(m => m.Id).ToArray(), Sites(listed.Select(m => m.Url)));

    private static string[] Sites(IEnumerable<string?> urls) =>
        urls.Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri.Host : null).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToArray();

    private HitExplanation Explain(IndexSearcher searcher, Query query, ScoreDoc scoreDoc, SearchRequest request)
    {
        var explanation = searcher.Explain(Filtered(query, request), scoreDoc.Doc);
        var article = SearchSchema.ToArticle(searcher.Doc(scoreDoc.Doc), Facets);
        return new HitExplanation(scoreDoc.Score, ScoreExplainer.Contributions(explanation), article.Evidence);
    }

    /// <summary>
    /// A respelt query when the query's words are rare and the respelling finds clearly more: half as
    /// many again as the articles with all the query's words, and at least one more.
    /// </summary>
    private QuerySuggestion? Suggest(IndexSearcher searcher, SearchTerms terms, SearchRequest request, CancellationToken cancellation)
    {
        if (_suggester.Respell(terms, request.Query) is not { } respelt)
            return null;
        var total = Collect(searcher, _suggester.AllWords(request.Query), request, null, [], cancellation, buildResults: false, terms).Collector.TotalHits;
        var (query, warning) = _compiler.Compile(respelt);
        if (query is null || warning is not null)
            return null;
        var (collector, _) = Collect(searcher, query, request, null, [], cancellation, buildResults: false, terms);
        return 2 * collector.TotalHits >= 3 * total && collector.TotalHits > total ? new QuerySuggestion(respelt, collector.TotalHits) : null;
    }

    /// <summary>
    /// Values of one facet under a search, optionally those with a word starting with a prefix
    /// ("Mi" finds Mike Pompeo and Matthew Miller), most frequent first. The facet's own filter is
    /// ignored, as in drill-sideways counts.
    /// </summary>
    /// <exception cref="InvalidSearchRequestException">The facet is unknown or the search is out of bounds.</exception>
    /// <exception cref="SearchTimeoutException">The search ran out of its time budget and was stopped.</exception>
    public IReadOnlyList<FacetValue> GetFacetValues(FacetValuesRequest request, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidator.Validate(request, Facets);
        return SearchBudget.Run(request.Search.TimeBudget ?? _options.TimeBudget, cancellation, token => FacetValuesWithin(request, token));
    }

    private IReadOnlyList<FacetValue> FacetValuesWithin(FacetValuesRequest request, CancellationToken cancellation)
    {
        var facet = Facets.Get(request.Facet).Name;
        var searcher = Acquire();
        try
        {
            var (query, _) = _compiler.Compile(request.Search.Query);
            var (collector, _) = Collect(searcher, query, request.Search, null, [facet], cancellation, buildResults: false);
            var ordinals = FacetReaderState.For(searcher.IndexReader, Facets)[facet];
            var counts = collector.Counts(facet);
            var prefix = SearchSchema.FacetKey(request.Prefix);
            var selected = request.Search.SelectedValues(facet).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var values = Enumerable.Range(0, counts.Length)
                .Where(ord => counts[ord] > 0)
                .Select(ord => (Label: ordinals.Label(ord), Count: counts[ord]))
                .Where(v => prefix.Length == 0 || HasWordStarting(SearchSchema.FacetKey(v.Label), prefix))
                .OrderByDescending(v => v.Count).ThenBy(v => v.Label, StringComparer.Ordinal)
                .Take(request.Limit)
                .Select(v => new FacetValue(v.Label, v.Count, selected.Contains(v.Label)))
                .ToArray();
            collector.ReturnCounts();
            return values;
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>
    /// Cross-tabulates two facets over a search's matches: exact article counts for each pair of
    /// the top row and column values. The search's filters on the two facets are ignored
    /// (drill-sideways), so a selected pair keeps the rest of the table.
    /// </summary>
    /// <exception cref="InvalidSearchRequestException">A facet is unknown, the two are the same, a top N is out of bounds, or the search is.</exception>
    /// <exception cref="OperationCanceledException">The pivot was cancelled.</exception>
    public PivotTable Pivot(PivotRequest request, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidator.Validate(request, Facets);
        var rowFacet = Facets.Get(request.Rows);
        var columnFacet = Facets.Get(request.Columns);
        var searcher = Acquire();
        try
        {
            var (query, _) = _compiler.Compile(request.Search.Query);
            var state = FacetReaderState.For(searcher.IndexReader, Facets);
            var rowOrdinals = state[rowFacet.Name];
            var columnOrdinals = state[columnFacet.Name];
            var pivot = new PivotCollector(rowOrdinals, columnOrdinals);
            var search = WithoutFilters(request.Search, name => name == rowFacet.Name || name == columnFacet.Name);
            Collect(searcher, query, search, pivot, [], cancellation, buildResults: false);
            var rows = TopOrdinals(pivot.RowCounts, request.TopRows);
            var columns = TopOrdinals(pivot.ColumnCounts, request.TopColumns);
            return new PivotTable(
                rowFacet.Name,
                columnFacet.Name,
                rows.Select(rowOrdinals.Label).ToArray(),
                columns.Select(columnOrdinals.Label).ToArray(),
                rows.Select(r => (IReadOnlyList<int>)columns.Select(c => pivot.Count(r, c)).ToArray()).ToArray(),
                rows.Select(r => pivot.RowCounts[r]).ToArray(),
                columns.Select(c => pivot.ColumnCounts[c]).ToArray(),
                pivot.Total);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>
    /// Every match of a search, in the search's order, read a batch at a time from one snapshot of
    /// the index, so memory stays flat however many there are (for exports). Paging options
    /// (<see cref="SearchRequest.Page"/>, <see cref="SearchRequest.Size"/>, <see cref="SearchRequest.Cursor"/>)
    /// and facet options are ignored; highlighting follows <see cref="SearchRequest.Highlight"/>.
    /// Dispose the enumerator (a <c>foreach</c> does) to release the snapshot.
    /// </summary>
    /// <exception cref="InvalidSearchRequestException">The request is out of bounds (checked before the first match).</exception>
    /// <exception cref="QueryLimitException">The query would cost more than a limit allows.</exception>
    public IEnumerable<SearchHit> Matches(SearchRequest request, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var matches = request with { Page = 1, Size = 0, Cursor = null, Histogram = null };
        RequestValidator.Validate(matches, Facets);
        _compiler.Compile(matches.Query);
        ThrowIfDisposed();
        return EnumerateMatches(matches, cancellation);
    }

    // Big enough that a million matches take a hundred passes, small enough that a batch's sort queue stays a few megabytes.
    private const int MatchBatchSize = 10_000;

    private IEnumerable<SearchHit> EnumerateMatches(SearchRequest request, CancellationToken cancellation)
    {
        var searcher = Acquire();
        try
        {
            var (query, _) = _compiler.Compile(request.Query);
            var sort = request.Sort ?? (query is null ? SortOrder.Newest : SortOrder.Relevance);
            var terms = new SearchTerms(searcher);
            var matcher = new TextMatcher(terms, request.Highlight.Enabled ? HighlightQuery.From(query, searcher) : HighlightQuery.Empty);
            var weights = new TermWeights(terms);
            FieldDoc? after = null;
            while (true)
            {
                var top = TopFieldCollector.Create(HitSort.For(sort), MatchBatchSize, after, true, true, false, true);
                Collect(searcher, query, request, top, [], cancellation, buildResults: false, terms);
                var batch = top.GetTopDocs().ScoreDocs;
                foreach (var scoreDoc in batch)
                    yield return ToHit(searcher, scoreDoc, matcher, request.Highlight, weights, [], cancellation, cached: false);
                if (batch.Length < MatchBatchSize)
                    yield break;
                after = (FieldDoc)batch[^1];
            }
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>
    /// Opens one snapshot of the index for reading every stored article and statement, one document
    /// at a time (for copying the index elsewhere): what it reads is consistent however the index
    /// changes meanwhile. Dispose it to release the snapshot.
    /// </summary>
    public IndexContents ReadContents()
    {
        var searcher = Acquire();
        return new IndexContents(searcher.IndexReader, Facets, () => _searchers.Release(searcher));
    }

    /// <summary>Whether the folded value, or one of its words, starts with the folded prefix ("mi" matches "matthew miller").</summary>
    private static bool HasWordStarting(string value, string prefix) =>
        value.StartsWith(prefix, StringComparison.Ordinal)
        || value.Split(' ', '-').Any(word => word.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>The stored article with this id, or <c>null</c>.</summary>
    public Article? GetArticle(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var searcher = Acquire();
        try
        {
            var top = searcher.Search(new TermQuery(new Term(SearchSchema.Id, id)), 1);
            return top.TotalHits == 0 ? null : SearchSchema.ToArticle(searcher.Doc(top.ScoreDocs[0].Doc), Facets);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>
    /// The stored article with this id and its whole title and body with the matches of
    /// <paramref name="query"/> marked (for reading a hit in full), or <c>null</c> when there is no such article.
    /// </summary>
    /// <exception cref="SearchTimeoutException">Compiling and marking the query ran out of the index's time budget.</exception>
    public ArticleHighlight? HighlightArticle(string id, string query)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(query);
        RequestValidator.ValidateQuery(query);
        return SearchBudget.Run(_options.TimeBudget, default, _ => HighlightArticleWithin(id, query));
    }

    private ArticleHighlight? HighlightArticleWithin(string id, string query)
    {
        var searcher = Acquire();
        try
        {
            var top = searcher.Search(new TermQuery(new Term(SearchSchema.Id, id)), 1);
            if (top.TotalHits == 0)
                return null;
            var doc = top.ScoreDocs[0].Doc;
            var article = SearchSchema.ToArticle(searcher.Doc(doc), Facets);
            var (parsed, warning) = _compiler.Compile(query);
            var matcher = new TextMatcher(new SearchTerms(searcher), HighlightQuery.From(parsed, searcher));
            return new ArticleHighlight(
                article,
                Highlighter.Whole(article.Title, matcher.Find(doc, SearchSchema.Title)),
                Highlighter.Whole(article.Body, matcher.Find(doc, SearchSchema.Body)),
                warning is null ? [] : [warning]);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>Document count, facet summaries, size on disk and the last commit.</summary>
    public IndexStats GetStats(int topValues = 10)
    {
        var searcher = Acquire();
        try
        {
            var (counted, facets) = Collect(searcher, null, new SearchRequest { Facets = new FacetOptions { TopN = topValues } }, null, Facets.Names, default);
            counted.ReturnCounts();
            var size = _directory.ListAll().Sum(f => SafeLength(f));
            var commit = ((DirectoryReader)searcher.IndexReader).IndexCommit.UserData;
            var statements = searcher.Search(new TermQuery(SearchSchema.StatementTerm), 1).TotalHits;
            return new IndexStats(searcher.IndexReader.NumDocs - statements, facets, size, CommitTime(searcher.IndexReader), commit.TryGetValue(CommitData.CommittedBy, out var by) ? by : null)
            {
                Segments = searcher.IndexReader.Leaves.Count,
            };
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>How often a page's hits came from the hit cache rather than from disk, since the index was opened.</summary>
    public CacheStatistics HitCache => _hitDocuments.Statistics;

    /// <summary>The commit time of the reader's commit, read once per reader (a reader never changes commit).</summary>
    private static DateTimeOffset? CommitTime(IndexReader reader) =>
        CommitTimes.GetValue(reader, r =>
        {
            var data = ((DirectoryReader)r).IndexCommit.UserData;
            return new StrongBox<DateTimeOffset?>(data.TryGetValue(CommitData.CommittedAt, out var at)
                && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) ? parsed : null);
        }).Value;

    private static readonly ConditionalWeakTable<IndexReader, StrongBox<DateTimeOffset?>> CommitTimes = new();

    /// <summary>Closes the index. Searches already running may finish; later calls throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        _refresher?.Dispose();
        _searchers.Dispose();
        _directory.Dispose();
        _queryAnalyzer.Dispose();
        _nameAnalyzer.Dispose();
        _indexAnalyzer.Dispose();
    }

    private void ThrowIfDisposed()
    {
        if (Volatile.Read(ref _disposed) != 0)
            throw Disposed();
    }

    private ObjectDisposedException Disposed() =>
        new(nameof(SearchIndex), $"The index in '{Path}' has been disposed; open it again with SearchIndex.Open to search it.");

    /// <exception cref="ObjectDisposedException">This index has been disposed, before or during the call.</exception>
    private IndexSearcher Acquire()
    {
        ThrowIfDisposed();
        try
        {
            if (_refresher is null && _options.RefreshInterval == TimeSpan.Zero)
                _searchers.MaybeRefresh();
            return _searchers.Acquire();
        }
        catch (ObjectDisposedException)
        {
            // Disposed by another thread between the check and the acquire.
            throw Disposed();
        }
    }

    /// <summary>
    /// One tick of the background check. Reading the folder used to happen inside a search every
    /// <see cref="SearchIndexOptions.RefreshInterval"/>, and that search paid for it; here nobody waits.
    /// </summary>
    private void RefreshInBackground()
    {
        if (Volatile.Read(ref _disposed) != 0)
            return;
        try
        {
            // Non-blocking: a tick that finds a refresh under way (a writer's commit) leaves it to that one.
            _searchers.MaybeRefresh();
        }
        catch (ObjectDisposedException)
        {
            // Disposed between the check and the refresh.
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A commit being written or deleted by another process: searches keep the reader they
            // have, and the next tick tries again. Throwing here would end the process (a timer thread).
        }
    }

    private (FacetingCollector Collector, IReadOnlyList<FacetResult> Facets) Collect(
        IndexSearcher searcher, Query? query, SearchRequest request, ICollector? hits, IReadOnlyList<string> counted,
        CancellationToken cancellation, bool buildResults = true, SearchTerms? terms = null)
    {
        var state = FacetReaderState.For(searcher.IndexReader, Facets);
        var countedSet = counted.Select(c => c.ToLowerInvariant()).ToHashSet();
        var selections = Facets.Names
            .Select(f => new FacetSelection(f, ResolveSelection(state, f, request.SelectedValues(f)), countedSet.Contains(f)))
            .ToArray();
        var collector = new FacetingCollector(hits, state, selections, cancellation);
        searcher.Search((terms ?? new SearchTerms(searcher)).Prepare(Filtered(query, request)), collector);
        if (!buildResults)
            return (collector, []);
        var results = selections
            .Where(s => s.Counted)
            .Select(s => FacetResultBuilder.Build(Facets.Get(s.Facet), collector.Counts(s.Facet), state[s.Facet], request.SelectedValues(s.Facet), s.Values, request.Facets))
            .ToArray();
        return (collector, results);
    }

    private bool HasPeriodFilters(SearchRequest request) =>
        Facets.Definitions.Any(f => f.Period is not null && (request.SelectedValues(f.Name).Count > 0 || request.RangeOf(f.Name) is not null));

    /// <summary>The request without its filters and ranges on the facets <paramref name="dropped"/> names.</summary>
    private static SearchRequest WithoutFilters(SearchRequest request, Func<string, bool> dropped) => request with
    {
        Filters = request.Filters.Where(f => !dropped(f.Key.ToLowerInvariant())).ToDictionary(f => f.Key, f => f.Value),
        Ranges = request.Ranges.Where(r => !dropped(r.Key.ToLowerInvariant())).ToDictionary(r => r.Key, r => r.Value),
    };

    /// <summary>The histogram over <paramref name="period"/>, from the main pass's counts when it had no date filters, else from a pass without them.</summary>
    private DateHistogram BuildHistogram(IndexSearcher searcher, Query? query, SearchRequest request, FacetDefinition period, FacetingCollector? counted, SearchTerms terms, CancellationToken cancellation)
    {
        var ownPass = counted is null;
        if (counted is null)
        {
            var undated = WithoutFilters(request, name => Facets.Find(name)?.Period is not null);
            (counted, _) = Collect(searcher, query, undated, null, [period.Name], cancellation, buildResults: false, terms);
        }
        var ordinals = FacetReaderState.For(searcher.IndexReader, Facets)[period.Name];
        var histogram = HistogramBuilder.Build(request.Histogram!, counted.Counts(period.Name), ordinals.CountsOverAllDocuments(), ordinals);
        if (ownPass)
            counted.ReturnCounts();
        return histogram;
    }

    /// <summary>The ordinals with a non-zero count, most first (ties in value order), at most <paramref name="top"/>.</summary>
    private static int[] TopOrdinals(int[] counts, int top) =>
        Enumerable.Range(0, counts.Length)
            .Where(ord => counts[ord] > 0)
            .OrderByDescending(ord => counts[ord]).ThenBy(ord => ord)
            .Take(top)
            .ToArray();

    /// <summary>Maps the request's values to the values stored in the index (through the facet's canonicaliser, then ignoring case).</summary>
    private IReadOnlyList<string> ResolveSelection(FacetReaderState state, string facet, IReadOnlyList<string> values) =>
        values
            .Select(v => Facets.Get(facet).Resolve(v, _options.Aliases))
            .SelectMany(v => state[facet].Resolve(v) is { Count: > 0 } stored ? stored : [v])
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    private Query Filtered(Query? query, SearchRequest request)
    {
        var filtered = SearchSchema.NotStatements(query ?? new MatchAllDocsQuery());
        if (request.IndexedAfter is { } after)
            filtered = new FilteredQuery(filtered, SearchSchema.IndexedAfter(after.UtcTicks));
        foreach (var facet in Facets.Definitions)
        {
            if (request.RangeOf(facet.Name) is { } range && (range.From is not null || range.To is not null))
                filtered = new FilteredQuery(filtered, SearchSchema.IntegerRangeFilter(SearchSchema.FacetValueField(facet), range.From, range.To));
        }
        return filtered;
    }

    // Not cached for a scan over many matches (an export), which would only evict the pages recent searches showed.
    private SearchHit ToHit(IndexSearcher searcher, ScoreDoc scoreDoc, TextMatcher matcher, HighlightOptions options, TermWeights weights, IReadOnlyList<string> speakers, CancellationToken cancellation, bool cached = true)
    {
        cancellation.ThrowIfCancellationRequested();
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(scoreDoc.Doc, leaves)];
        Article Load() => SearchSchema.ToArticle(searcher.Doc(scoreDoc.Doc, _hitFields), Facets);
        var (article, sentences) = cached
            ? _hitDocuments.Get(leaf, scoreDoc.Doc - leaf.DocBase, Load)
            : Loaded(Load());
        if (!options.Enabled)
            return ToHit(article, scoreDoc.Score, HighlightedText.Plain(article.Title), []);
        var title = Highlighter.Whole(article.Title, matcher.Find(scoreDoc.Doc, SearchSchema.Title));
        var bodyMatches = matcher.Find(scoreDoc.Doc, SearchSchema.Body);
        var passages = Quotes.SpeakerPassages.For(searcher, article.Id, article.Body, bodyMatches, speakers, options.Passages)
            ?? Highlighter.Passages(article.Body, sentences, bodyMatches, options, weights.Weight);
        return ToHit(article, scoreDoc.Score, title, passages);
    }

    private static HitDocument Loaded(Article article) => new(article, SentenceSplitter.Split(article.Body));

    private static SearchHit ToHit(Article article, float score, HighlightedText title, IReadOnlyList<HighlightedText> passages) =>
        new(article.Id, score, article.Title, title, passages, article.Published, article.Facets, article.Url) { Cluster = article.Cluster };

    private long SafeLength(string file)
    {
        try
        {
            return _directory.FileLength(file);
        }
        catch (IOException)
        {
            // A file merged away between listing and measuring no longer counts.
            return 0;
        }
    }

    /// <summary>
    /// Searchers with the index's similarity, over readers that a refresh opens warmed before any search
    /// sees them (<see cref="ReaderWarmer"/>). The reader the index opens with is left to its first
    /// searches: a one-shot search would pay for parts it never reads (60 ms more on a million articles
    /// in 14 segments), and a long-lived index's first search pays for compiling its code anyway.
    /// </summary>
    private sealed class WarmSearcherFactory(Similarity similarity, FacetSchema facets) : SearcherFactory
    {
        // The first reader is made by the SearcherManager's constructor; later ones under its refresh lock.
        private bool _opened;

        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            if (_opened)
                ReaderWarmer.Warm(reader, facets);
            _opened = true;
            return new(reader) { Similarity = similarity };
        }
    }
}
