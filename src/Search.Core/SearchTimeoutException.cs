namespace Search.Core;

/// <summary>
/// A search ran out of its time budget (<see cref="SearchRequest.TimeBudget"/>, or the index's
/// <see cref="SearchIndexOptions.TimeBudget"/>) and was stopped. Nothing partial is returned:
/// totals and facet counts are exact or absent, never silently short.
/// </summary>
public sealed class SearchTimeoutException : SearchException
{
    /// <summary>Creates the exception for a search stopped after <paramref name="budget"/>.</summary>
    public SearchTimeoutException(TimeSpan budget, Exception? inner = null)
        : base($"The search was stopped after its time budget of {budget.TotalMilliseconds:0} ms; make the query more specific (fewer patterns or fuzzy terms, a filter) and try again.", inner)
        => Budget = budget;

    /// <summary>The budget the search ran out of.</summary>
    public TimeSpan Budget { get; }
}
