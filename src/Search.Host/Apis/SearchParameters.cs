using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Search.Core;

namespace Search.Host.Apis;

/// <summary>
/// The query string of <c>GET /api/search</c> (and the search part of <c>GET /api/facets/{name}</c>).
/// Values arrive as text so that a malformed one gets a sentence naming the parameter, not a bare 400.
/// </summary>
/// <param name="Q">Query in Lucene syntax; empty browses everything, newest first.</param>
/// <param name="Group">Groups to filter on; repeat for several (OR-ed).</param>
/// <param name="Speaker">Speakers to filter on; repeat for several (OR-ed).</param>
/// <param name="Year">Years to filter on; repeat for several (OR-ed).</param>
/// <param name="From">Earliest year, inclusive.</param>
/// <param name="To">Latest year, inclusive.</param>
/// <param name="Sort"><c>relevance</c>, <c>newest</c> or <c>oldest</c>.</param>
/// <param name="Page">1-based page number.</param>
/// <param name="Size">Hits per page, 0 to 100.</param>
/// <param name="Cursor">The <c>next_cursor</c> of a previous response.</param>
/// <param name="Fragments">Passages per hit, 0 to 10.</param>
/// <param name="Facet">Facets to count; repeat for several (default: all).</param>
public sealed record SearchParameters(
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "group")] string[]? Group,
    [FromQuery(Name = "speaker")] string[]? Speaker,
    [FromQuery(Name = "year")] string[]? Year,
    [FromQuery(Name = "from")] string? From,
    [FromQuery(Name = "to")] string? To,
    [FromQuery(Name = "sort")] string? Sort,
    [FromQuery(Name = "page")] string? Page,
    [FromQuery(Name = "size")] string? Size,
    [FromQuery(Name = "cursor")] string? Cursor,
    [FromQuery(Name = "fragments")] string? Fragments,
    [FromQuery(Name = "facet")] string[]? Facet)
{
    /// <summary>Maps the parameters to a library request.</summary>
    /// <exception cref="InvalidSearchRequestException">A value is malformed or over a host limit.</exception>
    public SearchRequest ToRequest(SearchHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var query = Q ?? "";
        if (query.Length > options.MaxQueryLength)
            throw new InvalidSearchRequestException("q", $"The query is {query.Length} characters long; the limit is {options.MaxQueryLength}. Shorten it.");
        var defaults = new SearchRequest();
        return new SearchRequest
        {
            Query = query,
            Groups = Values(Group),
            Speakers = Values(Speaker),
            Years = Values(Year).Select(y => ParseYear("year", y)).ToArray(),
            YearFrom = Blank(From) ? null : ParseYear("from", From!),
            YearTo = Blank(To) ? null : ParseYear("to", To!),
            Sort = ParseSort(Sort),
            Page = ParseInt("page", Page, defaults.Page, "a page number from 1"),
            Size = ParseInt("size", Size, defaults.Size, $"a page size from 0 to {SearchLimits.MaxPageSize}"),
            Cursor = Blank(Cursor) ? null : Cursor,
            Facets = Facet is { Length: > 0 } ? defaults.Facets with { Names = Values(Facet) } : defaults.Facets,
            Highlight = defaults.Highlight with { Passages = ParseInt("fragments", Fragments, defaults.Highlight.Passages, $"a number of passages from 0 to {SearchLimits.MaxPassages}") },
        };
    }

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);

    private static string[] Values(string[]? values) =>
        values?.Where(v => !Blank(v)).Select(v => v.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray() ?? [];

    private static int ParseYear(string parameter, string value) =>
        SearchLimits.TryParseYear(value, out var year)
            ? year
            : throw new InvalidSearchRequestException(parameter, SearchLimits.NotAYear(value, $"parameter '{parameter}'"));

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
