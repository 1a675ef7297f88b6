namespace Search.Core.Facets;

/// <summary>
/// Turns a period facet's counts into a date histogram: one bucket per period of the range, in
/// time order, with the matches and the index's articles in it; periods nobody published in get 0.
/// </summary>
internal static class HistogramBuilder
{
    public static DateHistogram Build(HistogramOptions options, int[] counts, int[] totals, FacetOrdinals ordinals)
    {
        var interval = options.Interval;
        var byKey = new Dictionary<string, (int Count, int Total)>(StringComparer.Ordinal);
        CalendarPeriod? earliest = null, latest = null;
        for (var ord = 0; ord < ordinals.ValueCount; ord++)
        {
            if (totals[ord] == 0 || !CalendarPeriod.TryParse(ordinals.Label(ord), interval, out var period))
                continue;
            byKey[period.Key] = (counts[ord], totals[ord]);
            if (earliest is null || period.CompareTo(earliest.Value) < 0)
                earliest = period;
            if (latest is null || period.CompareTo(latest.Value) > 0)
                latest = period;
        }

        CalendarPeriod? from = options.From is not null && CalendarPeriod.TryParse(options.From, interval, out var f) ? f : earliest;
        CalendarPeriod? to = options.To is not null && CalendarPeriod.TryParse(options.To, interval, out var t) ? t : latest;
        if (from is not { } start || to is not { } end || start.CompareTo(end) > 0)
            return new DateHistogram(interval, []);
        // A range taken from the index (not asked for) keeps its latest periods when it is too long to draw.
        if (start.PeriodsUntil(end) >= SearchLimits.MaxHistogramBuckets)
            start = Back(end, SearchLimits.MaxHistogramBuckets - 1);

        var buckets = new List<HistogramBucket>();
        for (var period = start; period.CompareTo(end) <= 0; period = period.Next())
        {
            var (count, total) = byKey.GetValueOrDefault(period.Key);
            buckets.Add(new HistogramBucket(period.Key, count, total));
        }
        return new DateHistogram(interval, buckets);
    }

    private static CalendarPeriod Back(CalendarPeriod period, int periods) => period.Interval == CalendarInterval.Year
        ? period with { Year = Math.Max(SearchLimits.MinYear, period.Year - periods) }
        : FromIndex(Math.Max(SearchLimits.MinYear * 12, period.Year * 12 + period.Month - 1 - periods));

    private static CalendarPeriod FromIndex(int months) => new(CalendarInterval.Month, months / 12, months % 12 + 1);
}
