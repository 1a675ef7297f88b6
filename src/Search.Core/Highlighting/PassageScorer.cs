namespace Search.Core.Highlighting;

/// <summary>
/// Scores a candidate passage like BM25 scores a tiny document: each distinct matched term
/// contributes its weight (idf), saturated by how often it occurs and normalised by the passage's
/// length against the document's average sentence length. Earlier passages get a small bonus,
/// because news puts the key facts first.
/// </summary>
internal static class PassageScorer
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    public static double Score(IEnumerable<TermMatch> matches, int length, double pivotLength, int sentenceIndex, Func<string, double> weight)
    {
        var norm = K1 * (1 - B + B * length / Math.Max(1, pivotLength));
        var score = 0.0;
        foreach (var group in matches.GroupBy(m => m.Key))
        {
            var tf = group.Count();
            score += weight(group.Key) * tf * (K1 + 1) / (tf + norm);
        }
        return score * (1 + 0.3 / (1 + sentenceIndex));
    }
}
