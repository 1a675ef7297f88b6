using System.Globalization;

namespace Search.Core;

/// <summary>How a facet's values are stored, matched and compared.</summary>
public enum FacetKind
{
    /// <summary>Text values matched whole, ignoring case and accents (a group, a person).</summary>
    Keyword,

    /// <summary>Whole numbers that also take ranges (a year); values are written as invariant digits.</summary>
    Integer,
}

/// <summary>
/// One facet: everything the index, the query parser, the counter and the front ends need to know
/// about it. A facet is data: adding one to a <see cref="FacetSchema"/> makes it stored, countable,
/// filterable and searchable as <c>name:value</c> without code that names it.
/// </summary>
public sealed record FacetDefinition
{
    /// <summary>Lower-case name, used as the query field (<c>group:TTP</c>), the filter key, the URL parameter and the JSON key.</summary>
    public required string Name { get; init; }

    /// <summary>What a person reads above the facet's values (default: the name).</summary>
    public string Label { get => field ?? Name; init; }

    /// <summary>How values are stored and matched (default <see cref="FacetKind.Keyword"/>).</summary>
    public FacetKind Kind { get; init; } = FacetKind.Keyword;

    /// <summary>Whether an article may carry several values (default true); a single-valued facet rejects an article with two.</summary>
    public bool MultiValued { get; init; } = true;

    /// <summary>
    /// Whether a <c>name:word</c> query also matches a value containing that word as a phrase, so
    /// <c>speaker:miller</c> finds "Matthew Miller" (keyword facets only; default false).
    /// </summary>
    public bool MatchesWords { get; init; }

    /// <summary>
    /// Maps a value someone typed (a filter or a <c>name:value</c> query) to the value articles
    /// store, given the index's alias table; <c>null</c> from the hook keeps the typed value. Unset,
    /// typed values are matched as they are (ignoring case and accents).
    /// </summary>
    public Func<string, GroupAliasTable, string?>? Canonicalize { get; init; }

    /// <summary>The smallest value an integer facet accepts (default 1).</summary>
    public int MinValue { get; init; } = 1;

    /// <summary>The largest value an integer facet accepts (default <see cref="int.MaxValue"/>).</summary>
    public int MaxValue { get; init; } = int.MaxValue;

    /// <summary>How to write a valid value, ending an error message ("use four digits, such as 2019").</summary>
    public string ValueHint { get => field ?? (Kind == FacetKind.Integer ? $"a whole number from {MinValue} to {MaxValue}" : "any text"); init; }

    /// <summary>
    /// Computes the facet's values from the article itself when the article states none (the
    /// <c>month</c> facet reads the publication date); unset, only stated values are stored.
    /// </summary>
    public Func<Article, IEnumerable<string>>? Derive { get; init; }

    /// <summary>
    /// The calendar period each value names, when the values are periods written as
    /// <see cref="CalendarPeriod"/> keys (2019, 2019-03): such a facet can be drawn as a date
    /// histogram. <c>null</c> (the default) for facets that are not periods.
    /// </summary>
    public CalendarInterval? Period { get; init; }

    /// <summary>
    /// Whether the facet's values are listed in value order (years in time order) rather than most
    /// frequent first, in every front end (default false). The top values are still the most frequent.
    /// </summary>
    public bool ListedByValue { get; init; }

    /// <summary>Whether a request may select a range of values (integer facets only).</summary>
    public bool AllowsRanges => Kind == FacetKind.Integer;

    /// <summary>
    /// The value a person typed as articles store it: through <see cref="Canonicalize"/> when set,
    /// and for an integer facet written as plain invariant digits ("02019" is "2019").
    /// </summary>
    public string Resolve(string value, GroupAliasTable aliases)
    {
        ArgumentNullException.ThrowIfNull(value);
        var trimmed = value.Trim();
        if (Kind == FacetKind.Integer && TryParseInteger(trimmed, out var number))
            trimmed = number.ToString(CultureInfo.InvariantCulture);
        return Canonicalize?.Invoke(trimmed, aliases) ?? trimmed;
    }

    /// <summary>Parses a value of an integer facet; false when it is not a whole number within <see cref="MinValue"/> and <see cref="MaxValue"/>.</summary>
    public bool TryParseInteger(string? text, out int value) =>
        int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && value >= MinValue && value <= MaxValue;

    /// <summary>The sentence for a value an integer facet cannot take: "'abc' is not a year; use four digits, such as 2019."</summary>
    public string InvalidValueMessage(string text) => $"'{text}' is not a {Name}; use {ValueHint}.";

    /// <summary>Orders values for display by value: numerically for integer facets, ordinally otherwise.</summary>
    public int CompareValues(string a, string b) =>
        Kind == FacetKind.Integer && TryParseInteger(a, out var x) && TryParseInteger(b, out var y)
            ? x.CompareTo(y)
            : string.CompareOrdinal(a, b);
}

/// <summary>An inclusive range of an integer facet's values; either end may be open.</summary>
/// <param name="From">Lowest value, inclusive; <c>null</c> leaves the range open below.</param>
/// <param name="To">Highest value, inclusive; <c>null</c> leaves the range open above.</param>
public sealed record FacetRange(int? From, int? To);
