using Microsoft.AspNetCore.Http.HttpResults;
using Search.Core;
using Search.Host.Contracts;
using Search.Host.Infrastructure;

namespace Search.Host.Apis;

/// <summary>Consistent copies of the served index while it is searched and written.</summary>
public static class SnapshotApi
{
    /// <summary>Maps <c>POST /api/snapshot</c> behind the API key when <paramref name="writesEnabled"/>; otherwise it does not exist.</summary>
    public static IEndpointRouteBuilder MapSnapshotApi(this IEndpointRouteBuilder app, bool writesEnabled)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (writesEnabled)
            app.MapPost("/api/snapshot", Snapshot).AddEndpointFilter<ApiKeyFilter>();
        return app;
    }

    /// <summary>
    /// <c>POST /api/snapshot?to=FOLDER</c>: copies the last commit into <c>to</c>, a new or empty folder on the
    /// host's machine (relative paths from the host's working folder), which then opens as an index.
    /// </summary>
    public static async Task<Results<Ok<SnapshotResult>, ProblemHttpResult>> Snapshot(string? to, IndexWrites writes, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(to))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Missing destination", detail: "Name the folder to write the snapshot into with the 'to' parameter.");
        try
        {
            return TypedResults.Ok(SnapshotResult.From(await writes.SnapshotAsync(to, cancellation)));
        }
        catch (SearchException e) when (e is not IndexLockedException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Snapshot not written", detail: e.Message);
        }
    }
}
