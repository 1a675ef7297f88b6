using System.Globalization;

namespace Search.Ingest;

/// <summary>
/// Where an article or a skipped input came from: a file, and for a file holding many articles
/// (JSON Lines, a JSON array) the record inside it.
/// </summary>
/// <param name="File">The file path as it was read (the indexer makes it absolute).</param>
/// <param name="Record">The 1-based line number (JSON Lines) or array position (JSON array), or <c>null</c> for the whole file.</param>
public sealed record SourceRef(string File, int? Record = null)
{
    /// <summary>
    /// The text stored in <see cref="Search.Core.Article.Source"/>: the file, followed by <c>#</c> and
    /// the record number when there is one.
    /// </summary>
    public override string ToString() =>
        Record is { } record ? $"{File}#{record.ToString(CultureInfo.InvariantCulture)}" : File;

    /// <summary>
    /// Reads back a source stored by <see cref="ToString"/>. This is the one place the stored text is
    /// taken apart; a trailing <c>#</c> and digits is a record number, anything else is the file.
    /// </summary>
    public static SourceRef Parse(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var hash = stored.LastIndexOf('#');
        if (hash > 0 && hash < stored.Length - 1
            && int.TryParse(stored.AsSpan(hash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var record))
        {
            return new SourceRef(stored[..hash], record);
        }
        return new SourceRef(stored);
    }
}
