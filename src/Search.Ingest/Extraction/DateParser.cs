using System.Globalization;
using System.Text.RegularExpressions;

namespace Search.Ingest.Extraction;

/// <summary>A date written in text.</summary>
/// <param name="Index">Offset of the match.</param>
/// <param name="Length">Length of the match.</param>
/// <param name="Year">The year, or <c>null</c> when the text gives only day and month.</param>
/// <param name="Date">The full date when day, month and year are all given and valid.</param>
/// <param name="HasWeekday">Whether a weekday is attached ("Monday, 26 November 2018").</param>
internal sealed record DateMatch(int Index, int Length, int? Year, DateOnly? Date, bool HasWeekday);

/// <summary>Finds English and ISO dates in text: "Friday, December 9, 2022", "26 November 2018", "2023-06-27".</summary>
internal static partial class DateParser
{
    private const int MinYear = 1990;

    private static readonly string[] MonthNames =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static IReadOnlyList<DateMatch> FindDates(string text)
    {
        var found = new List<DateMatch>();
        foreach (var regex in new[] { Iso(), MonthFirst(), DayFirst() })
        {
            foreach (Match m in regex.Matches(text))
            {
                if (found.Any(f => m.Index < f.Index + f.Length && f.Index < m.Index + m.Length))
                    continue;
                if (ToDate(m) is { } date)
                    found.Add(date);
            }
        }
        return found.OrderBy(f => f.Index).ToArray();
    }

    public static string RemoveDates(string text)
    {
        var result = text;
        foreach (var date in FindDates(text).Reverse())
            result = result.Remove(date.Index, date.Length).Insert(date.Index, " ");
        return result;
    }

    /// <summary>Parses a machine date from metadata (ISO 8601 or RFC 1123, or an English date).</summary>
    public static DateTimeOffset? ParseMetadata(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var trimmed = value.Trim();
        if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            && parsed.Year >= MinYear && parsed.Year <= DateTime.UtcNow.Year + 1)
            return parsed;
        var dates = FindDates(trimmed);
        return dates.Count > 0 && dates[0].Date is { } d
            ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : null;
    }

    private static DateMatch? ToDate(Match m)
    {
        int? year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : null;
        if (year is { } y && (y < MinYear || y > DateTime.UtcNow.Year + 1))
            return null;
        var monthText = m.Groups["mon"].Value;
        var month = int.TryParse(monthText, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric)
            ? numeric
            : Array.IndexOf(MonthNames, monthText[..3].ToLowerInvariant()) + 1;
        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || day is < 1 or > 31)
            return null;
        DateOnly? date = year is { } full && day <= DateTime.DaysInMonth(full, month) ? new DateOnly(full, month, day) : null;
        return new DateMatch(m.Index, m.Length, year, date, m.Groups["wd"].Success);
    }

    private const string Weekday = @"(?:(?<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?,?\s+)?";
    private const string Month = @"(?<mon>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?";

    [GeneratedRegex(@"\b(?<y>\d{4})-(?<mon>\d{2})-(?<d>\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b")]
    private static partial Regex Iso();

    [GeneratedRegex(@"\b" + Weekday + Month + @"\s+(?<d>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?<y>\d{4})\b)?")]
    private static partial Regex MonthFirst();

    [GeneratedRegex(@"\b" + Weekday + @"(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + Month + @",?\s+(?<y>\d{4})\b")]
    private static partial Regex DayFirst();
}
