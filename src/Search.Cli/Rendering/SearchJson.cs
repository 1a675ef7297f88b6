using System.Text.Encodings.Web;
using System.Text.Json;
using Search.Core;

namespace Search.Cli.Rendering;

/// <summary>The JSON shape of <c>search --json</c>, with snake_case names.</summary>
internal static class SearchJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The response as one line of JSON.</summary>
    public static string Serialize(SearchResponse response) => JsonSerializer.Serialize(ToBody(response), Options);

    /// <summary>The response as the records that are serialised.</summary>
    public static ResponseBody ToBody(SearchResponse response) => new(
        response.Total,
        (long)Math.Round(response.Took.TotalMilliseconds),
        response.Hits.Select(h => new HitBody(
            h.Id,
            h.Title,
            h.TitleHighlight.Html,
            h.Year,
            h.Groups,
            h.Speakers,
            float.IsNaN(h.Score) ? null : h.Score,
            h.Url,
            h.Passages.Select(p => new PassageBody(p.Text, p.Html, p.Matches.Select(m => new RangeBody(m.Start, m.Length)).ToArray())).ToArray())).ToArray(),
        response.Facets.Select(f => new FacetBody(f.Name, f.Values.Select(v => new FacetValueBody(v.Value, v.Count, v.Selected)).ToArray())).ToArray(),
        response.Warnings,
        response.NextCursor);

    internal sealed record ResponseBody(int Total, long TookMs, IReadOnlyList<HitBody> Hits, IReadOnlyList<FacetBody> Facets, IReadOnlyList<string> Warnings, string? NextCursor);

    internal sealed record HitBody(string Id, string Title, string TitleHtml, int? Year, IReadOnlyList<string> Groups, IReadOnlyList<string> Speakers, float? Score, string? Url, IReadOnlyList<PassageBody> Passages);

    internal sealed record PassageBody(string Text, string Html, IReadOnlyList<RangeBody> Ranges);

    internal sealed record RangeBody(int Start, int Length);

    internal sealed record FacetBody(string Name, IReadOnlyList<FacetValueBody> Values);

    internal sealed record FacetValueBody(string Value, int Count, bool Selected);
}
