namespace Search.Core;

/// <summary>
/// A date histogram of a search's matches: how many fall in each year or month. It is counted
/// drill-sideways over time: filters and ranges on period facets (year, month) do not apply to it,
/// so selecting a month keeps the other months' bars; every other filter does.
/// </summary>
public sealed record HistogramOptions
{
    /// <summary>Year or month buckets; counted over the schema's facet with that <see cref="FacetDefinition.Period"/>.</summary>
    public CalendarInterval Interval { get; init; } = CalendarInterval.Year;

    /// <summary>The first bucket (a key such as 2019 or 2019-03); <c>null</c> starts at the earliest period any article of the index has.</summary>
    public string? From { get; init; }

    /// <summary>The last bucket, inclusive; <c>null</c> ends at the latest period any article of the index has.</summary>
    public string? To { get; init; }
}

/// <summary>Match counts over time.</summary>
/// <param name="Interval">Year or month.</param>
/// <param name="Buckets">Every period of the range in time order, those without matches with a count of 0; at most <see cref="SearchLimits.MaxHistogramBuckets"/>.</param>
public sealed record DateHistogram(CalendarInterval Interval, IReadOnlyList<HistogramBucket> Buckets);

/// <summary>One period of a date histogram.</summary>
/// <param name="Key">The period: 2019 or 2019-03.</param>
/// <param name="Count">Matching articles published in it (ignoring date filters).</param>
/// <param name="Total">Articles of the whole index published in it.</param>
public sealed record HistogramBucket(string Key, int Count, int Total)
{
    /// <summary>The share of the period's articles that match: <see cref="Count"/> ÷ <see cref="Total"/>, 0 when the period has no articles.</summary>
    public double Share => Total == 0 ? 0 : (double)Count / Total;
}
