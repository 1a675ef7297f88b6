namespace Search.Core;

/// <summary>The base of every error the library raises on purpose.</summary>
public class SearchException : Exception
{
    /// <summary>Creates the exception with a message a person can act on.</summary>
    public SearchException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>A request the caller can fix: a size over the cap, a bad cursor, an unknown facet.</summary>
public class InvalidSearchRequestException : SearchException
{
    /// <summary>Creates the exception; <paramref name="parameter"/> names the offending input.</summary>
    public InvalidSearchRequestException(string parameter, string message) : base(message) => Parameter = parameter;

    /// <summary>
    /// The request property that is wrong, as named on <see cref="SearchRequest"/> or
    /// <see cref="FacetValuesRequest"/> (for example <c>Size</c>, <c>Cursor</c> or
    /// <c>Highlight.Passages</c>); front ends map it to their own parameter or option names.
    /// </summary>
    public string Parameter { get; }
}

/// <summary>
/// A query that would cost more than a limit of <see cref="SearchLimits"/> allows: a regular
/// expression too long or too complex, a pattern matching too many terms, too many fuzzy terms or
/// clauses. Raised before the expensive work starts.
/// </summary>
public sealed class QueryLimitException : InvalidSearchRequestException
{
    /// <summary>Creates the exception; <paramref name="limit"/> is the name of the <see cref="SearchLimits"/> constant exceeded.</summary>
    public QueryLimitException(string limit, string message) : base(nameof(SearchRequest.Query), message) => Limit = limit;

    /// <summary>The name of the <see cref="SearchLimits"/> constant the query exceeds, such as <c>MaxRegexLength</c>.</summary>
    public string Limit { get; }
}

/// <summary>The folder holds no index.</summary>
public sealed class IndexNotFoundException : SearchException
{
    /// <summary>Creates the exception for <paramref name="directory"/>.</summary>
    public IndexNotFoundException(string directory, Exception? inner = null)
        : base($"No search index in '{directory}'. Build one first, for example: search index <articles> --index \"{directory}\".", inner)
        => Directory = directory;

    /// <summary>The folder that was opened.</summary>
    public string Directory { get; }
}

/// <summary>Another writer (in this or another process) holds the index.</summary>
public sealed class IndexLockedException : SearchException
{
    /// <summary>Creates the exception for <paramref name="directory"/>.</summary>
    public IndexLockedException(string directory, Exception? inner = null)
        : base($"The index in '{directory}' is locked by another writer (another 'search index' or 'search serve' with writes may be running). Wait for it to finish, or stop it, and try again.", inner)
        => Directory = directory;

    /// <summary>The folder whose write lock is held.</summary>
    public string Directory { get; }
}
