using System.Collections.Immutable;
using System.Globalization;
using Search.Core;

namespace Search.Cli.Shell;

/// <summary>A facet value the shell filters on.</summary>
/// <param name="Facet">A facet name of the schema.</param>
/// <param name="Value">The value as the index shows it.</param>
internal sealed record ShellFilter(string Facet, string Value)
{
    /// <inheritdoc />
    public override string ToString() => $"{Facet}={Value}";
}

/// <summary>
/// The search the shell is on: query, facet filters, year range, sort and page. Immutable; each
/// command makes the next state, and every change other than paging returns to page 1.
/// </summary>
internal sealed record ShellState
{
    /// <summary>Hits per page.</summary>
    public const int PageSize = 10;

    /// <summary>The query; empty browses everything.</summary>
    public string Query { get; init; } = "";

    /// <summary>Facet filters, in the order they were added (numbered from 1 for <c>:unfilter</c>).</summary>
    public ImmutableList<ShellFilter> Filters { get; init; } = [];

    /// <summary>Earliest year, inclusive.</summary>
    public int? YearFrom { get; init; }

    /// <summary>Latest year, inclusive.</summary>
    public int? YearTo { get; init; }

    /// <summary>The chosen sort; <c>null</c> is the library's default.</summary>
    public SortOrder? Sort { get; init; }

    /// <summary>The page shown, from 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Whether anything narrows or orders the search besides the query.</summary>
    public bool HasRefinements => Filters.Count > 0 || YearFrom is not null || YearTo is not null || Sort is not null;

    /// <summary>The number of the first hit on the current page.</summary>
    public int FirstHitNumber => (Page - 1) * PageSize + 1;

    /// <summary>A new query, keeping filters, years and sort, from page 1.</summary>
    public ShellState WithQuery(string query) => this with { Query = query.Trim(), Page = 1 };

    /// <summary>Adds a filter (no change if it is already there).</summary>
    public ShellState WithFilter(ShellFilter filter) =>
        Filters.Any(f => f.Facet == filter.Facet && string.Equals(f.Value, filter.Value, StringComparison.OrdinalIgnoreCase))
            ? this
            : this with { Filters = Filters.Add(filter), Page = 1 };

    /// <summary>Removes the filter numbered <paramref name="number"/> (from 1).</summary>
    public ShellState WithoutFilter(int number) => this with { Filters = Filters.RemoveAt(number - 1), Page = 1 };

    /// <summary>Removes every facet filter and the year range.</summary>
    public ShellState WithoutFilters() => this with { Filters = [], YearFrom = null, YearTo = null, Page = 1 };

    /// <summary>Sets (or with two nulls, clears) the year range.</summary>
    public ShellState WithYears(int? from, int? to) => this with { YearFrom = from, YearTo = to, Page = 1 };

    /// <summary>Sets the sort; <c>null</c> returns to the default.</summary>
    public ShellState WithSort(SortOrder? sort) => this with { Sort = sort, Page = 1 };

    /// <summary>Drops filters, years and sort; keeps the query.</summary>
    public ShellState Cleared() => new() { Query = Query };

    /// <summary>The library request for this state.</summary>
    public SearchRequest ToRequest() => new()
    {
        Query = Query,
        Filters = Filters.GroupBy(f => f.Facet).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(f => f.Value).ToArray()),
        Ranges = YearFrom is null && YearTo is null
            ? new Dictionary<string, FacetRange>()
            : new Dictionary<string, FacetRange> { [FacetNames.Year] = new(YearFrom, YearTo) },
        Sort = Sort,
        Page = Page,
        Size = PageSize,
    };

    /// <summary>A short description of the refinements, for the prompt and <c>:state</c>; empty when there are none.</summary>
    public string DescribeRefinements()
    {
        var parts = new List<string>();
        parts.AddRange(Filters.Select(f => f.ToString()));
        if (YearFrom is not null || YearTo is not null)
            parts.Add(YearFrom == YearTo ? $"years={YearFrom}" : $"years={YearFrom?.ToString(CultureInfo.InvariantCulture) ?? "…"}-{YearTo?.ToString(CultureInfo.InvariantCulture) ?? "…"}");
        if (Sort is { } sort)
            parts.Add($"sort={sort.ToString().ToLowerInvariant()}");
        return string.Join(" ", parts);
    }
}
