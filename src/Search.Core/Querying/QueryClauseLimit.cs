using Lucene.Net.Search;

namespace Search.Core.Querying;

/// <summary>Refuses a compiled query with more than <see cref="SearchLimits.MaxQueryClauses"/> leaf clauses.</summary>
internal static class QueryClauseLimit
{
    /// <summary>Returns <paramref name="query"/> when it is within the limit.</summary>
    /// <exception cref="QueryLimitException">The query has too many clauses.</exception>
    public static Query? Check(Query? query)
    {
        if (query is not null && CountLeaves(query, SearchLimits.MaxQueryClauses + 1) > SearchLimits.MaxQueryClauses)
        {
            throw new QueryLimitException(nameof(SearchLimits.MaxQueryClauses),
                $"The query has more than {SearchLimits.MaxQueryClauses:N0} clauses (each word, phrase or pattern counts once per field searched), the limit for one query; shorten it.");
        }
        return query;
    }

    /// <summary>The leaf clauses of <paramref name="query"/>, counted up to <paramref name="stopAt"/>.</summary>
    private static int CountLeaves(Query query, int stopAt)
    {
        if (query is not BooleanQuery boolean)
            return 1;
        var count = 0;
        foreach (var clause in boolean.Clauses)
        {
            count += CountLeaves(clause.Query, stopAt - count);
            if (count >= stopAt)
                break;
        }
        return count;
    }
}
