using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Search.Core;

namespace Search.Host.Apis;

/// <summary>
/// The query string of <c>GET /api/search</c> (and the search part of <c>GET /api/facets/{name}</c>).
/// Values arrive as text so that a malformed one gets a sentence naming the parameter, not a bare 400.
/// Besides these, every facet of the index's schema is a parameter named as the facet
/// (<c>group</c>, <c>speaker</c>, <c>year</c>, …): values to filter on, repeated for several (OR-ed).
/// </summary>
/// <param name="Q">Query in Lucene syntax; empty browses everything, newest first.</param>
/// <param name="From">Earliest year, inclusive.</param>
/// <param name="To">Latest year, inclusive.</param>
/// <param name="Sort"><c>relevance</c>, <c>newest</c> or <c>oldest</c>.</param>
/// <param name="Page">1-based page number.</param>
/// <param name="Size">Hits per page, 0 to 100.</param>
/// <param name="Cursor">The <c>next_cursor</c> of a previous response.</param>
/// <param name="Fragments">Passages per hit, 0 to 10.</param>
/// <param name="Facet">Facets to count; repeat for several (default: all).</param>
/// <param name="Histogram">A date histogram to add: <c>year</c> or <c>month</c> (default: none).</param>
/// <param name="HistogramFrom">The histogram's first bucket (2019 or 2019-03); default the index's earliest.</param>
/// <param name="HistogramTo">The histogram's last bucket; default the index's latest.</param>
/// <param name="Explain"><c>true</c> adds an <c>explanation</c> to each hit: its score by term and its facet evidence.</param>
/// <param name="Collapse"><c>false</c> lists near-duplicates as hits of their own instead of folding them into the best copy.</param>
public sealed record SearchParameters(
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "from")] string? From,
    [FromQuery(Name = "to")] string? To,
    [FromQuery(Name = "sort")] string? Sort,
    [FromQuery(Name = "page")] string? Page,
    [FromQuery(Name = "size")] string? Size,
    [FromQuery(Name = "cursor")] string? Cursor,
    [FromQuery(Name = "fragments")] string? Fragments,
    [FromQuery(Name = "facet")] string[]? Facet,
    [FromQuery(Name = "histogram")] string? Histogram = null,
    [FromQuery(Name = "histogram_from")] string? HistogramFrom = null,
    [FromQuery(Name = "histogram_to")] string? HistogramTo = null,
    [FromQuery(Name = "explain")] bool? Explain = null,
    [FromQuery(Name = "collapse")] bool? Collapse = null)
{
    /// <summary>Maps the parameters, and the facet filters in <paramref name="query"/>, to a library request.</summary>
    /// <exception cref="InvalidSearchRequestException">A value is malformed or over a host limit.</exception>
    public SearchRequest ToRequest(SearchHostOptions options, FacetSchema facets, IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(facets);
        ArgumentNullException.ThrowIfNull(query);
        var text = Q ?? "";
        if (text.Length > options.MaxQueryLength)
            throw new InvalidSearchRequestException("q", $"The query is {text.Length} characters long; the limit is {options.MaxQueryLength}. Shorten it.");
        var defaults = new SearchRequest();
        var filters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var facet in facets.Definitions)
        {
            var values = Values(query[facet.Name]);
            if (values.Length > 0)
                filters[facet.Name] = values.Select(v => Checked(facet, facet.Name, v)).ToArray();
        }
        var ranges = new Dictionary<string, FacetRange>(StringComparer.Ordinal);
        if ((!Blank(From) || !Blank(To)) && facets.Find(FacetNames.Year) is { AllowsRanges: true } year)
            ranges[year.Name] = new FacetRange(Bound(year, "from", From), Bound(year, "to", To));
        return new SearchRequest
        {
            Query = text,
            Filters = filters,
            Ranges = ranges,
            Sort = ParseSort(Sort),
            Page = ParseInt("page", Page, defaults.Page, "a page number from 1"),
            Size = ParseInt("size", Size, defaults.Size, $"a page size from 0 to {SearchLimits.MaxPageSize}"),
            Cursor = Blank(Cursor) ? null : Cursor,
            Facets = Facet is { Length: > 0 } ? defaults.Facets with { Names = Values(Facet) } : defaults.Facets,
            Highlight = defaults.Highlight with { Passages = ParseInt("fragments", Fragments, defaults.Highlight.Passages, $"a number of passages from 0 to {SearchLimits.MaxPassages}") },
            Histogram = ParseHistogram(),
            Explain = Explain ?? defaults.Explain,
            Collapse = Collapse ?? defaults.Collapse,
        };
    }

    private HistogramOptions? ParseHistogram()
    {
        if (Blank(Histogram))
            return null;
        if (!CalendarPeriod.TryParseInterval(Histogram, out var interval))
            throw new InvalidSearchRequestException("histogram", $"Unknown histogram interval '{Histogram}'; use year or month.");
        return new HistogramOptions { Interval = interval, From = Blank(HistogramFrom) ? null : HistogramFrom!.Trim(), To = Blank(HistogramTo) ? null : HistogramTo!.Trim() };
    }

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);

    private static string[] Values(IEnumerable<string?>? values) =>
        values?.Where(v => !Blank(v)).Select(v => v!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray() ?? [];

    /// <summary>A value of an integer facet must be a number it accepts; keyword values pass as they are.</summary>
    private static string Checked(FacetDefinition facet, string parameter, string value)
    {
        if (facet.Kind != FacetKind.Integer)
            return value;
        if (facet.TryParseInteger(value, out var number))
            return number.ToString(CultureInfo.InvariantCulture);
        throw new InvalidSearchRequestException(parameter, $"'{value}' is not a {facet.Name} (parameter '{parameter}'); use {facet.ValueHint}.");
    }

    private static int? Bound(FacetDefinition facet, string parameter, string? value) =>
        Blank(value) ? null : int.Parse(Checked(facet, parameter, value!), CultureInfo.InvariantCulture);

    internal static int ParseInt(string parameter, string? value, int fallback, string expected)
    {
        if (Blank(value))
            return fallback;
        if (int.TryParse(value!.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            return number;
        throw new InvalidSearchRequestException(parameter, $"'{value}' is not a whole number (parameter '{parameter}'); use {expected}.");
    }

    private static SortOrder? ParseSort(string? value) =>
        SearchLimits.TryParseSort(value, out var sort) ? sort : throw new InvalidSearchRequestException("sort", SearchLimits.UnknownSort(value!));
}
