using System.Globalization;
using Search.Core;

namespace Search.Host.Contracts;

/// <summary>"Did you mean": a respelt query and how many articles it finds.</summary>
/// <param name="Query">The suggested query.</param>
/// <param name="Total">Its number of matching articles under the same filters.</param>
public sealed record SuggestionResult(string Query, int Total);

/// <summary>Near-duplicates folded into a hit.</summary>
/// <param name="Cluster">The cluster id.</param>
/// <param name="Count">How many copies matched and were folded.</param>
/// <param name="Ids">Their ids.</param>
/// <param name="Sites">The host names that published them.</param>
public sealed record DuplicatesResult(string Cluster, int Count, IReadOnlyList<string> Ids, IReadOnlyList<string> Sites);

/// <summary>Why a hit matched.</summary>
/// <param name="Score">The hit's score, the sum of the terms' scores.</param>
/// <param name="Lines">The breakdown as readable lines, one per term, then the total.</param>
/// <param name="Terms">One entry per matched term and field.</param>
/// <param name="Facets">For each facet value, the sentence it was extracted from and the rule or alias that produced it.</param>
public sealed record ExplanationResult(double Score, IReadOnlyList<string> Lines, IReadOnlyList<TermScoreResult> Terms, IReadOnlyList<FacetReasonResult> Facets)
{
    internal static ExplanationResult From(HitExplanation explanation) => new(
        Math.Round(explanation.Score, 4),
        explanation.Lines,
        explanation.Terms.Select(t => new TermScoreResult(t.Field, t.Term, Math.Round(t.Score, 4), t.TermFrequency, Math.Round(t.Idf, 4), Math.Round(t.LengthNorm, 4), Math.Round(t.Boost, 4))).ToArray(),
        explanation.Facets.Select(e => new FacetReasonResult(e.Facet, e.Value, e.Sentence, e.Rule)).ToArray());
}

/// <summary>One term's share of a score.</summary>
/// <param name="Field">The field matched.</param>
/// <param name="Term">The indexed term.</param>
/// <param name="Score">Its contribution.</param>
/// <param name="Tf">Occurrences in the field.</param>
/// <param name="Idf">Inverse document frequency.</param>
/// <param name="LengthNorm">Field length against the average, as BM25 weighs it.</param>
/// <param name="Boost">The query's weight on the field.</param>
public sealed record TermScoreResult(string Field, string Term, double Score, double Tf, double Idf, double LengthNorm, double Boost);

/// <summary>The body of <c>search duplicates --json</c> and <c>GET /api/duplicates</c>: clusters of near-duplicates, largest first.</summary>
/// <param name="Clusters">The clusters.</param>
public sealed record DuplicateClustersResult(IReadOnlyList<DuplicateClusterResult> Clusters)
{
    /// <summary>The document for the library's clusters.</summary>
    public static DuplicateClustersResult From(IReadOnlyList<DuplicateCluster> clusters) =>
        new(clusters.Select(c => new DuplicateClusterResult(c.Id, c.Ids.Count, c.Ids, c.Sites)).ToArray());
}

/// <summary>One cluster of near-duplicates.</summary>
/// <param name="Id">The cluster id.</param>
/// <param name="Count">How many articles it holds.</param>
/// <param name="Ids">Their ids.</param>
/// <param name="Sites">The host names that published them.</param>
public sealed record DuplicateClusterResult(string Id, int Count, IReadOnlyList<string> Ids, IReadOnlyList<string> Sites);

/// <summary>Why an article carries a facet value.</summary>
/// <param name="Facet">The facet name.</param>
/// <param name="Value">The facet value.</param>
/// <param name="Sentence">The sentence it came from.</param>
/// <param name="Rule">The alias matched ("alias \"LeT\"") or the extraction rule; <c>null</c> when the index did not record it.</param>
public sealed record FacetReasonResult(string Facet, string Value, string Sentence, string? Rule);
