namespace Search.Core;

/// <summary>
/// A cross-tabulation of two facets over a search's matches: for each pair of values, how many
/// matching articles carry both ("which speakers talk about which groups"). Counted
/// drill-sideways: the search's filters on the two pivoted facets do not apply, so selecting a
/// cell keeps the rest of the table; every other filter does.
/// </summary>
public sealed record PivotRequest
{
    /// <summary>The facet whose values are the rows (a name in the index's <see cref="FacetSchema"/>).</summary>
    public required string Rows { get; init; }

    /// <summary>The facet whose values are the columns; not the same as <see cref="Rows"/>.</summary>
    public required string Columns { get; init; }

    /// <summary>Rows returned, those with most matching articles first, 1 to <see cref="SearchLimits.MaxPivotValues"/> (default 10).</summary>
    public int TopRows { get; init; } = 10;

    /// <summary>Columns returned, those with most matching articles first, 1 to <see cref="SearchLimits.MaxPivotValues"/> (default 10).</summary>
    public int TopColumns { get; init; } = 10;

    /// <summary>The search whose matches are counted (its paging, highlighting and facet options are ignored).</summary>
    public SearchRequest Search { get; init; } = new();
}

/// <summary>Exact article counts for pairs of values of two facets.</summary>
/// <param name="RowFacet">The facet of the rows.</param>
/// <param name="ColumnFacet">The facet of the columns.</param>
/// <param name="Rows">Row values, most matching articles first (ties by value).</param>
/// <param name="Columns">Column values, most matching articles first (ties by value).</param>
/// <param name="Counts">For each row, for each column, the matching articles carrying both values.</param>
/// <param name="RowTotals">For each row, the matching articles carrying its value (whatever their column).</param>
/// <param name="ColumnTotals">For each column, the matching articles carrying its value (whatever their row).</param>
/// <param name="Total">Matching articles counted (the search's matches, ignoring filters on the two facets).</param>
public sealed record PivotTable(
    string RowFacet,
    string ColumnFacet,
    IReadOnlyList<string> Rows,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<int>> Counts,
    IReadOnlyList<int> RowTotals,
    IReadOnlyList<int> ColumnTotals,
    int Total);
