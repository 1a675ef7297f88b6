using Search.Core;

namespace Search.Ingest;

/// <summary>How article files are found and read, and what is extracted from them.</summary>
public sealed record IngestOptions
{
    /// <summary>The default largest file, or JSON Lines record, read: 10 MB.</summary>
    public const long DefaultMaxFileBytes = 10L * 1024 * 1024;

    /// <summary>The default time a read may go without progress before the file is abandoned.</summary>
    public static readonly TimeSpan DefaultStallTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Text, HTML and JSON files larger than this many bytes are skipped; the default is
    /// <see cref="DefaultMaxFileBytes"/>. JSON Lines files are streamed and have no file limit.
    /// </summary>
    public long MaxFileBytes { get; init; } = DefaultMaxFileBytes;

    /// <summary>
    /// A JSON Lines record (one line) longer than this many bytes is skipped on its own; the default
    /// is <see cref="DefaultMaxFileBytes"/>.
    /// </summary>
    public long MaxRecordBytes { get; init; } = DefaultMaxFileBytes;

    /// <summary>
    /// Whether symbolic links to folders are followed when reading a folder; the default is not to.
    /// When followed, a folder already read (the same device and inode) is skipped, so a link loop
    /// cannot read a file twice. Links to files are always read; a path given directly is always followed.
    /// </summary>
    public bool FollowSymlinkedFolders { get; init; }

    /// <summary>How long one read may go without returning before the file is abandoned; the default is <see cref="DefaultStallTimeout"/>.</summary>
    public TimeSpan StallTimeout { get; init; } = DefaultStallTimeout;

    /// <summary>The group table extraction uses; the default is <see cref="GroupAliasTable.Default"/>.</summary>
    public GroupAliasTable Groups { get; init; } = GroupAliasTable.Default;

    /// <summary>The facets a JSON record may state (default <see cref="FacetSchema.Default"/>).</summary>
    public FacetSchema Facets { get; init; } = FacetSchema.Default;

    /// <summary>The options every caller gets unless it says otherwise.</summary>
    public static IngestOptions Default { get; } = new();
}
