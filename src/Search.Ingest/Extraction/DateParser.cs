using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Search.Ingest.Extraction;

/// <summary>A date written in text.</summary>
/// <param name="Index">Offset of the match.</param>
/// <param name="Length">Length of the match.</param>
/// <param name="Year">The year, or <c>null</c> when the text gives only day and month.</param>
/// <param name="Date">The full date when day, month and year are all given, valid and unambiguous.</param>
/// <param name="HasWeekday">Whether a weekday is attached ("Monday, 26 November 2018").</param>
internal sealed record DateMatch(int Index, int Length, int? Year, DateOnly? Date, bool HasWeekday);

/// <summary>
/// Finds English, ISO and numeric dates in text ("Friday, December 9, 2022", "3rd March 2021",
/// "Jun 04 2022", "2023-06-27", "20.11.2021") and in article addresses ("/2021/03/03/").
/// </summary>
/// <remarks>
/// A year found in text must be plausible for a news report (1990 to next year): "1857" in a
/// history paragraph is not a publication year. A date the source gives as metadata is taken
/// whatever its year, because the source has said it is the date (Reuters' stories are from 1987).
/// </remarks>
internal static partial class DateParser
{
    private const int MinTextYear = 1990;

    private static readonly string[] MonthNames =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static int MaxTextYear => DateTime.UtcNow.Year + 1;

    /// <summary>
    /// Whether <paramref name="text"/> may hold a date with a weekday (<see cref="DateMatch.HasWeekday"/>):
    /// every weekday name the patterns know starts with one of these three letters, as written.
    /// </summary>
    internal static bool MayNameWeekday(ReadOnlySpan<char> text) => text.ContainsAny(WeekdayStarts);

