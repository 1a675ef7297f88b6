namespace Search.Ingest.Extraction;

/// <summary>
/// What a source gives about one article before extraction. Every field other than
/// <see cref="Id"/> and <see cref="Text"/> is optional; a field that is set wins over what
/// extraction would find.
/// </summary>
public sealed record ArticleInput
{
    /// <summary>The stable article id.</summary>
    public required string Id { get; init; }

    /// <summary>The raw article text (scraped text, or the text of an HTML page's main content).</summary>
    public required string Text { get; init; }

    /// <summary>The headline, when the source states it.</summary>
    public string? Title { get; init; }

    /// <summary>The article's address.</summary>
    public string? Url { get; init; }

    /// <summary>The file path the article came from.</summary>
    public string? Source { get; init; }

    /// <summary>The publication date from metadata.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>
    /// Facet values stated by the source, by facet name (for example <c>group</c>, <c>speaker</c>,
    /// <c>year</c>); a facet present here wins over extraction, and its values are normalised the
    /// way extracted ones are (groups canonicalised through the alias table).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Facets { get; init; }

    /// <summary>
    /// Who wrote the article, as the source credits them (an HTML page's byline). Kept as metadata
    /// only: a writer is not a speaker, so speaker extraction does not read it.
    /// </summary>
    public string? Byline { get; init; }
}
