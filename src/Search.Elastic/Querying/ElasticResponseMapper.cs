using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Search.Core;
using Names = Search.Elastic.Querying.ElasticRequestTranslator.Names;

namespace Search.Elastic.Querying;

/// <summary>
/// Reads the cluster's search response (the JSON document of <c>_search</c>) back into a
/// <see cref="SearchResponse"/>, using the <see cref="ElasticTranslation"/> that asked for it: hits with
/// their marked title and passages, the exact total, facet counts, the histogram, folded copies and
/// score explanations.
/// </summary>
public static partial class ElasticResponseMapper
{
    /// <summary>Maps a search response.</summary>
    /// <exception cref="SearchTimeoutException">The cluster answered with <c>timed_out</c>: its counts would be short.</exception>
    /// <exception cref="SearchException">The document is not a search response.</exception>
    public static SearchResponse Map(JsonElement response, ElasticTranslation translation)
    {
        ArgumentNullException.ThrowIfNull(translation);
        if (response.ValueKind != JsonValueKind.Object || !response.TryGetProperty("hits", out var hits))
            throw new SearchException("The cluster's answer is not a search response (it has no hits).");
        if (response.TryGetProperty("timed_out", out var timedOut) && timedOut.ValueKind == JsonValueKind.True)
            throw new SearchTimeoutException(translation.TimeBudget);
        var request = translation.Request;
        var total = Total(hits);
        var aggregations = response.TryGetProperty("aggregations", out var a) ? a : default;
        var list = hits.TryGetProperty("hits", out var h) ? h.EnumerateArray().ToArray() : [];
        var mapped = list.Select(hit => Hit(hit, translation)).ToArray();
        var from = request.Cursor is null ? (request.Page - 1) * request.Size : 0;
        var next = list.Length == request.Size && request.Size > 0 && (request.Cursor is not null || from + request.Size < total)
            && list[^1].TryGetProperty("sort", out var sortValues)
            ? ElasticCursor.Encode(translation.Sort, sortValues)
            : null;
        int? withoutFilters = total == 0 && translation.CountsWithoutFilters
            ? DocCount(Path(aggregations, Names.WithoutFilters, Names.Matches))
            : null;
        var took = response.TryGetProperty("took", out var t) && t.TryGetInt64(out var ms) ? TimeSpan.FromMilliseconds(ms) : TimeSpan.Zero;
        return new SearchResponse(request.Query, total, took, mapped, Facets(aggregations, translation), translation.Warnings, next, withoutFilters)
        {
            Histogram = translation.HistogramFacet is { } period ? Histogram(Path(aggregations, Names.Histogram), period, request.Histogram!) : null,
        };
    }

    /// <summary>Maps the answer to <see cref="ElasticRequestTranslator.TranslateFacetValues"/>: the values, most frequent first.</summary>
    /// <exception cref="SearchTimeoutException">The cluster answered with <c>timed_out</c>.</exception>
    public static IReadOnlyList<FacetValue> MapFacetValues(JsonElement response, ElasticTranslation translation)
    {
        ArgumentNullException.ThrowIfNull(translation);
        if (response.TryGetProperty("timed_out", out var timedOut) && timedOut.ValueKind == JsonValueKind.True)
            throw new SearchTimeoutException(translation.TimeBudget);
        var facet = translation.Counted[0];
        var selected = translation.Selected.TryGetValue(facet.Name, out var s) ? s.ToHashSet(StringComparer.Ordinal) : [];
        var aggregations = response.TryGetProperty("aggregations", out var a) ? a : default;
        return Buckets(Path(aggregations, Names.Values, Names.Values))
            .Select(b => new FacetValue(b.Key, b.Count, selected.Contains(b.Key)))
            .ToArray();
    }

