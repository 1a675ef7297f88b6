namespace Search.Core.Querying;

/// <summary>Checks a request's bounds before any work, with a sentence that says what to fix.</summary>
internal static class RequestValidator
{
    public static void Validate(SearchRequest request)
    {
        if (request.Query.Length > SearchRequest.MaxQueryLength)
            throw new InvalidSearchRequestException("q", $"The query is {request.Query.Length} characters long; the limit is {SearchRequest.MaxQueryLength}.");
        if (request.Size is < 0 or > SearchRequest.MaxPageSize)
            throw new InvalidSearchRequestException("size", $"The page size must be between 0 and {SearchRequest.MaxPageSize}; it was {request.Size}.");
        if (request.Page < 1)
            throw new InvalidSearchRequestException("page", $"Pages are numbered from 1; it was {request.Page}.");
        if ((long)request.Page * request.Size > SearchRequest.MaxPagingDepth)
            throw new InvalidSearchRequestException("page", $"Page {request.Page} of size {request.Size} goes deeper than {SearchRequest.MaxPagingDepth} hits; page further with the cursor (next_cursor) instead.");
        if (request.YearFrom is { } from && request.YearTo is { } to && from > to)
            throw new InvalidSearchRequestException("from", $"The year range starts after it ends ({from} to {to}).");
        foreach (var year in new[] { request.YearFrom, request.YearTo }.OfType<int>().Concat(request.Years))
        {
            if (year is < 1 or > 9999)
                throw new InvalidSearchRequestException("year", $"'{year}' is not a year; use four digits, such as 2019.");
        }
        if (request.Facets.TopN is < 0 or > 1000)
            throw new InvalidSearchRequestException("facets", $"The number of facet values must be between 0 and 1000; it was {request.Facets.TopN}.");
        foreach (var name in request.Facets.Names)
        {
            if (!FacetNames.IsKnown(name))
                throw new InvalidSearchRequestException("facet", $"Unknown facet '{name}'. Known facets: {string.Join(", ", FacetNames.All)}.");
        }
        if (request.Highlight.Passages is < 0 or > 10)
            throw new InvalidSearchRequestException("fragments", $"The number of passages must be between 0 and 10; it was {request.Highlight.Passages}.");
        if (request.Highlight.MaxPassageLength is < 40 or > 2000)
            throw new InvalidSearchRequestException("fragment_length", $"The passage length must be between 40 and 2000 characters; it was {request.Highlight.MaxPassageLength}.");
    }
}
