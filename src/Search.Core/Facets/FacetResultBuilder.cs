namespace Search.Core.Facets;

/// <summary>
/// Picks the values to return for a facet from its counts: the top N by count (ties by value, which
/// global ordinal order already is), plus every selected value even when it falls outside the top N.
/// </summary>
internal static class FacetResultBuilder
{
    public static FacetResult Build(FacetDefinition facet, int[] counts, FacetOrdinals ordinals, IReadOnlyList<string> requested, IReadOnlyList<string> resolved, FacetOptions options)
    {
        var distinct = 0;
        var top = new PriorityQueue<int, (int Count, int Ord)>(Comparer<(int Count, int Ord)>.Create((a, b) =>
            a.Count != b.Count ? a.Count.CompareTo(b.Count) : b.Ord.CompareTo(a.Ord)));
        for (var ord = 0; ord < counts.Length; ord++)
        {
            if (counts[ord] == 0)
                continue;
            distinct++;
            if (options.TopN == 0)
                continue;
            if (top.Count < options.TopN)
                top.Enqueue(ord, (counts[ord], ord));
            else if (top.TryPeek(out _, out var lowest) && (counts[ord] > lowest.Count))
                top.EnqueueDequeue(ord, (counts[ord], ord));
        }

        var values = new List<FacetValue>();
        var selected = resolved.ToHashSet(StringComparer.Ordinal);
        while (top.TryDequeue(out var ord, out _))
        {
            var label = ordinals.Label(ord);
            values.Add(new FacetValue(label, counts[ord], selected.Contains(label)));
        }
        values.Reverse();

        // Selected values always come back, with their counts, even outside the top N or absent from the index.
        var shown = values.Select(v => v.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var value in resolved.Where(v => !shown.Contains(v)))
            values.Add(new FacetValue(value, CountOf(value, counts, ordinals), true));

        IEnumerable<FacetValue> ordered = facet.ListedByValue || options.OrderedByValue.Contains(facet.Name, StringComparer.OrdinalIgnoreCase)
            ? values.OrderBy(v => v.Value, Comparer<string>.Create(facet.CompareValues))
            : values.OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal);
        return new FacetResult(facet.Name, facet.Label, ordered.ToArray(), distinct);
    }

    private static int CountOf(string value, int[] counts, FacetOrdinals ordinals) =>
        ordinals.GlobalOrd(value) is var ord and >= 0 ? counts[ord] : 0;
}
