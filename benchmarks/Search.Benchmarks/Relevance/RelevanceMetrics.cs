namespace Search.Benchmarks.Relevance;

/// <summary>
/// Ranking metrics computed the way trec_eval (and pytrec_eval, which BEIR uses) computes them:
/// gains are the judged grades, a grade of 0 or an unjudged document is not relevant, and the
/// ranking is first put in trec_eval's order (score descending, then document id descending).
/// </summary>
public static class RelevanceMetrics
{
    /// <summary>
    /// Puts a run in trec_eval's order: higher score first; equal scores by document id, descending
    /// (ordinal). trec_eval re-sorts every run this way, so ties must be broken the same way to match it.
    /// </summary>
    public static IReadOnlyList<string> TrecOrder(IEnumerable<(string Id, float Score)> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.OrderByDescending(r => r.Score).ThenByDescending(r => r.Id, StringComparer.Ordinal).Select(r => r.Id).ToArray();
    }

    /// <summary>
    /// nDCG at <paramref name="k"/> (trec_eval <c>ndcg_cut.k</c>): DCG = Σ grade / log2(rank + 1) over the
    /// first k documents, divided by the DCG of the judged documents in ideal order. 0 when nothing is relevant.
    /// </summary>
    public static double NdcgAt(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> judgments, int k)
    {
        Validate(ranking, judgments, k);
        var dcg = 0.0;
        for (var i = 0; i < Math.Min(k, ranking.Count); i++)
        {
            if (judgments.TryGetValue(ranking[i], out var grade) && grade > 0)
                dcg += grade / Math.Log2(i + 2);
        }
        var ideal = judgments.Values.Where(g => g > 0).OrderDescending().Take(k).Select((g, i) => g / Math.Log2(i + 2)).Sum();
        return ideal == 0 ? 0 : dcg / ideal;
    }

    /// <summary>Recall at <paramref name="k"/>: relevant documents in the first k over all relevant documents. 0 when nothing is relevant.</summary>
    public static double RecallAt(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> judgments, int k)
    {
        Validate(ranking, judgments, k);
        var relevant = judgments.Values.Count(g => g > 0);
        if (relevant == 0)
            return 0;
        return (double)ranking.Take(k).Count(id => judgments.TryGetValue(id, out var g) && g > 0) / relevant;
    }

    /// <summary>
    /// Average precision cut at <paramref name="k"/> (trec_eval <c>map_cut.k</c>): the sum of precision at
    /// the rank of each relevant document within the first k, divided by the number of all relevant
    /// documents (not by min(k, relevant)). 0 when nothing is relevant.
    /// </summary>
    public static double AveragePrecisionAt(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> judgments, int k)
    {
        Validate(ranking, judgments, k);
        var relevant = judgments.Values.Count(g => g > 0);
        if (relevant == 0)
            return 0;
        var found = 0;
        var sum = 0.0;
        for (var i = 0; i < Math.Min(k, ranking.Count); i++)
        {
            if (judgments.TryGetValue(ranking[i], out var grade) && grade > 0)
            {
                found++;
                sum += (double)found / (i + 1);
            }
        }
        return sum / relevant;
    }

    private static void Validate(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> judgments, int k)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        ArgumentNullException.ThrowIfNull(judgments);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
    }
}
