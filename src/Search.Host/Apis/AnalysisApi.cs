using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Search.Core;
using Search.Host.Contracts;

namespace Search.Host.Apis;

/// <summary>The analysis endpoints: a pivot of two facets and the export of every match.</summary>
public static class AnalysisApi
{
    /// <summary>Maps <c>GET /api/pivot</c> and <c>GET /api/export</c>.</summary>
    public static IEndpointRouteBuilder MapAnalysisApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api");
        api.MapGet("/pivot", Pivot);
        api.MapGet("/export", Export);
        return app;
    }

    /// <summary><c>GET /api/pivot?rows=speaker&amp;cols=group&amp;q=…</c>: exact article counts for pairs of two facets' top values over the matches.</summary>
    public static Ok<PivotResult> Pivot(
        [FromQuery(Name = "rows")] string? rows, [FromQuery(Name = "cols")] string? cols,
        [FromQuery(Name = "top_rows")] string? topRows, [FromQuery(Name = "top_cols")] string? topCols,
        [AsParameters] SearchParameters parameters, HttpRequest http, SearchIndex index, SearchHostOptions options, CancellationToken cancellation)
    {
        var defaults = new PivotRequest { Rows = "", Columns = "" };
        var request = new PivotRequest
        {
            Rows = Required("rows", rows),
            Columns = Required("cols", cols),
            TopRows = SearchParameters.ParseInt("top_rows", topRows, defaults.TopRows, $"a number of rows from 1 to {SearchLimits.MaxPivotValues}"),
            TopColumns = SearchParameters.ParseInt("top_cols", topCols, defaults.TopColumns, $"a number of columns from 1 to {SearchLimits.MaxPivotValues}"),
            Search = parameters.ToRequest(options, index.Facets, http.Query),
        };
        return TypedResults.Ok(PivotResult.From(index.Pivot(request, cancellation)));
    }

    /// <summary>
    /// <c>GET /api/export?q=…&amp;format=csv|jsonl</c>: every match of the search, in its order,
    /// streamed as an attachment (CSV by default).
    /// </summary>
    public static PushStreamHttpResult Export(
        [FromQuery(Name = "format")] string? format,
        [AsParameters] SearchParameters parameters, HttpRequest http, SearchIndex index, SearchHostOptions options, CancellationToken cancellation)
    {
        var chosen = ExportFormat.Csv;
        if (!string.IsNullOrWhiteSpace(format) && !SearchExporter.TryParseFormat(format, out chosen))
            throw new InvalidSearchRequestException("format", $"Unknown export format '{format}'; use csv or jsonl.");
        var export = SearchExporter.Prepare(index, parameters.ToRequest(options, index.Facets, http.Query), chosen, cancellation);
        return TypedResults.Stream(async stream => await export.WriteToAsync(stream), export.ContentType, export.FileName);
    }

    private static string Required(string parameter, string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new InvalidSearchRequestException(parameter, $"The parameter '{parameter}' is required: a facet name such as speaker or group.")
            : value.Trim();
}
