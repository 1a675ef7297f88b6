using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace Search.Core;

/// <summary>The file formats an export writes.</summary>
public enum ExportFormat
{
    /// <summary>RFC 4180 comma-separated values in UTF-8 (with a byte-order mark, so spreadsheets read it as UTF-8), CRLF line ends, one header row.</summary>
    Csv,

    /// <summary>JSON Lines: one JSON object per match and line, UTF-8, LF line ends.</summary>
    JsonLines,
}

/// <summary>
/// Writes matches to a stream as CSV or JSON Lines, a few hundred rows at a time, so an export of
/// every match of a million-article index holds no more than one batch in memory. Columns, in
/// order: <c>id</c>, <c>title</c>, <c>published</c>, one column per facet of the schema (its name;
/// several values joined by "; "), <c>url</c>, <c>score</c> and <c>passage</c> (the best passage
/// as plain text). A CSV cell starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a
/// carriage return is prefixed with an apostrophe, so a spreadsheet shows it as text rather than
/// running it as a formula.
/// </summary>
public static class SearchExporter
{
    /// <summary>Separates several values of a facet in one cell.</summary>
    public const string ValueSeparator = "; ";

    // Bytes gathered before a write to the output: large enough to keep writes few, small enough to stay out of the large-object heap.
    private const int ChunkBytes = 32 * 1024;

    /// <summary>The columns an export of an index with <paramref name="facets"/> has, in order.</summary>
    public static IReadOnlyList<string> Columns(FacetSchema facets)
    {
        ArgumentNullException.ThrowIfNull(facets);
        return ["id", "title", "published", .. facets.Names, "url", "score", "passage"];
    }

    /// <summary>The media type of a format: <c>text/csv; charset=utf-8</c> or <c>application/jsonl; charset=utf-8</c>.</summary>
    public static string ContentType(ExportFormat format) =>
        format == ExportFormat.Csv ? "text/csv; charset=utf-8" : "application/jsonl; charset=utf-8";

    /// <summary>The usual file extension of a format, without the dot: <c>csv</c> or <c>jsonl</c>.</summary>
    public static string Extension(ExportFormat format) => format == ExportFormat.Csv ? "csv" : "jsonl";

