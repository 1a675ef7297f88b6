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
/// <param name="Q">Words the statement must contain; a group matches by any alias.</param>
/// <param name="Speaker">Only statements by these speakers (repeatable).</param>
/// <param name="Group">Only statements whose words name these groups (repeatable).</param>
/// <param name="Year">Only statements of articles published in this year.</param>
/// <param name="From">Only statements of articles published in or after this year.</param>
/// <param name="To">Only statements of articles published in or before this year.</param>
/// <param name="Page">Page number, from 1.</param>
/// <param name="Size">Statements per page, 0 to 100.</param>
public sealed record QuoteParameters(string? Q, string[]? Speaker, string[]? Group, string? Year, string? From, string? To, string? Page, string? Size)
{
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
