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

    /// <summary>
    /// Order by FTS5's <c>rank</c> column (configured to the same BM25 weights), which FTS5 sorts
    /// itself so that <c>snippet()</c> and <c>highlight()</c> run for the 10 rows returned only;
    /// false orders by a <c>bm25(…)</c> expression, which SQLite sorts after computing every
    /// column, snippets included, for every match.
    /// </summary>
    public bool RankColumn { get; init; } = true;

    /// <summary>The peer as it was before session 3: WAL build, no optimize, default caches, temp-table facets, ORDER BY bm25().</summary>
    public static Fts5Tuning Untuned { get; } = new()
    {
        Name = "untuned (before session 3)",
        UnjournaledBuild = false,
        Optimize = false,
        MmapSize = 0,
        CacheKib = 2000,
        Facets = Fts5FacetPlan.TempTable,
        RankColumn = false,
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
            u with { Name = "+ ORDER BY rank", RankColumn = true },
            Tuned,
            Tuned with { Name = "tuned, facets: temp table", Facets = Fts5FacetPlan.TempTable },
            Tuned with { Name = "tuned, facets: per-facet statements", Facets = Fts5FacetPlan.PerFacet },
            Tuned with { Name = "tuned, ORDER BY bm25()", RankColumn = false },
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
        RankColumn ? "ORDER BY rank" : "ORDER BY bm25()",
    }.OfType<string>());
}
