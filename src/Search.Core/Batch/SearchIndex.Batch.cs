using System.Diagnostics;
using Lucene.Net.Search;
using Search.Core.Batch;
using Search.Core.Highlighting;
using Search.Core.Querying;

namespace Search.Core;

public sealed partial class SearchIndex
{
    /// <summary>
    /// Runs every entry of a batch against one snapshot of the index, several at once
    /// (<see cref="BatchRequest.Parallelism"/>), each within the time budget of
    /// <see cref="BatchRequest.Search"/> on its own. An entry that cannot be searched (a quote not
    /// closed, a pattern over a limit of <see cref="SearchLimits"/>, out of time) gets
    /// <see cref="BatchResult.Error"/> in its row; the others are unaffected. Unlike a search, an
    /// entry that does not parse is not searched as plain words instead: a count for other words
    /// than the entry's would read as the entry's.
    /// </summary>
    /// <param name="request">The entries and what they share.</param>
    /// <param name="progress">Told the number of entries done after each one; may be <c>null</c>.</param>
    /// <param name="cancellation">Cancels the whole batch.</param>
    /// <exception cref="InvalidSearchRequestException">The batch as a whole is out of bounds: no entries or too many, shared options or filters out of bounds.</exception>
    /// <exception cref="OperationCanceledException">The batch was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">This index has been disposed.</exception>
    public BatchResponse SearchBatch(BatchRequest request, IProgress<int>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ValidateBatch(request);
        var started = Stopwatch.GetTimestamp();
        var shared = request.Search with
        {
            Query = "",
            Page = 1,
            Size = request.Hits,
            Cursor = null,
            Histogram = null,
            Collapse = false,
            Explain = false,
            Suggest = false,
        };
        var budget = shared.TimeBudget ?? _options.TimeBudget;
        var results = new BatchResult[request.Entries.Count];
        var done = 0;
        var searcher = Acquire();
        try
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = request.Parallelism, CancellationToken = cancellation };
            Parallel.For(0, results.Length, options, i =>
            {
                var entry = request.Entries[i];
                results[i] = SearchEntry(searcher, entry, entry.Matching ?? request.Matching, shared, request.Facets, budget, cancellation);
                progress?.Report(Interlocked.Increment(ref done));
            });
            return new BatchResponse(results, Stopwatch.GetElapsedTime(started)) { CommittedAt = CommitTime(searcher.IndexReader) };
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private void ValidateBatch(BatchRequest request)
    {
        if (request.Entries is not { Count: > 0 } entries)
            throw new InvalidSearchRequestException(nameof(BatchRequest.Entries), "The batch has no entries; give at least one name or phrase.");
        if (entries.Count > SearchLimits.MaxBatchEntries)
            throw new InvalidSearchRequestException(nameof(BatchRequest.Entries), $"The batch has {entries.Count:N0} entries; the limit is {SearchLimits.MaxBatchEntries:N0}. Split it into several batches.");
        if (request.Hits is < 0 or > SearchLimits.MaxPageSize)
            throw new InvalidSearchRequestException(nameof(BatchRequest.Hits), $"The hits per entry must be between 0 and {SearchLimits.MaxPageSize}; it was {request.Hits}.");
        if (request.Parallelism is < 1 or > SearchLimits.MaxBatchParallelism)
            throw new InvalidSearchRequestException(nameof(BatchRequest.Parallelism), $"The parallelism must be between 1 and {SearchLimits.MaxBatchParallelism}; it was {request.Parallelism}.");
        BatchQuery.Validate(request.Matching, nameof(BatchRequest.Matching));
        RequestValidator.Validate(request.Search with { Query = "", Page = 1, Size = request.Hits, Cursor = null, Histogram = null, Facets = request.Search.Facets with { Names = request.Facets } }, Facets);
    }

    private BatchResult SearchEntry(IndexSearcher searcher, BatchEntry entry, BatchMatching matching, SearchRequest shared, IReadOnlyList<string> counted, TimeSpan budget, CancellationToken cancellation)
    {
        var result = new BatchResult(entry.Text ?? "");
        try
        {
            BatchQuery.Validate(matching, nameof(BatchEntry.Matching));
            if (BatchQuery.For(result.Entry, matching) is not { } text)
                return result with { Error = "The entry is empty; there is nothing to search for." };
            result = result with { Query = text };
            RequestValidator.ValidateQuery(text);
            return SearchBudget.Run(budget, cancellation, token => SearchEntryWithin(searcher, text, shared with { Query = text }, counted, result, token));
        }
        catch (SearchException e)
        {
            return result with { Error = e.Message };
        }
    }

    private BatchResult SearchEntryWithin(IndexSearcher searcher, string text, SearchRequest request, IReadOnlyList<string> counted, BatchResult result, CancellationToken cancellation)
    {
        var (query, problem) = _compiler.CompileExactly(text);
        if (problem is not null)
            return result with { Error = problem };
        var sort = request.Sort ?? SortOrder.Relevance;
        var top = request.Size == 0 ? null : TopFieldCollector.Create(HitSort.For(sort), request.Size, null, true, true, false, true);
        var dates = new DateSpanCollector();
        // One term lookup for the counting pass and the highlighting, as in Search.
        var terms = new SearchTerms(searcher);
        var (collector, facets) = Collect(searcher, query, request, top is null ? dates : MultiCollector.Wrap(top, dates), counted, cancellation, buildResults: counted.Count > 0, terms);
        // The facets have copied what they show; the count arrays can serve the next entry, as in Search.
        collector.ReturnCounts();
        var hits = Array.Empty<SearchHit>();
        if (top is not null)
        {
            var matcher = new TextMatcher(terms, request.Highlight.Enabled ? HighlightQuery.From(query, searcher) : HighlightQuery.Empty);
            var weights = new TermWeights(terms);
            hits = top.GetTopDocs().ScoreDocs.Select(d => ToHit(searcher, d, matcher, request.Highlight, weights, [], cancellation)).ToArray();
        }
        return result with
        {
            Total = collector.TotalHits,
            First = dates.Min is { } min ? new DateTimeOffset(min, TimeSpan.Zero) : null,
            Last = dates.Max is { } max ? new DateTimeOffset(max, TimeSpan.Zero) : null,
            Hits = hits,
            Facets = facets,
        };
    }
}
