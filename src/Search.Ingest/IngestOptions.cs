using Search.Core;

namespace Search.Ingest;

/// <summary>How article files are read and what is extracted from them.</summary>
public sealed record IngestOptions
{
    /// <summary>The default largest file read: 10 MB.</summary>
    public const long DefaultMaxFileBytes = 10L * 1024 * 1024;

    /// <summary>Files larger than this many bytes are skipped; the default is <see cref="DefaultMaxFileBytes"/>.</summary>
    public long MaxFileBytes { get; init; } = DefaultMaxFileBytes;

    /// <summary>The group table extraction uses; the default is <see cref="GroupAliasTable.Default"/>.</summary>
    public GroupAliasTable Groups { get; init; } = GroupAliasTable.Default;

    /// <summary>The facets a JSON record may state (default <see cref="FacetSchema.Default"/>).</summary>
    public FacetSchema Facets { get; init; } = FacetSchema.Default;

    /// <summary>The options every caller gets unless it says otherwise.</summary>
    public static IngestOptions Default { get; } = new();
}
