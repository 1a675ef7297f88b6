namespace Search.Core.Querying;

/// <summary>Checks a request's bounds before any work, with a sentence that says what to fix.</summary>
internal static class RequestValidator
{
    public static void Validate(SearchRequest request, FacetSchema facets)
    {
        if (request.Query.Length > SearchRequest.MaxQueryLength)
            throw new InvalidSearchRequestException("q", $"The query is {request.Query.Length} characters long; the limit is {SearchRequest.MaxQueryLength}.");
        if (request.Size is < 0 or > SearchRequest.MaxPageSize)
            throw new InvalidSearchRequestException("size", $"The page size must be between 0 and {SearchRequest.MaxPageSize}; it was {request.Size}.");
        if (request.Page < 1)
            throw new InvalidSearchRequestException("page", $"Pages are numbered from 1; it was {request.Page}.");
        if ((long)request.Page * request.Size > SearchRequest.MaxPagingDepth)
            throw new InvalidSearchRequestException("page", $"Page {request.Page} of size {request.Size} goes deeper than {SearchRequest.MaxPagingDepth} hits; page further with the cursor (next_cursor) instead.");
        foreach (var (name, values) in request.Filters)
        {
            var facet = facets.Get(name);
            if (facet.Kind == FacetKind.Integer && values.FirstOrDefault(v => !facet.TryParseInteger(v, out _)) is { } bad)
                throw new InvalidSearchRequestException(facet.Name, facet.InvalidValueMessage(bad));
        }
        foreach (var (name, range) in request.Ranges)
        {
            var facet = facets.Get(name);
            if (!facet.AllowsRanges)
                throw new InvalidSearchRequestException(facet.Name, $"The facet '{facet.Name}' takes values, not ranges.");
            foreach (var end in new[] { range.From, range.To }.OfType<int>())
            {
                if (!facet.TryParseInteger(end.ToString(System.Globalization.CultureInfo.InvariantCulture), out _))
                    throw new InvalidSearchRequestException(facet.Name, facet.InvalidValueMessage(end.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
            if (range.From is { } from && range.To is { } to && from > to)
                throw new InvalidSearchRequestException("from", $"The {facet.Name} range starts after it ends ({from} to {to}).");
        }
        if (request.Facets.TopN is < 0 or > 1000)
            throw new InvalidSearchRequestException("facets", $"The number of facet values must be between 0 and 1000; it was {request.Facets.TopN}.");
        foreach (var name in request.Facets.Names ?? [])
            facets.Get(name);
        if (request.Highlight.Passages is < 0 or > 10)
            throw new InvalidSearchRequestException("fragments", $"The number of passages must be between 0 and 10; it was {request.Highlight.Passages}.");
        if (request.Highlight.MaxPassageLength is < 40 or > 2000)
            throw new InvalidSearchRequestException("fragment_length", $"The passage length must be between 40 and 2000 characters; it was {request.Highlight.MaxPassageLength}.");
    }
}
