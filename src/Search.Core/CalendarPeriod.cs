using System.Globalization;

namespace Search.Core;

/// <summary>The length of a calendar period: the buckets of a date histogram.</summary>
public enum CalendarInterval
{
    /// <summary>A calendar year, keyed as four digits (2019).</summary>
    Year,

    /// <summary>A calendar month, keyed as YYYY-MM (2019-03).</summary>
    Month,
}

/// <summary>
/// One calendar year or month, with the key facets store it under ("2019", "2019-03"). Keys of
/// one interval sort in time order both as text and as periods.
/// </summary>
/// <param name="Interval">Year or month.</param>
/// <param name="Year">The year, <see cref="SearchLimits.MinYear"/> to <see cref="SearchLimits.MaxYear"/>.</param>
/// <param name="Month">The month, 1 to 12; 1 for a year.</param>
public readonly record struct CalendarPeriod(CalendarInterval Interval, int Year, int Month) : IComparable<CalendarPeriod>
{
    /// <summary>The key: four digits for a year, YYYY-MM for a month.</summary>
    public string Key => Interval == CalendarInterval.Year
        ? Year.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");

    /// <summary>The period of <paramref name="interval"/> that holds <paramref name="date"/>, in the date's own offset (the day the article was dated).</summary>
    public static CalendarPeriod Of(DateTimeOffset date, CalendarInterval interval) =>
        new(interval, date.Year, interval == CalendarInterval.Year ? 1 : date.Month);

    /// <summary>The period after this one.</summary>
    public CalendarPeriod Next() => Interval == CalendarInterval.Year
        ? this with { Year = Year + 1 }
        : Month == 12 ? this with { Year = Year + 1, Month = 1 } : this with { Month = Month + 1 };

    /// <summary>How many periods from this one to <paramref name="other"/> (0 for the same period; negative when it is earlier).</summary>
    public long PeriodsUntil(CalendarPeriod other) => Interval == CalendarInterval.Year
        ? other.Year - Year
        : (other.Year - Year) * 12L + (other.Month - Month);

    /// <inheritdoc />
    public int CompareTo(CalendarPeriod other) => Year != other.Year ? Year.CompareTo(other.Year) : Month.CompareTo(other.Month);

    /// <summary>
    /// Reads a key of <paramref name="interval"/>: "2019" for a year; "2019-03" or "2019-3" for a
    /// month. Surrounding spaces are ignored; false for anything else or a year out of bounds.
    /// </summary>
    public static bool TryParse(string? text, CalendarInterval interval, out CalendarPeriod period)
    {
        period = default;
        var parts = (text ?? "").Trim().Split('-');
        if (parts.Length != (interval == CalendarInterval.Year ? 1 : 2)
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !SearchLimits.IsValidYear(year))
            return false;
        var month = 1;
        if (interval == CalendarInterval.Month
            && (parts[1].Length is < 1 or > 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out month) || month is < 1 or > 12))
            return false;
        period = new CalendarPeriod(interval, year, month);
        return true;
    }

    /// <summary>Reads an interval name, ignoring case: <c>year</c> or <c>month</c>.</summary>
    public static bool TryParseInterval(string? text, out CalendarInterval interval)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "year":
                interval = CalendarInterval.Year;
                return true;
            case "month":
                interval = CalendarInterval.Month;
                return true;
            default:
                interval = default;
                return false;
        }
    }
}
