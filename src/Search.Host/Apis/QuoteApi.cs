using Microsoft.AspNetCore.Http.HttpResults;
using Search.Core;
using Search.Host.Contracts;

namespace Search.Host.Apis;

/// <summary>The quote search: what speakers said, searched by their own words.</summary>
public static class QuoteApi
{
    /// <summary>Maps <c>GET /api/quotes</c>.</summary>
    public static IEndpointRouteBuilder MapQuoteApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/quotes", Search);
        return app;
    }

    /// <summary><c>GET /api/quotes</c>: statements ranked by BM25 over their words, with highlighted text and exact speaker, group and year counts.</summary>
    public static Ok<QuoteResult> Search([AsParameters] QuoteParameters parameters, SearchIndex index, CancellationToken cancellation) =>
        TypedResults.Ok(QuoteResult.From(index.SearchQuotes(parameters.ToRequest(), cancellation)));
}

/// <summary>The query string of <c>GET /api/quotes</c>.</summary>
// Properties rather than a positional record, as SearchParameters explains.
public sealed record QuoteParameters
{
    /// <summary>Words the statement must contain; a group matches by any alias.</summary>
    public string? Q { get; init; }

    /// <summary>Only statements by these speakers (repeatable).</summary>
    public string[]? Speaker { get; init; }

    /// <summary>Only statements whose words name these groups (repeatable).</summary>
    public string[]? Group { get; init; }

    /// <summary>Only statements of articles published in this year.</summary>
    public string? Year { get; init; }

    /// <summary>Only statements of articles published in or after this year.</summary>
    public string? From { get; init; }

    /// <summary>Only statements of articles published in or before this year.</summary>
    public string? To { get; init; }

    /// <summary>Page number, from 1.</summary>
    public string? Page { get; init; }

    /// <summary>Statements per page, 0 to 100.</summary>
    public string? Size { get; init; }

    /// <summary>The library request.</summary>
    /// <exception cref="InvalidSearchRequestException">A number is malformed, or a year is given with a range.</exception>
    public QuoteRequest ToRequest()
    {
        var year = Number("year", Year);
        if (year is not null && (From is not null || To is not null))
            throw new InvalidSearchRequestException("year", "Use either year or from/to, not both.");
        var defaults = new QuoteRequest();
        return new QuoteRequest
        {
            Query = Q ?? "",
            Speakers = Values(Speaker),
            Groups = Values(Group),
            FromYear = year ?? Number("from", From),
            ToYear = year ?? Number("to", To),
            Page = SearchParameters.ParseInt("page", Page, defaults.Page, "a page number from 1"),
            Size = SearchParameters.ParseInt("size", Size, defaults.Size, $"a page size from 0 to {SearchLimits.MaxPageSize}"),
        };
    }

    private static IReadOnlyList<string> Values(string[]? values) => values?.Select(v => v.Trim()).Where(v => v.Length > 0).ToArray() ?? [];

    private static int? Number(string parameter, string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : SearchParameters.ParseInt(parameter, value, 0, "a year of four digits");
}