    private static readonly SearchValues<string> WeekdayStarts = SearchValues.Create(
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"], StringComparison.Ordinal);

    /// <summary>The dates in <paramref name="text"/> with a plausible year (or none), in text order.</summary>
    public static IReadOnlyList<DateMatch> FindDates(string text) => FindDates(text, anyYear: false);

    public static string RemoveDates(string text)
    {
        var result = text;
        foreach (var date in FindDates(text).Reverse())
            result = result.Remove(date.Index, date.Length).Insert(date.Index, " ");
        return result;
    }

    /// <summary>
    /// Parses a machine date from metadata (ISO 8601, RFC 1123, "26-FEB-1987 15:01:01.79", or an
    /// English date). Any year is kept: the source has said this is the date.
    /// </summary>
    public static DateTimeOffset? ParseMetadata(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var trimmed = value.Trim();
        if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            return parsed;
        var dates = FindDates(trimmed, anyYear: true);
        return dates.Count > 0 && dates[0].Date is { } d
            ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : null;
    }

    /// <summary>
    /// The date an article's address states in its path ("/2021/03/03/", "/2021/nov/20/",
    /// "/30-Apr-2015/", "-2021-03-03-"), or <c>null</c>. A year with a month is enough; a lone
    /// year ("/2010/") may be a section or a topic and does not count.
    /// </summary>
    public static DateMatch? FromUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
            return null;
        var path = url;
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri))
            path = uri.AbsolutePath;
        if (path.Length < 8)
            return null;
        foreach (var regex in new[] { UrlNumericPath(), UrlMonthNamePath(), UrlDayMonthYear(), UrlIsoInSlug() })
        {
            if (regex.Match(path) is { Success: true } m && ToDate(m, anyYear: false) is { } date)
                return date;
        }
        return null;
    }

    private static IReadOnlyList<DateMatch> FindDates(string text, bool anyYear)
    {
        // Every date shape has a digit; most paragraphs of a scrape have none worth scanning.
        if (!text.AsSpan().ContainsAnyInRange('0', '9'))
            return [];
        var found = new List<DateMatch>();
        foreach (var regex in new[] { Iso(), MonthFirst(), DayFirst(), Numeric() })
        {
            foreach (Match m in regex.Matches(text))
            {
                if (found.Any(f => m.Index < f.Index + f.Length && f.Index < m.Index + m.Length))
                    continue;
                if (ToDate(m, anyYear) is { } date)
                    found.Add(date);
            }
        }
        found.Sort((a, b) => a.Index.CompareTo(b.Index));
        return found;
    }

    private static DateMatch? ToDate(Match m, bool anyYear)
    {
        int? year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : null;
        if (year is { } y && (y < 1 || y > 9999 || (!anyYear && (y < MinTextYear || y > MaxTextYear))))
            return null;
        if (m.Groups["a"].Success)
            return NumericDate(m, year!.Value);
        var monthText = m.Groups["mon"].Value;
        var month = int.TryParse(monthText, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric)
            ? numeric
            : Array.IndexOf(MonthNames, monthText[..3].ToLowerInvariant()) + 1;
        if (month is < 1 or > 12)
            return null;
        if (!m.Groups["d"].Success)
            return new DateMatch(m.Index, m.Length, year, null, false);
        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (day is < 1 or > 31)
            return null;
        DateOnly? date = year is { } full && day <= DateTime.DaysInMonth(full, month) ? new DateOnly(full, month, day) : null;
        return new DateMatch(m.Index, m.Length, year, date, m.Groups["wd"].Success);
    }

    /// <summary>"20.11.2021" or "11/20/2021": the year is certain; day and month only when one reading is valid.</summary>
    private static DateMatch? NumericDate(Match m, int year)
    {
        var a = int.Parse(m.Groups["a"].Value, CultureInfo.InvariantCulture);
        var b = int.Parse(m.Groups["b"].Value, CultureInfo.InvariantCulture);
        var dayFirst = a is >= 1 and <= 31 && b is >= 1 and <= 12 && a <= DateTime.DaysInMonth(year, b);
        var monthFirst = a is >= 1 and <= 12 && b is >= 1 and <= 31 && b <= DateTime.DaysInMonth(year, a);
        if (!dayFirst && !monthFirst)
            return null;
        DateOnly? date = (dayFirst, monthFirst) switch
        {
            (true, false) => new DateOnly(year, b, a),
            (false, true) => new DateOnly(year, a, b),
            _ when a == b => new DateOnly(year, a, a),
            _ => null,
        };
        return new DateMatch(m.Index, m.Length, year, date, m.Groups["wd"].Success);
    }

    // Names as written in prose or in capitals ("06 MAY 2023"), never in lower case, where "may"
    // and "march" are verbs.
    private const string Weekday = @"(?:(?<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY|MON|TUE|WED|THU|FRI|SAT|SUN)\.?,?\s+)?";
    private const string Month = @"(?<mon>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)\.?";
    private const string UrlMonth = @"(?<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}";

    [GeneratedRegex(@"\b(?<y>\d{4})-(?<mon>\d{2})-(?<d>\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b")]
    private static partial Regex Iso();

    [GeneratedRegex(@"\b" + Weekday + Month + @"\s+(?<d>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?<y>\d{4})\b)?")]
    private static partial Regex MonthFirst();

    [GeneratedRegex(@"\b" + Weekday + @"(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + Month + @",?\s+(?<y>\d{4})\b")]
    private static partial Regex DayFirst();

    // Separators must agree ("20.11.2021", "11/20/2021", "22-08-2017"), so "1.5 3/2021" is not a date.
    [GeneratedRegex(@"(?<![\d.,/-])" + Weekday + @"(?<a>\d{1,2})(?<sep>[./-])(?<b>\d{1,2})\k<sep>(?<y>\d{4})(?![\d.,-]\d)")]
    private static partial Regex Numeric();

    [GeneratedRegex(@"/(?<y>(?:19|20)\d{2})/(?<mon>0[1-9]|1[0-2])(?:/(?<d>[0-3]?\d)(?=[/._-]|$)|(?<d>[0-3]\d)(?=/)|(?=/|$))")]
    private static partial Regex UrlNumericPath();

    [GeneratedRegex(@"/(?<y>(?:19|20)\d{2})/" + UrlMonth + @"(?:/(?<d>[0-3]?\d))?(?=/|$)", RegexOptions.IgnoreCase)]
    private static partial Regex UrlMonthNamePath();

    [GeneratedRegex(@"/(?<d>[0-3]?\d)-" + UrlMonth + @"-(?<y>(?:19|20)\d{2})(?=/|$)", RegexOptions.IgnoreCase)]
    private static partial Regex UrlDayMonthYear();

    [GeneratedRegex(@"[/_-](?<y>(?:19|20)\d{2})-(?<mon>0[1-9]|1[0-2])-(?<d>[0-3]\d)(?=[/_.-]|$)")]
    private static partial Regex UrlIsoInSlug();
}
