using System.Text.Json.Serialization;

namespace Search.Host.Contracts;

/// <summary>
/// The one serialiser of the contract records, generated at build time: the host's responses and
/// <c>search --json</c> both go through it, so the same search prints the same document.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(SearchResult))]
[JsonSerializable(typeof(FacetValuesResult))]
[JsonSerializable(typeof(ArticleResult))]
[JsonSerializable(typeof(WriteResult))]
[JsonSerializable(typeof(PivotResult))]
[JsonSerializable(typeof(SavedSearchListResult))]
[JsonSerializable(typeof(SavedSearchRunResult))]
[JsonSerializable(typeof(SavedSearchResult))]
[JsonSerializable(typeof(SnapshotResult))]
[JsonSerializable(typeof(DuplicateClustersResult))]
[JsonSerializable(typeof(QuoteResult))]
[JsonSerializable(typeof(BatchSearchBody))]
[JsonSerializable(typeof(BatchSearchResult))]
[JsonSerializable(typeof(BatchRowResult))]
public sealed partial class SearchJsonContext : JsonSerializerContext;
