using Microsoft.AspNetCore.Http.HttpResults;
using Search.Core;
using Search.Host.Contracts;
using Search.Host.Infrastructure;

namespace Search.Host.Apis;

/// <summary>The JSON API: search, facet values, articles and (with an API key) writes.</summary>
public static class SearchApi
{
    /// <summary>The header that carries the API key for writes.</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>
    /// Maps the API under <c>/api</c>. The write endpoints are mapped only when
    /// <paramref name="writesEnabled"/> is true; otherwise they do not exist (404).
    /// </summary>
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app, bool writesEnabled)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api");
        api.MapGet("/search", Search).AddEndpointFilter<ExpensiveQueryFilter>();
        api.MapGet("/facets/{name}", GetFacetValues).AddEndpointFilter<ExpensiveQueryFilter>();
        api.MapGet("/articles/{**id}", GetArticle);
        if (writesEnabled)
        {
            var writes = api.MapGroup("/articles").AddEndpointFilter<ApiKeyFilter>();
            writes.MapPost("/", AddArticles);
            writes.MapDelete("/{**id}", DeleteArticle);
        }
        return app;
    }

    /// <summary><c>GET /api/search</c>: ranked hits with highlighted passages and drill-sideways facet counts.</summary>
    public static Ok<SearchResult> Search([AsParameters] SearchParameters parameters, HttpRequest http, ISearchBackend index, SearchHostOptions options, CancellationToken cancellation) =>
        TypedResults.Ok(SearchResult.From(index.Search(parameters.ToRequest(options, index.Facets, http.Query), cancellation), index.Facets));

    /// <summary><c>GET /api/facets/{name}</c>: values of one facet under the search, filtered by a word prefix.</summary>
    public static Ok<FacetValuesResult> GetFacetValues(
        string name, [AsParameters] SearchParameters parameters, string? prefix, string? limit,
        HttpRequest http, ISearchBackend index, SearchHostOptions options, CancellationToken cancellation)
    {
        var request = new FacetValuesRequest
        {
            Facet = name,
            Prefix = prefix?.Trim() ?? "",
            Limit = SearchParameters.ParseInt("limit", limit, SearchLimits.DefaultFacetValuesLimit, $"a limit from 1 to {SearchLimits.MaxFacetValuesLimit}"),
            Search = parameters.ToRequest(options, index.Facets, http.Query),
        };
        var values = index.GetFacetValues(request, cancellation);
        return TypedResults.Ok(new FacetValuesResult(name.ToLowerInvariant(), request.Prefix, values.Select(FacetValueResult.From).ToArray()));
    }

    /// <summary>
    /// <c>GET /api/articles/{id}</c>: the cleaned article, its metadata and the evidence for each facet value,
    /// with the whole title and text highlighted for the query <c>q</c> when one is given.
    /// </summary>
    public static Results<Ok<ArticleResult>, ProblemHttpResult> GetArticle(string id, string? q, ISearchBackend index, SearchHostOptions options)
    {
        var query = q?.Trim() ?? "";
        if (query.Length > options.MaxQueryLength)
            throw new InvalidSearchRequestException("q", $"The query is {query.Length} characters long; the limit is {options.MaxQueryLength}. Shorten it.");
        if (query.Length == 0)
            return index.GetArticle(id) is { } article ? TypedResults.Ok(ArticleResult.From(article, index.Facets)) : ArticleNotFound(id);
        return index.HighlightArticle(id, query) is { } highlight ? TypedResults.Ok(ArticleResult.From(highlight, index.Facets)) : ArticleNotFound(id);
    }

    /// <summary><c>POST /api/articles</c>: adds or replaces one article (a JSON object) or a batch (an array).</summary>
    public static async Task<Results<Ok<WriteResult>, ProblemHttpResult>> AddArticles(
        HttpRequest request, SearchIndex index, IndexWrites writes, SearchHostOptions options, CancellationToken cancellation)
    {
        var body = await RequestBody.ReadTextAsync(request, options.MaxRequestBodyBytes, cancellation);
        var parsed = ArticleBody.Parse(body, index.Facets);
        if (parsed.Errors.Count > 0)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid articles",
                detail: $"Nothing was written; fix these and send the request again: {string.Join(" ", parsed.Errors)}",
                extensions: new Dictionary<string, object?> { ["errors"] = parsed.Errors });
        }
        await writes.IndexAsync(parsed.Articles, cancellation);
        return TypedResults.Ok(new WriteResult(parsed.Articles.Count, parsed.Articles.Select(a => a.Article.Id).ToArray()));
    }

    /// <summary><c>DELETE /api/articles/{id}</c>: removes an article.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteArticle(
        string id, SearchIndex index, IndexWrites writes, CancellationToken cancellation)
    {
        if (index.GetArticle(id) is null)
            return ArticleNotFound(id);
        await writes.ApplyAsync(writer => writer.Delete(id), cancellation);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult ArticleNotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Article not found", detail: $"No article has the id '{id}'. Ids are listed in the 'id' field of search hits.");
}
