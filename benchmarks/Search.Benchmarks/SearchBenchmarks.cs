using BenchmarkDotNet.Attributes;
using Search.Benchmarks.Peer;
using Search.Core;

namespace Search.Benchmarks;

/// <summary>
/// Search latency by query shape, with and without facet counts and highlighted passages. Each
/// operation is one search; an invocation runs a fixed set of queries of the shape drawn from the
/// corpus with a fixed seed.
/// </summary>
[MemoryDiagnoser]
public class SearchBenchmarks
{
    private const int QueriesPerShape = 16;
    private SearchIndex? _index;
    private SearchRequest[] _requests = [];

    [Params(QueryShape.Term, QueryShape.Phrase, QueryShape.And, QueryShape.Or, QueryShape.Prefix)]
    public QueryShape Shape { get; set; }

    [Params(false, true)]
    public bool Facets { get; set; }

    [Params(false, true)]
    public bool Highlight { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var (index, articles) = BenchmarkIndex.Open();
        _index = index;
        var queries = QuerySetGenerator.Generate(articles, QueriesPerShape, seed: 42, [Shape]);
        _requests = queries.Select(q => new SearchRequest
        {
            Query = q.Ours,
            Size = 10,
            Facets = Facets ? new FacetOptions { TopN = 10 } : new FacetOptions { Names = [] },
            Highlight = new HighlightOptions { Enabled = Highlight },
        }).ToArray();
        if (_requests.Length == 0)
            throw new InvalidOperationException("The corpus yielded no queries of this shape.");
    }

    [GlobalCleanup]
    public void Cleanup() => _index?.Dispose();

    [Benchmark(OperationsPerInvoke = QueriesPerShape)]
    public int Search()
    {
        var total = 0;
        foreach (var request in _requests)
            total += _index!.Search(request).Total;
        return total;
    }
}

/// <summary>
/// The parts of a search in isolation, on the same term queries: counting alone (no page), facet
/// counting alone (no page), a page of 10 plain, a page of 10 highlighted.
/// </summary>
[MemoryDiagnoser]
public class FacetAndHighlightBenchmarks
{
    private const int Queries = 16;
    private SearchIndex? _index;
    private string[] _queries = [];

    [GlobalSetup]
    public void Setup()
    {
        var (index, articles) = BenchmarkIndex.Open();
        _index = index;
        _queries = QuerySetGenerator.Generate(articles, Queries, seed: 7, [QueryShape.Term]).Select(q => q.Ours).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => _index?.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Queries)]
    public int CountOnly() => Run(0, facets: false, highlight: false);

    [Benchmark(OperationsPerInvoke = Queries)]
    public int FacetsOnly() => Run(0, facets: true, highlight: false);

    [Benchmark(OperationsPerInvoke = Queries)]
    public int TopTenPlain() => Run(10, facets: false, highlight: false);

    [Benchmark(OperationsPerInvoke = Queries)]
    public int TopTenHighlighted() => Run(10, facets: false, highlight: true);

    [Benchmark(OperationsPerInvoke = Queries)]
    public int TopTenFacetedHighlighted() => Run(10, facets: true, highlight: true);

    private int Run(int size, bool facets, bool highlight)
    {
        var total = 0;
        foreach (var query in _queries)
        {
            total += _index!.Search(new SearchRequest
            {
                Query = query,
                Size = size,
                Facets = facets ? new FacetOptions { TopN = 10 } : new FacetOptions { Names = [] },
                Highlight = new HighlightOptions { Enabled = highlight },
            }).Total;
        }
        return total;
    }
}
