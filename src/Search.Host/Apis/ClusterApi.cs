using Microsoft.AspNetCore.Http.HttpResults;
using Search.Host.Infrastructure;

namespace Search.Host.Apis;

/// <summary>
/// The API when the host serves a cluster (<see cref="SearchHostOptions.Backend"/>): search, facet values
/// and articles through the backend, with the same handlers and documents as over the local index; the
/// endpoints that need the local index (statements, analysis views, saved searches, discovery, snapshots)
/// answer 501 with a sentence saying so.
/// </summary>
public static class ClusterApi
{
    /// <summary>The routes that exist only over a local index.</summary>
    public static IReadOnlyList<string> LocalOnlyRoutes { get; } =
        ["/api/articles/{id}/similar", "/api/quotes", "/api/pivot", "/api/export", "/api/saved", "/api/saved/{**name}", "/api/duplicates", "/api/snapshot"];

    /// <summary>Maps <c>/api/search</c>, <c>/api/facets/{name}</c>, <c>/api/articles/{id}</c> and a 501 for each of <see cref="LocalOnlyRoutes"/>.</summary>
    public static IEndpointRouteBuilder MapClusterApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api");
        api.MapGet("/search", SearchApi.Search).AddEndpointFilter<ExpensiveQueryFilter>();
        api.MapGet("/facets/{name}", SearchApi.GetFacetValues).AddEndpointFilter<ExpensiveQueryFilter>();
        api.MapGet("/articles/{**id}", SearchApi.GetArticle);
        foreach (var route in LocalOnlyRoutes)
            app.Map(route, NotAvailable).ExcludeFromDescription();
        return app;
    }

    /// <summary>The answer of a route that needs the local index.</summary>
    public static ProblemHttpResult NotAvailable(HttpRequest request) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status501NotImplemented,
            title: "Not available from a cluster",
            detail: $"{request.Path} needs the local index, and this host searches a cluster; serve the index folder (search serve --index DIR) to use it.");
}
