namespace Search.Core;

/// <summary>Settings shared by <see cref="SearchIndex"/> and <see cref="ArticleWriter"/>.</summary>
public sealed record SearchIndexOptions
{
    /// <summary>The group alias table used by analysis and <c>group:</c> queries (default: the shipped table). Index and search must use the same table.</summary>
    public GroupAliasTable Aliases { get; init; } = GroupAliasTable.Default;

    /// <summary>
    /// The facets articles carry (default <see cref="FacetSchema.Default"/>: group, speaker, year).
    /// Index and search must use the same schema.
    /// </summary>
    public FacetSchema Facets { get; init; } = FacetSchema.Default;

    /// <summary>How much more a title match weighs than a body match (default 2).</summary>
    public float TitleBoost { get; init; } = 2f;

    /// <summary>BM25 term-frequency saturation (default 1.2).</summary>
    public float K1 { get; init; } = 1.2f;

    /// <summary>BM25 length normalisation, 0 to 1 (default 0.75).</summary>
    public float B { get; init; } = 0.75f;

    /// <summary>
    /// How often the index checks the folder for commits made by another process (default 250 ms), on a
    /// background timer so that no search waits for it. <see cref="TimeSpan.Zero"/> checks before every
    /// search instead; <see cref="Timeout.InfiniteTimeSpan"/> never checks. Commits through
    /// <see cref="SearchIndex.OpenWriter"/> are visible at once either way.
    /// </summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Whether the writer fingerprints each body and gives it a near-duplicate cluster (default
    /// true). Off, every article is its own cluster and searches fold nothing; for measuring the cost.
    /// </summary>
    public bool NearDuplicates { get; init; } = true;

    /// <summary>
    /// How long a search may run before it is stopped with <see cref="SearchTimeoutException"/>
    /// (default <see cref="SearchLimits.DefaultTimeBudget"/>); a request may ask for another
    /// budget up to <see cref="SearchLimits.MaxTimeBudget"/>. <see cref="Timeout.InfiniteTimeSpan"/>
    /// turns the budget off: searches without a budget of their own then run to the end.
    /// </summary>
    public TimeSpan TimeBudget { get; init; } = SearchLimits.DefaultTimeBudget;
}
