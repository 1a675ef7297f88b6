namespace Search.Core;

/// <summary>
/// A news article as the library stores and returns it. Facet values (<see cref="Facets"/>) are
/// expected to be normalised already: one canonical name per group and one full name per person.
/// </summary>
public sealed record Article
{
    /// <summary>Stable identifier; adding an article with an existing id replaces it.</summary>
    public required string Id { get; init; }

    /// <summary>Headline; empty when the article has none.</summary>
    public string Title { get; init; } = "";

    /// <summary>Cleaned body text.</summary>
    public string Body { get; init; } = "";

    /// <summary>Where the article was published, when known.</summary>
    public string? Url { get; init; }

    /// <summary>Who wrote the article, as the source credits them (an HTML page's byline), when known. A writer is not a speaker.</summary>
    public string? Byline { get; init; }

    /// <summary>Where the article came from (a file path or a feed name), when known.</summary>
    public string? Source { get; init; }

    /// <summary>Publication date, when known.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>
    /// Facet values by facet name (see <see cref="FacetSchema"/>): for example <c>group</c> →
    /// canonical group names, <c>speaker</c> → full names, <c>year</c> → the publication year as
    /// digits. A facet the article has no value for is absent or empty; unknown is never a guess.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Facets { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>For each facet value, the sentence it was extracted from.</summary>
    public IReadOnlyList<FacetEvidence> Evidence { get; init; } = [];

    /// <summary>
    /// A fingerprint of the content, set by whoever produced the article (the indexer uses it to
    /// report unchanged files); <c>null</c> when not tracked.
    /// </summary>
    public string? ContentHash { get; init; }

    /// <summary>
    /// The near-duplicate cluster the index put the article in (articles whose bodies are the same
    /// story with small edits share one); set when read back from an index, ignored when writing.
    /// </summary>
    public string? Cluster { get; init; }

    /// <summary>The values of one facet; empty when the article has none.</summary>
    public IReadOnlyList<string> Values(string facet) => Facets.TryGetValue(facet, out var values) ? values : [];
}

/// <summary>Why an article sits under a facet value: the sentence the value came from.</summary>
/// <param name="Facet">The facet name: a name in the index's <see cref="FacetSchema"/>.</param>
/// <param name="Value">The normalised facet value.</param>
/// <param name="Sentence">The sentence of the article that supports the value.</param>
public sealed record FacetEvidence(string Facet, string Value, string Sentence)
{
    /// <summary>What produced the value from the sentence: the alias matched ("alias LeT") or the extraction rule; <c>null</c> when not recorded.</summary>
    public string? Rule { get; init; }

    /// <summary>Two pieces of evidence are the same when facet, value and sentence agree; the rule is provenance.</summary>
    public bool Equals(FacetEvidence? other) => other is not null && Facet == other.Facet && Value == other.Value && Sentence == other.Sentence;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Facet, Value, Sentence);
}
