namespace Search.Core;

/// <summary>
/// A news article as the library stores and returns it. Facet values (<see cref="Groups"/>,
/// <see cref="Speakers"/>, <see cref="Year"/>) are expected to be normalised already: one
/// canonical name per group and one full name per person.
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

    /// <summary>Where the article came from (a file path or a feed name), when known.</summary>
    public string? Source { get; init; }

    /// <summary>Publication date, when known.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>Publication year; unknown is <c>null</c>, never a guess.</summary>
    public int? Year { get; init; }

    /// <summary>Canonical names of the militant groups the article names.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>Full names of the people the article quotes or reports.</summary>
    public IReadOnlyList<string> Speakers { get; init; } = [];

    /// <summary>For each facet value, the sentence it was extracted from.</summary>
    public IReadOnlyList<FacetEvidence> Evidence { get; init; } = [];

    /// <summary>
    /// A fingerprint of the content, set by whoever produced the article (the indexer uses it to
    /// report unchanged files); <c>null</c> when not tracked.
    /// </summary>
    public string? ContentHash { get; init; }
}

/// <summary>Why an article sits under a facet value: the sentence the value came from.</summary>
/// <param name="Facet">The facet name: one of <see cref="FacetNames"/>.</param>
/// <param name="Value">The normalised facet value.</param>
/// <param name="Sentence">The sentence of the article that supports the value.</param>
public sealed record FacetEvidence(string Facet, string Value, string Sentence);

/// <summary>The names of the facets every index has.</summary>
public static class FacetNames
{
    /// <summary>Militant groups, by canonical name.</summary>
    public const string Group = "group";

    /// <summary>People quoted, by full name.</summary>
    public const string Speaker = "speaker";

    /// <summary>Publication year.</summary>
    public const string Year = "year";

    /// <summary>All facet names, in display order.</summary>
    public static IReadOnlyList<string> All { get; } = [Group, Speaker, Year];

    /// <summary>Whether <paramref name="name"/> is a known facet (case-insensitive).</summary>
    public static bool IsKnown(string name) => All.Contains(name, StringComparer.OrdinalIgnoreCase);
}
