namespace Search.Core;

/// <summary>
/// A search over statements (what speakers said), not articles: the query is matched against the
/// words of each statement only, so "TTP" with a speaker filter finds that speaker's words about the TTP.
/// </summary>
public sealed record QuoteRequest
{
    /// <summary>Words the statement must contain (every one; a group's name matches any of its aliases). Empty lists every statement, newest first.</summary>
    public string Query { get; init; } = "";

    /// <summary>Speakers to keep (any of them); empty keeps all.</summary>
    public IReadOnlyList<string> Speakers { get; init; } = [];

    /// <summary>Groups the words must name (any of them, by canonical name or alias); empty keeps all.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>Earliest publication year kept, inclusive.</summary>
    public int? FromYear { get; init; }

    /// <summary>Latest publication year kept, inclusive.</summary>
    public int? ToYear { get; init; }

    /// <summary>The page, from 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Statements per page, 0 to <see cref="SearchLimits.MaxPageSize"/>.</summary>
    public int Size { get; init; } = 10;

    /// <summary>Values returned per facet.</summary>
    public int FacetTopN { get; init; } = 10;
}
