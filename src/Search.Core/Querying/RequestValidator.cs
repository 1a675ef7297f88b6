using System.Globalization;

namespace Search.Core.Querying;

/// <summary>
/// Checks a request's bounds (all from <see cref="SearchLimits"/> and the facet definitions) before
/// any work, with a sentence that says what to fix. Errors name the request property (<c>Size</c>,
/// <c>Highlight.Passages</c>, <c>Filters.year</c>); front ends map those to their own parameter names.
/// </summary>
internal static class RequestValidator
{
    /// <summary>The property name of the facet list, as errors report it.</summary>
    public const string FacetNamesProperty = nameof(SearchRequest.Facets) + "." + nameof(FacetOptions.Names);

    public static void Validate(SearchRequest request, FacetSchema facets)
    {
        ValidateQuery(request.Query);
        if (request.Size is < 0 or > SearchLimits.MaxPageSize)
            throw new InvalidSearchRequestException(nameof(SearchRequest.Size), $"The page size must be between 0 and {SearchLimits.MaxPageSize}; it was {request.Size}.");
        if (request.TimeBudget is { } budget && (budget <= TimeSpan.Zero || budget > SearchLimits.MaxTimeBudget))
            throw new InvalidSearchRequestException(nameof(SearchRequest.TimeBudget), $"The time budget must be above 0 and at most {SearchLimits.MaxTimeBudget.TotalMilliseconds:0} ms; it was {budget.TotalMilliseconds:0} ms.");
        if (request.Page < 1)
            throw new InvalidSearchRequestException(nameof(SearchRequest.Page), $"Pages are numbered from 1; it was {request.Page}.");
        if ((long)request.Page * request.Size > SearchLimits.MaxPagingDepth)
            throw new InvalidSearchRequestException(nameof(SearchRequest.Page), $"Page {request.Page} of size {request.Size} goes deeper than {SearchLimits.MaxPagingDepth} hits; page further with the cursor (next_cursor) instead.");
        foreach (var (name, values) in request.Filters)
        {
            var facet = Facet(facets, nameof(SearchRequest.Filters), name);
            if (facet.Kind == FacetKind.Integer && values.FirstOrDefault(v => !facet.TryParseInteger(v, out _)) is { } bad)
                throw new InvalidSearchRequestException(FilterProperty(facet), facet.InvalidValueMessage(bad));
        }
        foreach (var (name, range) in request.Ranges)
        {
            var facet = Facet(facets, nameof(SearchRequest.Ranges), name);
            var property = nameof(SearchRequest.Ranges) + "." + facet.Name;
            if (!facet.AllowsRanges)
                throw new InvalidSearchRequestException(property, $"The facet '{facet.Name}' takes values, not ranges.");
            foreach (var end in new[] { range.From, range.To }.OfType<int>())
            {
                var text = end.ToString(CultureInfo.InvariantCulture);
                if (!facet.TryParseInteger(text, out _))
                    throw new InvalidSearchRequestException(property, facet.InvalidValueMessage(text));
            }
            if (range.From is { } from && range.To is { } to && from > to)
                throw new InvalidSearchRequestException(property, $"The {facet.Name} range starts after it ends ({from} to {to}).");
        }
        if (request.Facets.TopN is < 0 or > SearchLimits.MaxFacetTopN)
            throw new InvalidSearchRequestException(nameof(SearchRequest.Facets) + "." + nameof(FacetOptions.TopN), $"The number of facet values must be between 0 and {SearchLimits.MaxFacetTopN}; it was {request.Facets.TopN}.");
        foreach (var name in request.Facets.Names ?? [])
            Facet(facets, FacetNamesProperty, name);
        if (request.Highlight.Passages is < 0 or > SearchLimits.MaxPassages)
            throw new InvalidSearchRequestException(nameof(SearchRequest.Highlight) + "." + nameof(HighlightOptions.Passages), $"The number of passages must be between 0 and {SearchLimits.MaxPassages}; it was {request.Highlight.Passages}.");
        if (request.Histogram is { } histogram)
            ValidateHistogram(histogram, facets);
        if (request.Highlight.MaxPassageLength is < SearchLimits.MinPassageLength or > SearchLimits.MaxPassageLength)
            throw new InvalidSearchRequestException(nameof(SearchRequest.Highlight) + "." + nameof(HighlightOptions.MaxPassageLength), $"The passage length must be between {SearchLimits.MinPassageLength} and {SearchLimits.MaxPassageLength} characters; it was {request.Highlight.MaxPassageLength}.");
    }