    /// <summary>Reads a format name, ignoring case: <c>csv</c>, <c>jsonl</c> (or <c>json-lines</c>, <c>ndjson</c>).</summary>
    public static bool TryParseFormat(string? text, out ExportFormat format)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "csv":
                format = ExportFormat.Csv;
                return true;
            case "jsonl" or "json-lines" or "ndjson":
                format = ExportFormat.JsonLines;
                return true;
            default:
                format = default;
                return false;
        }
    }

    /// <summary>
    /// Prepares an export of every match of <paramref name="request"/> (in its order, with its best
    /// passage): the request is checked now, so a front end can refuse it before it starts writing.
    /// </summary>
    /// <exception cref="InvalidSearchRequestException">The request is out of bounds.</exception>
    /// <exception cref="QueryLimitException">The query would cost more than a limit allows.</exception>
    public static SearchExport Prepare(SearchIndex index, SearchRequest request, ExportFormat format, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(request);
        var matches = index.Matches(request with { Highlight = request.Highlight with { Passages = 1 } }, cancellation);
        return new SearchExport(matches, index.Facets, format, cancellation);
    }

    /// <summary>Writes <paramref name="hits"/> as rows to <paramref name="output"/>, which is left open. Returns the number of rows written.</summary>
    public static Task<long> WriteAsync(IEnumerable<SearchHit> hits, FacetSchema facets, ExportFormat format, Stream output, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(hits);
        ArgumentNullException.ThrowIfNull(facets);
        ArgumentNullException.ThrowIfNull(output);
        return format == ExportFormat.Csv
            ? WriteCsvAsync(hits, facets, output, cancellation)
            : WriteJsonLinesAsync(hits, facets, output, cancellation);
    }

    private static Task<long> WriteCsvAsync(IEnumerable<SearchHit> hits, FacetSchema facets, Stream output, CancellationToken cancellation) =>
        WriteCsvAsync(hits, Columns(facets), (csv, hit) =>
        {
            csv.WriteField(hit.Id);
            csv.WriteField(hit.Title);
            csv.WriteField(Published(hit));
            foreach (var facet in facets.Names)
                csv.WriteField(string.Join(ValueSeparator, Values(hit, facet)));
            csv.WriteField(hit.Url ?? "");
            csv.WriteField(Score(hit)?.ToString(CultureInfo.InvariantCulture) ?? "");
            csv.WriteField(Passage(hit));
        }, output, cancellation);

    /// <summary>
    /// The one CSV writer of the library: a header row, then a row per item written by
    /// <paramref name="writeRow"/>, in the format <see cref="ExportFormat.Csv"/> describes, with
    /// formula-like cells escaped, flushed to <paramref name="output"/> a chunk at a time.
    /// </summary>
    internal static async Task<long> WriteCsvAsync<T>(IEnumerable<T> items, IReadOnlyList<string> header, Action<CsvWriter, T> writeRow, Stream output, CancellationToken cancellation)
    {
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        await output.WriteAsync(Encoding.UTF8.Preamble.ToArray(), cancellation);
        var text = new StringBuilder();
        await using var buffer = new StringWriter(text, CultureInfo.InvariantCulture);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            NewLine = "\r\n",
            InjectionOptions = InjectionOptions.Escape,
        };
        await using var csv = new CsvWriter(buffer, configuration);
        foreach (var column in header)
            csv.WriteField(column);
        csv.NextRecord();

        long rows = 0;
        foreach (var item in items)
        {
            writeRow(csv, item);
            csv.NextRecord();
            rows++;
            if (text.Length * 3 >= ChunkBytes)
                await FlushAsync(csv, text, encoding, output, cancellation);
        }
        await FlushAsync(csv, text, encoding, output, cancellation);
        return rows;
    }

    private static async Task FlushAsync(CsvWriter csv, StringBuilder text, Encoding encoding, Stream output, CancellationToken cancellation)
    {
        csv.Flush();
        await output.WriteAsync(encoding.GetBytes(text.ToString()), cancellation);
        text.Clear();
    }

    private static async Task<long> WriteJsonLinesAsync(IEnumerable<SearchHit> hits, FacetSchema facets, Stream output, CancellationToken cancellation)
    {
        var buffer = new ArrayBufferWriter<byte>(ChunkBytes);
        // A file, not HTML: names and quotes stay readable instead of \u-escaped.
        var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        long rows = 0;
        foreach (var hit in hits)
        {
            json.WriteStartObject();
            json.WriteString("id", hit.Id);
            json.WriteString("title", hit.Title);
            if (Published(hit) is { Length: > 0 } published)
                json.WriteString("published", published);
            else
                json.WriteNull("published");
            foreach (var facet in facets.Names)
            {
                json.WriteStartArray(facet);
                foreach (var value in Values(hit, facet))
                    json.WriteStringValue(value);
                json.WriteEndArray();
            }
            if (hit.Url is null)
                json.WriteNull("url");
            else
                json.WriteString("url", hit.Url);
            if (Score(hit) is { } score)
                json.WriteNumber("score", score);
            else
                json.WriteNull("score");
            json.WriteString("passage", Passage(hit));
            json.WriteEndObject();
            json.Flush();
            buffer.Write("\n"u8);
            json.Reset(buffer);
            rows++;
            if (buffer.WrittenCount >= ChunkBytes)
            {
                await output.WriteAsync(buffer.WrittenMemory, cancellation);
                buffer.ResetWrittenCount();
            }
        }
        await output.WriteAsync(buffer.WrittenMemory, cancellation);
        return rows;
    }

    private static IReadOnlyList<string> Values(SearchHit hit, string facet) => hit.Facets.TryGetValue(facet, out var values) ? values : [];

    private static string Published(SearchHit hit) =>
        hit.Published?.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture) ?? "";

    // Sorting by date without a query leaves no score to report.
    private static double? Score(SearchHit hit) => float.IsFinite(hit.Score) ? Math.Round(hit.Score, 4) : null;

    private static string Passage(SearchHit hit) => hit.Passages.Count > 0 ? hit.Passages[0].Text : "";
}

/// <summary>An export checked and ready to write (<see cref="SearchExporter.Prepare"/>); write it once.</summary>
public sealed class SearchExport
{
    private readonly IEnumerable<SearchHit> _matches;
    private readonly FacetSchema _facets;
    private readonly CancellationToken _cancellation;

    internal SearchExport(IEnumerable<SearchHit> matches, FacetSchema facets, ExportFormat format, CancellationToken cancellation)
    {
        _matches = matches;
        _facets = facets;
        _cancellation = cancellation;
        Format = format;
    }

    /// <summary>The format written.</summary>
    public ExportFormat Format { get; }

    /// <summary>The media type of <see cref="Format"/>.</summary>
    public string ContentType => SearchExporter.ContentType(Format);

    /// <summary>A file name for a download: <c>search-export.csv</c> or <c>search-export.jsonl</c>.</summary>
    public string FileName => "search-export." + SearchExporter.Extension(Format);

    /// <summary>Writes every match to <paramref name="output"/>, which is left open; returns the number of rows.</summary>
    public Task<long> WriteToAsync(Stream output) => SearchExporter.WriteAsync(_matches, _facets, Format, output, _cancellation);
}
