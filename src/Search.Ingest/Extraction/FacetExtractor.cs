namespace Search.Ingest.Extraction;

/// <summary>
/// How one facet's values are found in an article and how values a source states are normalised.
/// <see cref="ArticleExtractor"/> runs one per facet; adding a facet means adding one here.
/// </summary>
/// <param name="Facet">The facet name in the index's <see cref="Search.Core.FacetSchema"/>.</param>
/// <param name="Extract">Finds values in the cleaned title and body, each with its evidence sentence.</param>
/// <param name="Normalize">Turns a value the source states into the stored form; an empty result drops it.</param>
/// <param name="SameValue">Whether a stated value and a found one name the same thing, so the found sentence becomes the stated value's evidence.</param>
public sealed record FacetExtractor(
    string Facet,
    Func<string, string, IReadOnlyList<ExtractedValue>> Extract,
    Func<string, string> Normalize,
    Func<string, string, bool> SameValue);
