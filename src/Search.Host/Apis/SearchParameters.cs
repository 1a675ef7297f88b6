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
// Properties rather than a positional record: for a constructor's nullable parameters the request
// delegate generator, which a natively compiled host needs, writes typeof(string?), which does not compile.
public sealed record SearchParameters
{
    /// <summary>Query in Lucene syntax; empty browses everything, newest first.</summary>
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    /// <summary>Earliest year, inclusive.</summary>
    [FromQuery(Name = "from")]
    public string? From { get; init; }

    /// <summary>Latest year, inclusive.</summary>
    [FromQuery(Name = "to")]
    public string? To { get; init; }

    /// <summary><c>relevance</c>, <c>newest</c> or <c>oldest</c>.</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    /// <summary>1-based page number.</summary>
    [FromQuery(Name = "page")]
    public string? Page { get; init; }

    /// <summary>Hits per page, 0 to 100.</summary>
    [FromQuery(Name = "size")]
    public string? Size { get; init; }

    /// <summary>The <c>next_cursor</c> of a previous response.</summary>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }

    /// <summary>Passages per hit, 0 to 10.</summary>
    [FromQuery(Name = "fragments")]
    public string? Fragments { get; init; }

    /// <summary>Facets to count; repeat for several (default: all).</summary>
    [FromQuery(Name = "facet")]
    public string[]? Facet { get; init; }

    /// <summary>A date histogram to add: <c>year</c> or <c>month</c> (default: none).</summary>
    [FromQuery(Name = "histogram")]
    public string? Histogram { get; init; }

    /// <summary>The histogram's first bucket (2019 or 2019-03); default the index's earliest.</summary>
    [FromQuery(Name = "histogram_from")]
    public string? HistogramFrom { get; init; }

    /// <summary>The histogram's last bucket; default the index's latest.</summary>
    [FromQuery(Name = "histogram_to")]
    public string? HistogramTo { get; init; }

    /// <summary><c>true</c> adds an <c>explanation</c> to each hit: its score by term and its facet evidence.</summary>
    [FromQuery(Name = "explain")]
    public bool? Explain { get; init; }

    /// <summary><c>false</c> lists near-duplicates as hits of their own instead of folding them into the best copy.</summary>
    [FromQuery(Name = "collapse")]
    public bool? Collapse { get; init; }

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
