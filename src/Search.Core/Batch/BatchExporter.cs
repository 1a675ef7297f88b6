using System.Globalization;

namespace Search.Core;

/// <summary>
/// Writes a batch's results as CSV, one row per entry in the request's order, through the same
/// writer as <see cref="SearchExporter"/> (UTF-8 with a byte-order mark, CRLF, formula-like cells
/// written as text). Columns: <c>entry</c>, <c>total</c>, <c>first</c> and <c>last</c> (dates as
/// yyyy-MM-dd, empty when no match is dated), <c>query</c> (what was searched) and <c>error</c>
/// (empty when the entry was searched).
/// </summary>
public static class BatchExporter
{
    /// <summary>The columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["entry", "total", "first", "last", "query", "error"];

    /// <summary>A date as the batch's table and files show it: <c>2008-12-11</c>; empty for <c>null</c>.</summary>
    public static string Date(DateTimeOffset? date) => date?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>Writes <paramref name="results"/> to <paramref name="output"/>, which is left open; returns the number of rows.</summary>
    public static Task<long> WriteCsvAsync(IEnumerable<BatchResult> results, Stream output, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(output);
        return SearchExporter.WriteCsvAsync(results, Columns, (csv, result) =>
        {
            csv.WriteField(result.Entry);
            csv.WriteField(result.Error is null ? result.Total.ToString(CultureInfo.InvariantCulture) : "");
            csv.WriteField(Date(result.First));
            csv.WriteField(Date(result.Last));
            csv.WriteField(result.Query ?? "");
            csv.WriteField(result.Error ?? "");
        }, output, cancellation);
    }
}
