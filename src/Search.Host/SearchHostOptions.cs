using Search.Core;

namespace Search.Host;

/// <summary>
/// How the HTTP host runs. Values set here win; values left unset (<c>null</c>, empty, or a limit at
/// its default) are taken from configuration — <c>Search:IndexPath</c>, <c>Search:Urls</c> (or
/// <c>urls</c>), <c>Search:ApiKey</c> (or the <c>SEARCH_API_KEY</c> environment variable),
/// <c>Search:CorsOrigins</c>, <c>Search:MaxQueryLength</c>, <c>Search:MaxRequestBodyBytes</c> —
/// and then from the defaults below.
/// </summary>
public sealed record SearchHostOptions
{
    /// <summary>The address used when neither the options nor configuration name one: loopback only.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5000";

    /// <summary>The default largest request body: 10 MB.</summary>
    public const long DefaultMaxRequestBodyBytes = 10L * 1024 * 1024;

    /// <summary>The index folder to serve (default <see cref="SearchLimits.DefaultIndexPath"/>).</summary>
    public string? IndexPath { get; init; }

    /// <summary>Addresses to listen on, separated by <c>;</c> (default <see cref="DefaultUrls"/>). Port 0 picks a free port.</summary>
    public string? Urls { get; init; }

    /// <summary>
    /// The key that enables <c>POST /api/articles</c> and <c>DELETE /api/articles/{id}</c>, sent by
    /// clients in the <c>X-Api-Key</c> header. <c>null</c> or empty: the write endpoints do not exist.
    /// </summary>
    public string? ApiKey { get; init; }

    /// <summary>Origins allowed to call the API from a browser; empty (the default) sends no CORS headers.</summary>
    public IReadOnlyList<string> CorsOrigins { get; init; } = [];

    /// <summary>The longest query accepted, in characters (default and upper bound <see cref="SearchLimits.MaxQueryLength"/>).</summary>
    public int MaxQueryLength { get; init; } = SearchLimits.MaxQueryLength;

    /// <summary>The largest request body accepted, in bytes (default <see cref="DefaultMaxRequestBodyBytes"/>).</summary>
    public long MaxRequestBodyBytes { get; init; } = DefaultMaxRequestBodyBytes;

    /// <summary>
    /// How the index is opened, including its facets (default: the library's defaults). Only its
    /// <see cref="SearchIndexOptions.TimeBudget"/> is read from configuration (<c>Search:TimeBudget</c>, a time span such as <c>00:00:02</c>).
    /// </summary>
    public SearchIndexOptions Index { get; init; } = new();

    /// <summary>
    /// What to search instead of the index folder: a cluster holding the exported articles. Set, the host
    /// serves the search page, <c>/api/search</c> and <c>/api/facets/{name}</c> from it, and the endpoints
    /// that need the local index answer 501; <c>null</c> (the default) serves <see cref="IndexPath"/>.
    /// </summary>
    public ISearchBackend? Backend { get; init; }

    /// <summary>Whether the write endpoints are enabled.</summary>
    public bool WritesEnabled => !string.IsNullOrEmpty(ApiKey);

    /// <summary>These options with every unset value taken from <paramref name="configuration"/> or the defaults.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is not positive, or the query limit exceeds the library's.</exception>
    public SearchHostOptions Resolve(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Search");
        var maxQueryLength = MaxQueryLength == SearchLimits.MaxQueryLength ? section.GetValue("MaxQueryLength", MaxQueryLength) : MaxQueryLength;
        var maxBodyBytes = MaxRequestBodyBytes == DefaultMaxRequestBodyBytes ? section.GetValue("MaxRequestBodyBytes", MaxRequestBodyBytes) : MaxRequestBodyBytes;
        if (maxQueryLength is < 1 or > SearchLimits.MaxQueryLength)
            throw new ArgumentOutOfRangeException(nameof(MaxQueryLength), maxQueryLength, $"The query length limit must be between 1 and {SearchLimits.MaxQueryLength}.");
        var timeBudget = Index.TimeBudget == SearchLimits.DefaultTimeBudget ? section.GetValue("TimeBudget", Index.TimeBudget) : Index.TimeBudget;
        if (timeBudget <= TimeSpan.Zero || timeBudget > SearchLimits.MaxTimeBudget)
            throw new ArgumentOutOfRangeException(nameof(SearchIndexOptions.TimeBudget), timeBudget, $"The search time budget must be above 0 and at most {SearchLimits.MaxTimeBudget}.");
        if (maxBodyBytes < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxRequestBodyBytes), maxBodyBytes, "The request body limit must be positive.");
        return this with
        {
            MaxQueryLength = maxQueryLength,
            MaxRequestBodyBytes = maxBodyBytes,
            Index = Index with { TimeBudget = timeBudget },
            IndexPath = FirstSet(IndexPath, section["IndexPath"]) ?? SearchLimits.DefaultIndexPath,
            Urls = FirstSet(Urls, section["Urls"], configuration["urls"]) ?? DefaultUrls,
            ApiKey = FirstSet(ApiKey, section["ApiKey"], configuration["SEARCH_API_KEY"]),
            CorsOrigins = CorsOrigins.Count > 0
                ? CorsOrigins
                : section.GetSection("CorsOrigins").Get<string[]>() ?? SplitList(section["CorsOrigins"]),
        };
    }

    private static string? FirstSet(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private static string[] SplitList(string? value) =>
        value?.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}
