namespace Search.Core.Querying;

/// <summary>
/// Checks a request's bounds (all from <see cref="SearchLimits"/>) before any work, with a sentence
/// that says what to fix. Errors name the request property (<c>Size</c>, <c>Highlight.Passages</c>);
/// front ends map those to their own parameter names.
/// </summary>
internal static class RequestValidator
{
    /// <summary>The property name of the facet list, as errors report it.</summary>
    public const string FacetNamesProperty = nameof(SearchRequest.Facets) + "." + nameof(FacetOptions.Names);

    public static void Validate(SearchRequest request)
    {
        ValidateQuery(request.Query);
        if (request.Size is < 0 or > SearchLimits.MaxPageSize)
            throw new InvalidSearchRequestException(nameof(SearchRequest.Size), $"The page size must be between 0 and {SearchLimits.MaxPageSize}; it was {request.Size}.");
        if (request.Page < 1)
            throw new InvalidSearchRequestException(nameof(SearchRequest.Page), $"Pages are numbered from 1; it was {request.Page}.");
        if ((long)request.Page * request.Size > SearchLimits.MaxPagingDepth)
            throw new InvalidSearchRequestException(nameof(SearchRequest.Page), $"Page {request.Page} of size {request.Size} goes deeper than {SearchLimits.MaxPagingDepth} hits; page further with the cursor (next_cursor) instead.");
        if (request.YearFrom is { } from && request.YearTo is { } to && from > to)
            throw new InvalidSearchRequestException(nameof(SearchRequest.YearFrom), $"The year range starts after it ends ({from} to {to}).");
        ValidateYear(nameof(SearchRequest.YearFrom), request.YearFrom);
        ValidateYear(nameof(SearchRequest.YearTo), request.YearTo);
        foreach (var year in request.Years)
            ValidateYear(nameof(SearchRequest.Years), year);
        if (request.Facets.TopN is < 0 or > SearchLimits.MaxFacetTopN)
            throw new InvalidSearchRequestException(nameof(SearchRequest.Facets) + "." + nameof(FacetOptions.TopN), $"The number of facet values must be between 0 and {SearchLimits.MaxFacetTopN}; it was {request.Facets.TopN}.");
        foreach (var name in request.Facets.Names)
            ValidateFacet(FacetNamesProperty, name);
        if (request.Highlight.Passages is < 0 or > SearchLimits.MaxPassages)
            throw new InvalidSearchRequestException(nameof(SearchRequest.Highlight) + "." + nameof(HighlightOptions.Passages), $"The number of passages must be between 0 and {SearchLimits.MaxPassages}; it was {request.Highlight.Passages}.");
        if (request.Highlight.MaxPassageLength is < SearchLimits.MinPassageLength or > SearchLimits.MaxPassageLength)
            throw new InvalidSearchRequestException(nameof(SearchRequest.Highlight) + "." + nameof(HighlightOptions.MaxPassageLength), $"The passage length must be between {SearchLimits.MinPassageLength} and {SearchLimits.MaxPassageLength} characters; it was {request.Highlight.MaxPassageLength}.");
    }

    public static void Validate(FacetValuesRequest request)
    {
        ValidateFacet(nameof(FacetValuesRequest.Facet), request.Facet);
        if (request.Limit is < 1 or > SearchLimits.MaxFacetValuesLimit)
            throw new InvalidSearchRequestException(nameof(FacetValuesRequest.Limit), $"The limit must be between 1 and {SearchLimits.MaxFacetValuesLimit}; it was {request.Limit}.");
        Validate(request.Search with { Size = 0, Page = 1, Cursor = null });
    }

    public static void ValidateQuery(string query)
    {
        if (query.Length > SearchLimits.MaxQueryLength)
            throw new InvalidSearchRequestException(nameof(SearchRequest.Query), $"The query is {query.Length} characters long; the limit is {SearchLimits.MaxQueryLength}.");
    }

    private static void ValidateYear(string property, int? year)
    {
        if (year is { } y && !SearchLimits.IsValidYear(y))
            throw new InvalidSearchRequestException(property, $"'{y}' is not a year; use four digits, such as 2019.");
    }

    private static void ValidateFacet(string property, string name)
    {
        if (!FacetNames.IsKnown(name))
            throw new InvalidSearchRequestException(property, $"Unknown facet '{name}'. Known facets: {string.Join(", ", FacetNames.All)}.");
    }
}
