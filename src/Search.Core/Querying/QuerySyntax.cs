using Search.Core.Analysis;

namespace Search.Core.Querying;

/// <summary>
/// Whether a query string parses in the library's syntax, for a backend that hands the text to another
/// engine (a cluster's <c>query_string</c>): it applies the same fallback as <see cref="SearchIndex"/>
/// — a query that does not parse is searched as its plain words, with the same warning.
/// </summary>
public static class QuerySyntax
{
    /// <summary>Parses <paramref name="text"/> as <see cref="SearchIndex"/> would, with the analysis and facets of <paramref name="options"/>.</summary>
    /// <exception cref="QueryLimitException">The query would cost more than a limit of <see cref="SearchLimits"/> allows.</exception>
    public static QuerySyntaxCheck Check(string text, SearchIndexOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
            return new QuerySyntaxCheck(true, null, "");
        options ??= new SearchIndexOptions();
        using var queryAnalyzer = new NewsAnalyzer(options.Aliases, forQuery: true);
        using var nameAnalyzer = new NameAnalyzer();
        var compiler = new QueryCompiler(queryAnalyzer, nameAnalyzer, options.Aliases, options.Facets, options.TitleBoost);
        var (_, warning) = compiler.Compile(text);
        return warning is null
            ? new QuerySyntaxCheck(true, null, text)
            : new QuerySyntaxCheck(false, warning, string.Join(' ', QueryCompiler.Words(text)));
    }
}

/// <summary>The outcome of <see cref="QuerySyntax.Check"/>.</summary>
/// <param name="Parses">Whether the text is valid query syntax.</param>
/// <param name="Warning">When it is not: what was wrong and what is searched instead; otherwise <c>null</c>.</param>
/// <param name="Searched">The text to search: the query itself, or its plain words separated by spaces (empty when it has none, which matches nothing).</param>
public sealed record QuerySyntaxCheck(bool Parses, string? Warning, string Searched);
