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

    public static double Score(IReadOnlyList<TermMatch> matches, int length, double pivotLength, int sentenceIndex, Func<string, double> weight)
    {
        var norm = K1 * (1 - B + B * length / Math.Max(1, pivotLength));
        var score = 0.0;
        // Each distinct key once, in the order keys first occur (the sum's order, so the score is the same to the last bit).
        for (var i = 0; i < matches.Count; i++)
        {
            var key = matches[i].Key;
            if (SeenBefore(matches, i, key))
                continue;
            var tf = 1;
            for (var j = i + 1; j < matches.Count; j++)
            {
                if (string.Equals(matches[j].Key, key, StringComparison.Ordinal))
                    tf++;
            }
            score += weight(key) * tf * (K1 + 1) / (tf + norm);
        }
        return score * (1 + 0.3 / (1 + sentenceIndex));
    }

    private static bool SeenBefore(IReadOnlyList<TermMatch> matches, int index, string key)
    {
        for (var j = 0; j < index; j++)
        {
            if (string.Equals(matches[j].Key, key, StringComparison.Ordinal))
                return true;
        }
        return false;
    }
}