    /// <summary>Maps the answer to <see cref="ElasticRequestTranslator.TranslateArticle"/>: the article with its marks, or <c>null</c> when it is not in the index.</summary>
    public static ArticleHighlight? MapArticle(JsonElement response, ElasticTranslation translation)
    {
        ArgumentNullException.ThrowIfNull(translation);
        if (Path(response, "hits", "hits") is not { ValueKind: JsonValueKind.Array } list || list.GetArrayLength() == 0)
            return null;
        var hit = list[0];
        var source = hit.TryGetProperty("_source", out var src) ? src : default;
        var article = new Article
        {
            Id = hit.GetProperty("_id").GetString()!,
            Title = String(source, ElasticFields.Title) ?? "",
            Body = String(source, ElasticFields.Body) ?? "",
            Url = String(source, ElasticFields.Url),
            Byline = String(source, ElasticFields.Byline),
            Source = String(source, ElasticFields.Source),
            Published = Published(source),
            Facets = FacetValues(source, translation),
            ContentHash = String(source, ElasticFields.ContentHash),
            Cluster = String(source, ElasticFields.Cluster),
        };
        var highlight = hit.TryGetProperty("highlight", out var hl) ? hl : default;
        return new ArticleHighlight(
            article,
            Fragments(highlight, ElasticFields.Title).FirstOrDefault() ?? HighlightedText.Plain(article.Title),
            Fragments(highlight, ElasticFields.Body).FirstOrDefault() ?? HighlightedText.Plain(article.Body),
            translation.Warnings);
    }

    private static int Total(JsonElement hits)
    {
        if (!hits.TryGetProperty("total", out var total))
            return 0;
        // The number alone is the older form (rest_total_hits_as_int); the object is the current one.
        var value = total.ValueKind == JsonValueKind.Object ? total.GetProperty("value") : total;
        return (int)Math.Min(value.GetInt64(), int.MaxValue);
    }

    private static SearchHit Hit(JsonElement hit, ElasticTranslation translation)
    {
        var id = hit.GetProperty("_id").GetString()!;
        var source = hit.TryGetProperty("_source", out var src) ? src : default;
        var title = String(source, ElasticFields.Title) ?? "";
        var highlight = hit.TryGetProperty("highlight", out var hl) ? hl : default;
        var titleHighlight = Fragments(highlight, ElasticFields.Title).FirstOrDefault() ?? HighlightedText.Plain(title);
        var facets = FacetValues(source, translation);
        var cluster = String(source, ElasticFields.Cluster);
        var score = hit.TryGetProperty("_score", out var sc) && sc.ValueKind == JsonValueKind.Number ? sc.GetSingle() : 0f;
        return new SearchHit(id, score, title, titleHighlight, Fragments(highlight, ElasticFields.Body), Published(source), facets, String(source, ElasticFields.Url))
        {
            Cluster = cluster,
            Duplicates = translation.Collapsed && cluster is not null ? Duplicates(hit, id, cluster) : null,
            Explanation = hit.TryGetProperty("_explanation", out var explanation) ? Explain(explanation) : null,
        };
    }

    private static Dictionary<string, IReadOnlyList<string>> FacetValues(JsonElement source, ElasticTranslation translation) =>
        translation.Schema.Definitions.ToDictionary(f => f.Name, f => Values(source, f.Name));

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Published(JsonElement source) =>
        String(source, ElasticFields.Published) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;

