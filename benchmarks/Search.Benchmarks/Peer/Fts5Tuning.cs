namespace Search.Benchmarks.Peer;

/// <summary>How the FTS5 peer counts facets over the match set.</summary>
public enum Fts5FacetPlan
{
    /// <summary>The matching rowids go into a temp table, which the count and three GROUP BYs read (the plan until session 3).</summary>
    TempTable,

    /// <summary>The count and each facet are separate statements, each running the MATCH again.</summary>
    PerFacet,

    /// <summary>One statement: a materialised CTE of the matches, the count and the three GROUP BYs joined to it with UNION ALL.</summary>
    OneStatement,
}

/// <summary>How the FTS5 peer orders its top 10.</summary>
public enum Fts5TopOrder
{
    /// <summary><c>ORDER BY bm25(…) LIMIT 10</c>: SQLite's bounded sorter, but every column (snippets included) is computed for every match before sorting.</summary>
    Bm25Expression,

    /// <summary><c>ORDER BY rank</c> (configured to the same weights): FTS5 sorts all matches itself, and <c>snippet()</c> and <c>highlight()</c> run for the 10 rows returned only.</summary>
    RankColumn,

    /// <summary><c>bm25()</c> for plain pages and <c>rank</c> for highlighted ones: the faster of the two for each.</summary>
    RankWhenHighlighting,
}

/// <summary>
/// The settings of the FTS5 peer, after SQLite's FTS5 documentation and its pragmas: what the sweep
/// (<c>peer --fts5-tuning</c>) varies one at a time. <see cref="Tuned"/> is the fastest correct
/// combination and is what <c>peer</c> compares against.
/// </summary>
public sealed record Fts5Tuning
{
    /// <summary>A short name for the report.</summary>
    public string Name { get; init; } = "tuned";

    /// <summary>Build with <c>journal_mode=OFF</c> and <c>synchronous=OFF</c> (a bulk load that is redone on failure); false uses WAL with <c>synchronous=NORMAL</c>.</summary>
    public bool UnjournaledBuild { get; init; } = true;

    /// <summary>Database page size in bytes (SQLite's default 4096).</summary>
    public int PageSize { get; init; } = 4096;

    /// <summary>Run FTS5's <c>'optimize'</c> command after the bulk load, merging the index into one b-tree.</summary>
    public bool Optimize { get; init; } = true;

    /// <summary>FTS5's <c>automerge</c> setting during the load; <c>null</c> keeps the default (4).</summary>
    public int? AutoMerge { get; init; }

    /// <summary>FTS5's <c>crisismerge</c> setting during the load; <c>null</c> keeps the default (16).</summary>
    public int? CrisisMerge { get; init; }

    /// <summary>The FTS5 <c>detail</c> option: <c>full</c> (positions; needed for phrases) or <c>column</c>.</summary>
    public string Detail { get; init; } = "full";

    /// <summary><c>PRAGMA mmap_size</c> for queries, in bytes; 0 reads through the page cache only.</summary>
    public long MmapSize { get; init; } = 256L << 20;

    /// <summary><c>PRAGMA cache_size</c> for queries, in KiB (SQLite's default is 2000).</summary>
    public int CacheKib { get; init; } = 64_000;

    /// <summary>How the facet counts are computed.</summary>
    public Fts5FacetPlan Facets { get; init; } = Fts5FacetPlan.OneStatement;

    /// <summary>How the top 10 is ordered (the same BM25 weights either way).</summary>
    public Fts5TopOrder Top { get; init; } = Fts5TopOrder.RankWhenHighlighting;

    /// <summary>The peer as it was before session 3: WAL build, no optimize, default caches, temp-table facets, ORDER BY bm25().</summary>
    public static Fts5Tuning Untuned { get; } = new()
    {
        Name = "untuned (before session 3)",
        UnjournaledBuild = false,
        Optimize = false,
        MmapSize = 0,
        CacheKib = 2000,
        Facets = Fts5FacetPlan.TempTable,
        Top = Fts5TopOrder.Bm25Expression,
    };

    /// <summary>The fastest correct combination the sweep found; <c>peer</c> compares against it.</summary>
    public static Fts5Tuning Tuned { get; } = new();

    /// <summary>The sweep: the untuned peer, each change alone on top of it, then the tuned combination and changes to it.</summary>
    public static IReadOnlyList<Fts5Tuning> Sweep()
    {
        var u = Untuned;
        return
        [
            u,
            u with { Name = "+ journal_mode=OFF, synchronous=OFF for the build", UnjournaledBuild = true },
            u with { Name = "+ 'optimize' after the load", Optimize = true },
            u with { Name = "+ automerge=8, crisismerge=64 during the load", AutoMerge = 8, CrisisMerge = 64 },
            u with { Name = "+ page_size=8192", PageSize = 8192 },
            u with { Name = "+ page_size=16384", PageSize = 16384 },
            u with { Name = "+ mmap_size=256 MB", MmapSize = 256L << 20 },
            u with { Name = "+ cache_size=64 MB", CacheKib = 64_000 },
            u with { Name = "+ facets: per-facet statements", Facets = Fts5FacetPlan.PerFacet },
            u with { Name = "+ facets: one statement (CTE)", Facets = Fts5FacetPlan.OneStatement },
            u with { Name = "+ ORDER BY rank", Top = Fts5TopOrder.RankColumn },
            Tuned,
            Tuned with { Name = "tuned, facets: temp table", Facets = Fts5FacetPlan.TempTable },
            Tuned with { Name = "tuned, facets: per-facet statements", Facets = Fts5FacetPlan.PerFacet },
            Tuned with { Name = "tuned, ORDER BY bm25() always", Top = Fts5TopOrder.Bm25Expression },
            Tuned with { Name = "tuned, ORDER BY rank always", Top = Fts5TopOrder.RankColumn },
            Tuned with { Name = "tuned, mmap_size=0, cache_size=2 MB", MmapSize = 0, CacheKib = 2000 },
            Tuned with { Name = "tuned, without 'optimize'", Optimize = false },
            Tuned with { Name = "tuned, detail=column", Detail = "column" },
        ];
    }

    /// <summary>The settings as one line for the report.</summary>
    public string Describe() => string.Join(", ", new[]
    {
        UnjournaledBuild ? "build journal_mode=OFF synchronous=OFF" : "build WAL synchronous=NORMAL",
        $"page_size={PageSize}",
        Optimize ? "optimize" : "no optimize",
        AutoMerge is { } a ? $"automerge={a}" : null,
        CrisisMerge is { } c ? $"crisismerge={c}" : null,
        $"detail={Detail}",
        $"mmap_size={MmapSize >> 20} MB",
        $"cache_size={CacheKib / 1000} MB",
        $"facets {Facets}",
        Top switch
        {
            Fts5TopOrder.RankColumn => "ORDER BY rank",
            Fts5TopOrder.RankWhenHighlighting => "ORDER BY bm25() plain, rank highlighted",
            _ => "ORDER BY bm25()",
        },
    }.OfType<string>());
}
