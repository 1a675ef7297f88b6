using Search.Core;

namespace Search.Elastic.Querying;

/// <summary>Where the cluster is and how the articles in it were indexed.</summary>
public sealed record ElasticBackendOptions
{
    /// <summary>The cluster's address, such as <c>http://localhost:9200</c>.</summary>
    public required Uri Url { get; init; }

    /// <summary>The article index (default <see cref="ElasticFields.DefaultIndex"/>), as <c>search export-elasticsearch</c> created it.</summary>
    public string Index { get; init; } = ElasticFields.DefaultIndex;

    /// <summary>An API key sent as <c>Authorization: ApiKey …</c>; <c>null</c> sends none.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The facets, aliases, title boost and default time budget of the exported index (default: the library's defaults).</summary>
    public SearchIndexOptions Search { get; init; } = new();

    /// <summary>How long one call to the cluster may take in all, on top of the search's own time budget (default 10 s).</summary>
    public TimeSpan NetworkAllowance { get; init; } = TimeSpan.FromSeconds(10);
}