    /// <summary>Each value of a source field as text: a string, a number, or an array of those.</summary>
    internal static IReadOnlyList<string> Values(JsonElement source, string name)
    {
        if (source.ValueKind != JsonValueKind.Object || !source.TryGetProperty(name, out var value))
            return [];
        return value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(Text).OfType<string>().ToArray() : Text(value) is { } one ? [one] : [];
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

    private static IReadOnlyList<HighlightedText> Fragments(JsonElement highlight, string field) =>
        highlight.ValueKind == JsonValueKind.Object && highlight.TryGetProperty(field, out var fragments)
            ? fragments.EnumerateArray().Select(f => Marked(f.GetString() ?? "")).ToArray()
            : [];

    /// <summary>
    /// A fragment the engine marked with <c>&lt;mark&gt;</c> tags over HTML-encoded text, as plain text with
    /// match ranges: "a &lt;mark&gt;b&amp;amp;c&lt;/mark&gt;" is "a b&amp;c" with 2..5 marked.
    /// </summary>
    public static HighlightedText Marked(string fragment)
    {
        ArgumentNullException.ThrowIfNull(fragment);
        var text = new StringBuilder(fragment.Length);
        var ranges = new List<TextRange>();
        var at = 0;
        int? open = null;
        foreach (Match tag in MarkTag().Matches(fragment))
        {
            text.Append(WebUtility.HtmlDecode(fragment[at..tag.Index]));
            if (tag.Value == "<mark>")
                open ??= text.Length;
            else if (open is { } start)
            {
                ranges.Add(new TextRange(start, text.Length - start));
                open = null;
            }
            at = tag.Index + tag.Length;
        }
        text.Append(WebUtility.HtmlDecode(fragment[at..]));
        return new HighlightedText(text.ToString(), TextRange.Merge(ranges));
    }

    [GeneratedRegex("</?mark>")]
    private static partial Regex MarkTag();

    private static HitDuplicates? Duplicates(JsonElement hit, string id, string cluster)
    {
        var inner = Path(hit, "inner_hits", Names.Duplicates, "hits");
        if (inner.ValueKind != JsonValueKind.Object)
            return null;
        var others = inner.TryGetProperty("hits", out var list) ? list.EnumerateArray().Where(h => h.GetProperty("_id").GetString() != id).ToArray() : [];
        // The hit itself is one of its cluster's matches.
        var count = Total(inner) - 1;
        if (count <= 0)
            return null;
        var sites = others
            .Select(o => String(o.TryGetProperty("_source", out var s) ? s : default, ElasticFields.Url))
            .Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri.Host : null)
            .OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToArray();
        return new HitDuplicates(cluster, count, others.Select(o => o.GetProperty("_id").GetString()!).ToArray(), sites);
    }

    /// <summary>
    /// The engine's BM25 explanation as term contributions: each <c>weight(field:term in doc)</c> node with
    /// its tf, idf, boost and the length norm from its dl, avgdl and b. Facet evidence is not in the cluster.
    /// </summary>
    internal static HitExplanation Explain(JsonElement explanation)
    {
        var terms = new List<ScoreContribution>();
        Collect(explanation, terms);
        return new HitExplanation(explanation.TryGetProperty("value", out var v) ? v.GetSingle() : 0f, terms, []);
    }

    private static void Collect(JsonElement node, List<ScoreContribution> terms)
    {
        var description = node.TryGetProperty("description", out var d) ? d.GetString() ?? "" : "";
        if (WeightDescription().Match(description) is { Success: true } weight)
        {
            var values = new Dictionary<string, float>();
            Leaves(node, values);
            float Get(string key, float otherwise) => values.TryGetValue(key, out var value) ? value : otherwise;
            var b = Get("b", 0f);
            var average = Get("avgdl", 0f);
            var norm = average > 0 ? 1 - b + b * Get("dl", average) / average : 1f;
            terms.Add(new ScoreContribution(weight.Groups["field"].Value, weight.Groups["term"].Value, node.GetProperty("value").GetSingle(), Get("freq", 0f), Get("idf", 0f), norm, Get("boost", 1f)));
            return;
        }
        if (node.TryGetProperty("details", out var details))
        {
            foreach (var child in details.EnumerateArray())
                Collect(child, terms);
        }
    }

    /// <summary>The named numbers under a weight node: the first word of each description ("freq, occurrences…" is freq).</summary>
    private static void Leaves(JsonElement node, Dictionary<string, float> values)
    {
        if (!node.TryGetProperty("details", out var details))
            return;
        foreach (var child in details.EnumerateArray())
        {
            var description = child.TryGetProperty("description", out var d) ? d.GetString() ?? "" : "";
            var key = description.Split([',', ' '], 2)[0];
            if (child.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Number)
                values.TryAdd(key, value.GetSingle());
            Leaves(child, values);
        }
    }

    [GeneratedRegex(@"^weight\((?<field>[^:\s]+):(?<term>.+?) in \d+\)")]
    private static partial Regex WeightDescription();

