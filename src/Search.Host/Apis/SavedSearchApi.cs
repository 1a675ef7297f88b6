using Microsoft.AspNetCore.Http.HttpResults;
using Search.Core;
using Search.Host.Contracts;
using Search.Host.Infrastructure;

namespace Search.Host.Apis;

/// <summary>Saved searches with "new since": list, run, save and remove.</summary>
public static class SavedSearchApi
{
    /// <summary>
    /// Maps <c>GET /api/saved</c> and <c>GET /api/saved/{name}</c>, and, when <paramref name="writesEnabled"/>,
    /// <c>PUT</c> and <c>DELETE /api/saved/{name}</c> behind the API key.
    /// </summary>
    public static IEndpointRouteBuilder MapSavedSearchApi(this IEndpointRouteBuilder app, bool writesEnabled)
    {
        ArgumentNullException.ThrowIfNull(app);
        var saved = app.MapGroup("/api/saved");
        saved.MapGet("/", List);
        saved.MapGet("/{name}", Run);
        if (writesEnabled)
        {
            saved.MapPut("/{name}", Save).AddEndpointFilter<ApiKeyFilter>();
            saved.MapDelete("/{name}", Remove).AddEndpointFilter<ApiKeyFilter>();
        }
        return app;
    }

    /// <summary><c>GET /api/saved</c>: every saved search with its match count and how many matches are new.</summary>
    public static Ok<SavedSearchListResult> List(SearchIndex index, CancellationToken cancellation) =>
        TypedResults.Ok(new SavedSearchListResult(new SavedSearches(index).List(cancellation).Select(SavedSearchResult.From).ToArray()));

    /// <summary>
    /// <c>GET /api/saved/{name}</c>: runs the saved search (with <c>new=true</c>, only matches indexed since its
    /// last run) and marks its matches seen. <c>page</c>, <c>size</c> and <c>fragments</c> shape the page.
    /// </summary>
    public static Results<Ok<SavedSearchRunResult>, ProblemHttpResult> Run(
        string name, bool? @new, string? page, string? size, string? fragments, SearchIndex index, CancellationToken cancellation)
    {
        var defaults = new SearchRequest();
        var shape = new SearchRequest
        {
            Page = SearchParameters.ParseInt("page", page, defaults.Page, "a page number from 1"),
            Size = SearchParameters.ParseInt("size", size, defaults.Size, $"a page size from 0 to {SearchLimits.MaxPageSize}"),
            Highlight = defaults.Highlight with { Passages = SearchParameters.ParseInt("fragments", fragments, defaults.Highlight.Passages, $"a number of passages from 0 to {SearchLimits.MaxPassages}") },
        };
        try
        {
            var run = new SavedSearches(index).Run(name, @new ?? false, shape, cancellation);
            return TypedResults.Ok(SavedSearchRunResult.From(run, index.Facets));
        }
        catch (SavedSearchNotFoundException e)
        {
            return NotFound(e);
        }
    }

    /// <summary>
    /// <c>PUT /api/saved/{name}</c>: saves the search described by the query string (the parameters of
    /// <c>GET /api/search</c>: <c>q</c>, facet filters, <c>from</c>, <c>to</c>, <c>sort</c>), replacing one of that name.
    /// </summary>
    public static Ok<SavedSearchResult> Save(
        string name, [AsParameters] SearchParameters parameters, HttpRequest http, SearchIndex index, SearchHostOptions options)
    {
        var request = parameters.ToRequest(options, index.Facets, http.Query);
        var saved = new SavedSearches(index).Save(name, request);
        return TypedResults.Ok(SavedSearchResult.From(saved, null, null));
    }

    /// <summary><c>DELETE /api/saved/{name}</c>: removes a saved search.</summary>
    public static Results<NoContent, ProblemHttpResult> Remove(string name, SearchIndex index) =>
        new SavedSearches(index).Remove(name) ? TypedResults.NoContent() : NotFound(new SavedSearchNotFoundException(name));

    private static ProblemHttpResult NotFound(SavedSearchNotFoundException e) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Saved search not found", detail: e.Message);
}
