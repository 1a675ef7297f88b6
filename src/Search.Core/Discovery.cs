namespace Search.Core;

/// <summary>A spelling of a query that finds clearly more articles ("did you mean").</summary>
/// <param name="Query">The suggested query.</param>
/// <param name="Total">How many articles it matches under the same filters.</param>
public sealed record QuerySuggestion(string Query, int Total);

/// <summary>The near-duplicates of a hit that matched too and were folded into it.</summary>
/// <param name="Cluster">The near-duplicate cluster id the hit and its copies share.</param>
/// <param name="Count">How many copies were folded.</param>
/// <param name="Ids">Their ids, best first.</param>
/// <param name="Sites">The distinct web sites (host names) that published them, where known.</param>
public sealed record HitDuplicates(string Cluster, int Count, IReadOnlyList<string> Ids, IReadOnlyList<string> Sites);

/// <summary>Why a hit matched: its score as a sum of term contributions, and where its facet values came from.</summary>
/// <param name="Score">The hit's score; the sum of <paramref name="Terms"/>' scores.</param>
/// <param name="Terms">One line per matched term and field.</param>
/// <param name="Facets">For each facet value of the article, the evidence the indexer kept.</param>
public sealed record HitExplanation(float Score, IReadOnlyList<ScoreContribution> Terms, IReadOnlyList<FacetEvidence> Facets)
{
    /// <summary>The score breakdown as lines a person reads, one per term, then the total.</summary>
    public IReadOnlyList<string> Lines =>
    [
        .. Terms.Select(t => t.ToString()),
        $"= {Score.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)}",
    ];
}

/// <summary>One term's share of a BM25 score: <c>Score = Boost × Idf × tf(k1 + 1) / (tf + k1 × LengthNorm)</c>.</summary>
/// <param name="Field">The field matched (title, body, group…).</param>
/// <param name="Term">The term (or phrase) as indexed: lower case, stemmed.</param>
/// <param name="Score">Its contribution to the hit's score, including any factor of the query around it.</param>
/// <param name="TermFrequency">How often it occurs in the field.</param>
/// <param name="Idf">Its inverse document frequency: rarer terms weigh more.</param>
/// <param name="LengthNorm">The field's length against the average (<c>1 − b + b × length / average</c>); above 1 for longer fields, which weigh each occurrence less. 1 when not applicable.</param>
/// <param name="Boost">The query's weight on this field (the title boost, a <c>^</c> in the query, a coordination factor).</param>
public sealed record ScoreContribution(string Field, string Term, float Score, float TermFrequency, float Idf, float LengthNorm, float Boost)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Score:0.####}  {Field}:{Term}  tf {TermFrequency:0.##}, idf {Idf:0.###}, length norm {LengthNorm:0.###}, boost {Boost:0.###}");
}

/// <summary>A cluster of near-duplicate articles in the index.</summary>
/// <param name="Id">The cluster id (the id of the article that started it).</param>
/// <param name="Ids">Its articles' ids.</param>
/// <param name="Sites">The distinct web sites (host names) that published them, where known.</param>
public sealed record DuplicateCluster(string Id, IReadOnlyList<string> Ids, IReadOnlyList<string> Sites);