    private static IReadOnlyList<FacetResult> Facets(JsonElement aggregations, ElasticTranslation translation)
    {
        var results = new List<FacetResult>();
        var options = translation.Request.Facets;
        foreach (var facet in translation.Counted)
        {
            var aggregation = Path(aggregations, Names.FacetPrefix + facet.Name);
            var selected = translation.Selected.TryGetValue(facet.Name, out var s) ? s : [];
            var selectedSet = selected.ToHashSet(StringComparer.Ordinal);
            var values = Buckets(Path(aggregation, Names.Values)).Select(b => new FacetValue(b.Key, b.Count, selectedSet.Contains(b.Key))).ToList();
            var selectedCounts = Buckets(Path(aggregation, Names.Selected)).ToDictionary(b => b.Key, b => b.Count, StringComparer.Ordinal);
            // Selected values always come back, with their counts, even outside the top N or absent from the index.
            var shown = values.Select(v => v.Value).ToHashSet(StringComparer.Ordinal);
            foreach (var value in selected.Where(v => !shown.Contains(v)))
                values.Add(new FacetValue(value, selectedCounts.GetValueOrDefault(value), true));
            IEnumerable<FacetValue> ordered = facet.ListedByValue || options.OrderedByValue.Contains(facet.Name, StringComparer.OrdinalIgnoreCase)
                ? values.OrderBy(v => v.Value, Comparer<string>.Create(facet.CompareValues))
                : values.OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal);
            var distinct = Path(aggregation, Names.Distinct) is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty("value", out var count) ? count.GetInt32() : values.Count(v => v.Count > 0);
            results.Add(new FacetResult(facet.Name, facet.Label, ordered.ToArray(), distinct));
        }
        return results;
    }

    /// <summary>Every period of the range in order, empty ones with 0, as the local histogram gives it.</summary>
    private static DateHistogram Histogram(JsonElement aggregation, FacetDefinition period, HistogramOptions options)
    {
        var interval = period.Period!.Value;
        var matches = Buckets(Path(aggregation, Names.Matches, Names.Periods)).ToDictionary(b => b.Key, b => b.Count, StringComparer.Ordinal);
        var totals = Buckets(Path(aggregation, Names.Periods)).ToDictionary(b => b.Key, b => b.Count, StringComparer.Ordinal);
        var known = totals.Keys.Select(k => CalendarPeriod.TryParse(k, interval, out var p) ? p : (CalendarPeriod?)null).OfType<CalendarPeriod>().Order().ToArray();
        CalendarPeriod? first = options.From is { } f && CalendarPeriod.TryParse(f, interval, out var from) ? from : known.Length > 0 ? known[0] : null;
        CalendarPeriod? last = options.To is { } t && CalendarPeriod.TryParse(t, interval, out var to) ? to : known.Length > 0 ? known[^1] : null;
        var buckets = new List<HistogramBucket>();
        if (first is { } start && last is { } end)
        {
            for (var p = start; p.CompareTo(end) <= 0 && buckets.Count < SearchLimits.MaxHistogramBuckets; p = p.Next())
                buckets.Add(new HistogramBucket(p.Key, matches.GetValueOrDefault(p.Key), totals.GetValueOrDefault(p.Key)));
        }
        return new DateHistogram(interval, buckets);
    }

    private static IEnumerable<(string Key, int Count)> Buckets(JsonElement aggregation)
    {
        if (aggregation.ValueKind != JsonValueKind.Object || !aggregation.TryGetProperty("buckets", out var buckets))
            yield break;
        foreach (var bucket in buckets.EnumerateArray())
        {
            var key = bucket.TryGetProperty("key_as_string", out var s) ? s.GetString() : Text(bucket.GetProperty("key"));
            if (key is not null)
                yield return (key, bucket.GetProperty("doc_count").GetInt32());
        }
    }

    private static int DocCount(JsonElement aggregation) =>
        aggregation.ValueKind == JsonValueKind.Object && aggregation.TryGetProperty("doc_count", out var count) ? count.GetInt32() : 0;

    private static JsonElement Path(JsonElement element, params string[] names)
    {
        foreach (var name in names)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
                return default;
        }
        return element;
    }
}
