namespace Search.Core;

/// <summary>
/// The facets an index has, in display order. The index stores, counts and filters exactly these;
/// the query parser accepts each name as a field; front ends list them. Index and search must use
/// the same schema (it is part of <see cref="SearchIndexOptions"/>).
/// </summary>
public sealed class FacetSchema
{
    private static readonly string[] Reserved = ["id", "title", "body", "url", "source", "published", "evidence", "content_hash", "sort_date"];

    /// <summary>Creates a schema from definitions, in display order.</summary>
    /// <exception cref="ArgumentException">A name is empty, not lower-case, reserved by the article's own fields, or given twice.</exception>
    public FacetSchema(IEnumerable<FacetDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        Definitions = definitions.ToArray();
        foreach (var definition in Definitions)
        {
            if (string.IsNullOrWhiteSpace(definition.Name) || definition.Name != definition.Name.ToLowerInvariant() || !definition.Name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
                throw new ArgumentException($"The facet name '{definition.Name}' must be lower-case letters, digits or underscores.", nameof(definitions));
            if (Reserved.Contains(definition.Name))
                throw new ArgumentException($"The facet name '{definition.Name}' is an article field; choose another.", nameof(definitions));
        }
        if (Definitions.GroupBy(d => d.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"The facet '{twice.Key}' is defined twice.", nameof(definitions));
        Names = Definitions.Select(d => d.Name).ToArray();
    }

    /// <summary>Militant groups by canonical name; a typed alias ("LeT") resolves through the alias table.</summary>
    public static FacetDefinition Group { get; } = new()
    {
        Name = FacetNames.Group,
        Label = "Groups",
        Canonicalize = (value, aliases) => aliases.Canonicalize(value),
    };

    /// <summary>People quoted, by full name; <c>speaker:miller</c> matches any speaker with that word in the name.</summary>
    public static FacetDefinition Speaker { get; } = new()
    {
        Name = FacetNames.Speaker,
        Label = "Speakers",
        MatchesWords = true,
    };

    /// <summary>Publication year, one per article, shown in time order.</summary>
    public static FacetDefinition Year { get; } = new()
    {
        Name = FacetNames.Year,
        Label = "Years",
        Kind = FacetKind.Integer,
        MultiValued = false,
        MinValue = SearchLimits.MinYear,
        MaxValue = SearchLimits.MaxYear,
        ValueHint = "four digits, such as 2019",
        Period = CalendarInterval.Year,
        ListedByValue = true,
    };

    /// <summary>Publication month as YYYY-MM, derived from the publication date; absent for undated articles.</summary>
    public static FacetDefinition Month { get; } = new()
    {
        Name = FacetNames.Month,
        Label = "Months",
        MultiValued = false,
        Period = CalendarInterval.Month,
        ValueHint = "a year and month, such as 2019-03",
        Canonicalize = (value, _) => CalendarPeriod.TryParse(value, CalendarInterval.Month, out var month) ? month.Key : null,
        Derive = article => article.Published is { } published ? [CalendarPeriod.Of(published, CalendarInterval.Month).Key] : [],
    };

    /// <summary>The schema every index has unless its options say otherwise: group, speaker, year, month.</summary>
    public static FacetSchema Default { get; } = new([Group, Speaker, Year, Month]);

    /// <summary>The facet whose values are periods of <paramref name="interval"/> (<see cref="FacetDefinition.Period"/>), or <c>null</c>.</summary>
    public FacetDefinition? ForPeriod(CalendarInterval interval) => Definitions.FirstOrDefault(d => d.Period == interval);

    /// <summary>The definitions, in display order.</summary>
    public IReadOnlyList<FacetDefinition> Definitions { get; }

    /// <summary>The facet names, in display order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The definition named <paramref name="name"/> (case-insensitive), or <c>null</c>.</summary>
    public FacetDefinition? Find(string? name) =>
        name is null ? null : Definitions.FirstOrDefault(d => string.Equals(d.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The definition named <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="InvalidSearchRequestException">No facet has that name.</exception>
    public FacetDefinition Get(string name) =>
        Find(name) ?? throw new InvalidSearchRequestException("facet", $"Unknown facet '{name}'. Known facets: {string.Join(", ", Names)}.");
}

/// <summary>The names of the facets in <see cref="FacetSchema.Default"/>, for code that produces their values.</summary>
public static class FacetNames
{
    /// <summary>Militant groups, by canonical name.</summary>
    public const string Group = "group";

    /// <summary>People quoted, by full name.</summary>
    public const string Speaker = "speaker";

    /// <summary>Publication year.</summary>
    public const string Year = "year";

    /// <summary>Publication month (YYYY-MM).</summary>
    public const string Month = "month";
}
