using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Search.Core;

/// <summary>
/// Reads the entries of a batch from the lists analysts have: a text file with one entry a line
/// (blank lines and lines starting with <c>#</c> skipped, surrounding spaces trimmed), or one column
/// of a CSV file with a header row (blank cells skipped).
/// </summary>
public static class BatchEntryList
{
    /// <summary>The entries of a text list, in order.</summary>
    public static IReadOnlyList<string> ReadLines(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var entries = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var entry = line.Trim();
            if (entry.Length > 0 && !entry.StartsWith('#'))
                entries.Add(entry);
        }
        return entries;
    }

    /// <summary>The non-blank cells of the column headed <paramref name="column"/> (ignoring case), in order.</summary>
    /// <exception cref="InvalidSearchRequestException">The file has no such column.</exception>
    public static IReadOnlyList<string> ReadCsvColumn(TextReader reader, string column)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrWhiteSpace(column);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = true, BadDataFound = null, MissingFieldFound = null }, leaveOpen: true);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header)
            throw new InvalidSearchRequestException("Column", $"The CSV file is empty; it needs a header row with a '{column}' column.");
        var index = Array.FindIndex(header, h => string.Equals(h.Trim(), column.Trim(), StringComparison.OrdinalIgnoreCase));
        if (index < 0)
            throw new InvalidSearchRequestException("Column", $"The CSV file has no column '{column}'; its columns are {string.Join(", ", header.Select(h => $"'{h}'"))}.");
        var entries = new List<string>();
        while (csv.Read())
        {
            var cell = csv.TryGetField<string>(index, out var value) ? value?.Trim() : null;
            if (!string.IsNullOrEmpty(cell))
                entries.Add(cell);
        }
        return entries;
    }
}
