using Microsoft.AspNetCore.Http.HttpResults;
using Search.Core;
using Search.Host.Contracts;

namespace Search.Host.Apis;

/// <summary>Discovery endpoints: articles like a given one, and the near-duplicate clusters.</summary>
public static class DiscoveryApi
{
    /// <summary>Maps <c>GET /api/articles/{id}/similar</c> and <c>GET /api/duplicates</c>.</summary>
    public static IEndpointRouteBuilder MapDiscoveryApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/articles/{id}/similar", Similar);
        app.MapGet("/api/duplicates", Duplicates);
        return app;
    }

    /// <summary>
    /// <c>GET /api/articles/{id}/similar</c>: articles on the same subject, by the article's distinctive
    /// title and body terms, under the usual filters and paging, without the article and its near-duplicates.
    /// </summary>
    public static Results<Ok<SearchResult>, ProblemHttpResult> Similar(string id, [AsParameters] SearchParameters parameters, HttpRequest http, SearchIndex index, SearchHostOptions options, CancellationToken cancellation)
    {
        var response = index.Similar(id, parameters.ToRequest(options, index.Facets, http.Query), cancellation);
        return response is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Article not found", detail: $"No article has the id '{id}'. Ids are listed in the 'id' field of search hits.")
            : TypedResults.Ok(SearchResult.From(response, index.Facets));
    }

    /// <summary><c>GET /api/duplicates</c>: clusters of near-duplicate articles, largest first.</summary>
    public static Ok<DuplicateClustersResult> Duplicates(SearchIndex index) =>
        TypedResults.Ok(DuplicateClustersResult.From(index.GetDuplicateClusters()));
}
