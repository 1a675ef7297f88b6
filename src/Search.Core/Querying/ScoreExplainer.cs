using System.Globalization;
using Lucene.Net.Search;

namespace Search.Core.Querying;

/// <summary>
/// Flattens Lucene's explanation tree into one line per matched term. Factors above a term (a
/// coordination factor, a boost on a group) are multiplied into its line, and of a "max of" only
/// the winning branch counts, so the lines add up to the score.
/// </summary>
internal static class ScoreExplainer
{
    public static IReadOnlyList<ScoreContribution> Contributions(Explanation explanation)
    {
        var lines = new List<ScoreContribution>();
        Walk(explanation, 1f, lines);
        return lines;
    }

    private static void Walk(Explanation node, float factor, List<ScoreContribution> lines)
    {
        if (!node.IsMatch && node.Value == 0)
            return;
        var description = node.Description ?? "";
        var details = node.GetDetails() ?? [];
        if (description.StartsWith("weight(", StringComparison.Ordinal))
        {
            lines.Add(Term(node, description, factor));
            return;
        }
        if (details.Length == 0)
        {
            lines.Add(new ScoreContribution("", description, node.Value * factor, 0, 0, 1, factor));
            return;
        }
        if (description.StartsWith("max of", StringComparison.Ordinal) || description.StartsWith("max plus", StringComparison.Ordinal))
        {
            Walk(details.OrderByDescending(d => d.Value).First(), factor, lines);
            return;
        }
        if (description.Contains("product of", StringComparison.Ordinal))
        {
            // Factors are the leaves beside the one branch that carries terms.
            var branches = details.Where(d => (d.GetDetails()?.Length ?? 0) > 0 || d.Description.StartsWith("weight(", StringComparison.Ordinal)).ToArray();
            if (branches.Length == 1)
            {
                var product = details.Where(d => !ReferenceEquals(d, branches[0])).Aggregate(1f, (p, d) => p * d.Value);
                Walk(branches[0], factor * product, lines);
                return;
            }
        }
        if (description.Contains("sum of", StringComparison.Ordinal))
        {
            foreach (var detail in details)
                Walk(detail, factor, lines);
            return;
        }
        // Anything else (a constant score, a filter) is one line of its own value.
        lines.Add(new ScoreContribution("", description, node.Value * factor, 0, 0, 1, factor));
    }

    /// <summary>A BM25 leaf: "weight(body:taliban in 3) [BM25Similarity], result of:" over idf, tfNorm and an optional boost.</summary>
    private static ScoreContribution Term(Explanation node, string description, float factor)
    {
        var inside = description["weight(".Length..];
        var end = inside.LastIndexOf(" in ", StringComparison.Ordinal);
        var clause = end > 0 ? inside[..end] : inside;
        var colon = clause.IndexOf(':', StringComparison.Ordinal);
        var field = colon > 0 ? clause[..colon] : "";
        var term = colon > 0 ? clause[(colon + 1)..] : clause;
        // The boost is its own column; "pakistan^2.0" names the term "pakistan".
        if (term.LastIndexOf('^') is var caret and > 0)
            term = term[..caret];
        var all = Flatten(node).ToArray();
        var idf = all.FirstOrDefault(d => d.Description.StartsWith("idf", StringComparison.Ordinal))?.Value ?? 0;
        var boost = all.FirstOrDefault(d => d.Description == "boost")?.Value ?? 1;
        var tf = Number(all, "termFreq") ?? Number(all, "phraseFreq") ?? 0;
        var b = all.FirstOrDefault(d => d.Description.StartsWith("parameter b", StringComparison.Ordinal))?.Value;
        var average = all.FirstOrDefault(d => d.Description == "avgFieldLength")?.Value;
        var length = all.FirstOrDefault(d => d.Description == "fieldLength")?.Value;
        var norm = b is { } bv && average is > 0 && length is { } lv ? 1 - bv + bv * lv / average.Value : 1f;
        return new ScoreContribution(field, term.Trim('"'), node.Value * factor, tf, idf, norm, boost * factor);
    }

    private static float? Number(IEnumerable<Explanation> nodes, string name)
    {
        var node = nodes.FirstOrDefault(d => d.Description.StartsWith(name + "=", StringComparison.Ordinal));
        return node is null ? null : float.Parse(node.Description[(name.Length + 1)..], CultureInfo.InvariantCulture);
    }

    private static IEnumerable<Explanation> Flatten(Explanation node)
    {
        foreach (var detail in node.GetDetails() ?? [])
        {
            yield return detail;
            foreach (var deeper in Flatten(detail))
                yield return deeper;
        }
    }
}