    public static void Validate(PivotRequest request, FacetSchema facets)
    {
        var rows = Facet(facets, nameof(PivotRequest.Rows), request.Rows);
        var columns = Facet(facets, nameof(PivotRequest.Columns), request.Columns);
        if (rows.Name == columns.Name)
            throw new InvalidSearchRequestException(nameof(PivotRequest.Columns), $"The rows and the columns are both '{rows.Name}'; pivot two different facets.");
        if (request.TopRows is < 1 or > SearchLimits.MaxPivotValues)
            throw new InvalidSearchRequestException(nameof(PivotRequest.TopRows), $"The number of rows must be between 1 and {SearchLimits.MaxPivotValues}; it was {request.TopRows}.");
        if (request.TopColumns is < 1 or > SearchLimits.MaxPivotValues)
            throw new InvalidSearchRequestException(nameof(PivotRequest.TopColumns), $"The number of columns must be between 1 and {SearchLimits.MaxPivotValues}; it was {request.TopColumns}.");
        Validate(request.Search with { Size = 0, Page = 1, Cursor = null, Histogram = null }, facets);
    }

    private static void ValidateHistogram(HistogramOptions histogram, FacetSchema facets)
    {
        const string property = nameof(SearchRequest.Histogram);
        var interval = histogram.Interval.ToString().ToLowerInvariant();
        if (facets.ForPeriod(histogram.Interval) is null)
            throw new InvalidSearchRequestException(property, $"This index has no facet of {interval}s to draw a histogram from.");
        CalendarPeriod? Bound(string? key, string name) =>
            key is null ? null
            : CalendarPeriod.TryParse(key, histogram.Interval, out var period) ? period
            : throw new InvalidSearchRequestException(property + "." + name, $"'{key}' is not a {interval}; use {(histogram.Interval == CalendarInterval.Year ? "four digits, such as 2019" : "a year and month, such as 2019-03")}.");
        var from = Bound(histogram.From, nameof(HistogramOptions.From));
        var to = Bound(histogram.To, nameof(HistogramOptions.To));
        if (from is { } first && to is { } last)
        {
            if (first.CompareTo(last) > 0)
                throw new InvalidSearchRequestException(property, $"The histogram starts after it ends ({first.Key} to {last.Key}).");
            if (first.PeriodsUntil(last) >= SearchLimits.MaxHistogramBuckets)
                throw new InvalidSearchRequestException(property, $"The histogram from {first.Key} to {last.Key} has more than {SearchLimits.MaxHistogramBuckets} buckets; narrow the range or use years.");
        }
    }

    public static void Validate(FacetValuesRequest request, FacetSchema facets)
    {
        Facet(facets, nameof(FacetValuesRequest.Facet), request.Facet);
        if (request.Limit is < 1 or > SearchLimits.MaxFacetValuesLimit)
            throw new InvalidSearchRequestException(nameof(FacetValuesRequest.Limit), $"The limit must be between 1 and {SearchLimits.MaxFacetValuesLimit}; it was {request.Limit}.");
        Validate(request.Search with { Size = 0, Page = 1, Cursor = null }, facets);
    }

    public static void ValidateQuery(string query)
    {
        if (query.Length > SearchLimits.MaxQueryLength)
            throw new InvalidSearchRequestException(nameof(SearchRequest.Query), $"The query is {query.Length} characters long; the limit is {SearchLimits.MaxQueryLength}.");
    }

    /// <summary>The property a filter on <paramref name="facet"/> is reported under: <c>Filters.year</c>.</summary>
    public static string FilterProperty(FacetDefinition facet) => nameof(SearchRequest.Filters) + "." + facet.Name;

    private static FacetDefinition Facet(FacetSchema facets, string property, string name) =>
        facets.Find(name) ?? throw new InvalidSearchRequestException(property, $"Unknown facet '{name}'. Known facets: {string.Join(", ", facets.Names)}.");
}
