using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;
using Microsoft.Extensions.Primitives;
using Search.Core;
using Search.Host.Contracts;
using Search.Host.Infrastructure;

namespace Search.Host.Apis;

/// <summary>Batch search: a list of names or phrases in, a row of counts, dates and top hits per entry out.</summary>
public static class BatchApi
{
    /// <summary>The keys <see cref="BatchSearchBody.Filters"/> takes besides facet names, as in <c>GET /api/search</c>.</summary>
    private static readonly string[] SharedParameters = ["from", "to", "sort", "fragments"];

    /// <summary>Maps <c>POST /api/batch</c>.</summary>
    public static IEndpointRouteBuilder MapBatchApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/api/batch", Batch)
            .Accepts<BatchSearchBody>("application/json")
            .Produces<BatchSearchResult>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // The CSV answer is the same rows as text; one Produces per status code would replace the JSON one.
                if (operation.Responses?.GetValueOrDefault("200")?.Content is { } content)
                    content["text/csv"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
                return Task.CompletedTask;
            });
        return app;
    }

    /// <summary>
    /// <c>POST /api/batch</c>: runs every entry of the body (at most 10,000; more is a 413) under the shared
    /// filters, one snapshot of the index for all. A malformed entry gets an <c>error</c> in its row and the
    /// others are answered. With <c>Accept: text/csv</c> the rows come as CSV (<c>entry,total,first,last,query,error</c>).
    /// </summary>
    internal static async Task<Results<Ok<BatchSearchResult>, PushStreamHttpResult, ProblemHttpResult>> Batch(
        HttpRequest http, SearchIndex index, SearchHostOptions options, ExpensiveQueryGate gate, CancellationToken cancellation)
    {
        var body = await ReadAsync(http, options.MaxRequestBodyBytes, cancellation);
        if (body is null)
            return TooLarge($"The request body is over the limit of {options.MaxRequestBodyBytes:N0} bytes; send fewer entries per request.");
        var entries = body.Entries ?? throw new InvalidSearchRequestException("entries", "The body has no 'entries'; send {\"entries\": [\"a name\", \"a phrase\"]}.");
        if (entries.Count > SearchLimits.MaxBatchEntries)
            return TooLarge($"The batch has {entries.Count:N0} entries; the limit is {SearchLimits.MaxBatchEntries:N0} a request. Split the list into several requests.");
        var request = ToRequest(body, entries, index, options);
        var expensive = request.Matching.Fuzzy > 0 || entries.Any(ExpensiveQueryGate.IsExpensive);
        if (expensive && !await gate.EnterAsync(cancellation))
        {
            http.HttpContext.Response.Headers.RetryAfter = "1";
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Too many expensive searches",
                detail: $"{gate.Slots} searches with patterns or fuzzy terms are already running; try the batch again in a moment.");
        }
        BatchResponse response;
        try
        {
            response = index.SearchBatch(request, null, cancellation);
        }
        finally
        {
            if (expensive)
                gate.Exit();
        }
        if (WantsCsv(http))
            return TypedResults.Stream(stream => BatchExporter.WriteCsvAsync(response.Results, stream, cancellation), "text/csv; charset=utf-8", "batch.csv");
        return TypedResults.Ok(BatchSearchResult.From(response, index.Facets));
    }

    /// <summary>The body, or <c>null</c> when it is over the size limit.</summary>
    private static async Task<BatchSearchBody?> ReadAsync(HttpRequest http, long maxBytes, CancellationToken cancellation)
    {
        string text;
        try
        {
            text = await RequestBody.ReadTextAsync(http, maxBytes, cancellation);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize(text, SearchJsonContext.Default.BatchSearchBody)
                ?? throw new InvalidSearchRequestException("body", "The body is empty; send {\"entries\": [\"a name\", \"a phrase\"]}.");
        }
        catch (JsonException e)
        {
            throw new InvalidSearchRequestException("body", $"The body is not a batch ({e.Message}); send {{\"entries\": [...], \"options\": {{...}}, \"filters\": {{...}}}}.");
        }
    }

    private static BatchRequest ToRequest(BatchSearchBody body, IReadOnlyList<string> entries, SearchIndex index, SearchHostOptions options)
    {
        var filters = body.Filters ?? new Dictionary<string, IReadOnlyList<string>>();
        if (filters.Keys.FirstOrDefault(k => index.Facets.Find(k) is null && !SharedParameters.Contains(k, StringComparer.OrdinalIgnoreCase)) is { } unknown)
            throw new InvalidSearchRequestException("filters", $"Unknown filter '{unknown}'; use a facet ({string.Join(", ", index.Facets.Names)}) or {string.Join(", ", SharedParameters)}.");
        var query = new QueryCollection(filters.ToDictionary(f => f.Key.ToLowerInvariant(), f => new StringValues(f.Value.ToArray())));
        string? Shared(string name) => query.TryGetValue(name, out var values) ? values.ToString() : null;
        var parameters = new SearchParameters { From = Shared("from"), To = Shared("to"), Sort = Shared("sort"), Fragments = Shared("fragments") };
        var settings = body.Options ?? new BatchOptionsBody();
        var defaults = new BatchRequest { Entries = [] };
        return new BatchRequest
        {
            Entries = entries.Select(e => new BatchEntry(e ?? "")).ToArray(),
            Matching = new BatchMatching { Phrase = settings.Phrase ?? false, Fuzzy = settings.Fuzzy ?? 0, Proximity = settings.Proximity ?? 0 },
            Hits = settings.Hits ?? defaults.Hits,
            Facets = settings.Facets ?? [],
            Search = parameters.ToRequest(options, index.Facets, query),
            // Half the cores, so a long batch leaves the others to plain searches.
            Parallelism = Math.Max(1, Environment.ProcessorCount / 2),
        };
    }

    private static bool WantsCsv(HttpRequest http) =>
        http.Headers.Accept.Any(a => a is not null && a.Contains("text/csv", StringComparison.OrdinalIgnoreCase));

    private static ProblemHttpResult TooLarge(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Batch too large", detail: detail);
}
