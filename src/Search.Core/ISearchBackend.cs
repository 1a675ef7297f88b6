namespace Search.Core;

/// <summary>
/// What the front ends search through: the local Lucene index (<see cref="SearchIndex"/>) or a cluster
/// holding the same articles (Search.Elastic's <c>ElasticSearchBackend</c>). Both take the same
/// <see cref="SearchRequest"/> and answer with the same <see cref="SearchResponse"/>, so the host,
/// the page and the shell do not know which one they talk to.
/// </summary>
public interface ISearchBackend
{
    /// <summary>The facets the articles carry, in display order: what the page lists on its first load.</summary>
    FacetSchema Facets { get; }

    /// <summary>Runs a search: ranked (or sorted) hits with highlights, facet counts and warnings.</summary>
    /// <exception cref="InvalidSearchRequestException">The request asks for something out of bounds, or something this backend cannot do (the message says which).</exception>
    /// <exception cref="SearchTimeoutException">The search ran out of its time budget.</exception>
    /// <exception cref="SearchException">The backend failed (for a cluster: unreachable, or an error answer).</exception>
    SearchResponse Search(SearchRequest request, CancellationToken cancellation = default);

    /// <summary>Values of one facet under a search, optionally those with a word starting with a prefix; the facet's own filter is ignored.</summary>
    /// <exception cref="InvalidSearchRequestException">The facet is unknown or the search is out of bounds.</exception>
    IReadOnlyList<FacetValue> GetFacetValues(FacetValuesRequest request, CancellationToken cancellation = default);

    /// <summary>The stored article with this id, or <c>null</c> when there is none.</summary>
    Article? GetArticle(string id);

    /// <summary>The article with this id in full with <paramref name="query"/>'s matches marked, or <c>null</c> when there is none.</summary>
    /// <exception cref="InvalidSearchRequestException">The query is longer than <see cref="SearchLimits.MaxQueryLength"/>.</exception>
    ArticleHighlight? HighlightArticle(string id, string query);
}

/// <summary>A remote backend (a cluster) could not answer: unreachable, refused the search, or answered with something else.</summary>
public sealed class BackendUnavailableException : SearchException
{
    /// <summary>Creates the exception with a sentence that says what failed and what to check.</summary>
    public BackendUnavailableException(string message, Exception? inner = null) : base(message, inner) { }
}
