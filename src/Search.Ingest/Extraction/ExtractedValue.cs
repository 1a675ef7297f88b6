namespace Search.Ingest.Extraction;

/// <summary>A facet value found in an article, with the sentence that supports it.</summary>
/// <param name="Value">The normalised value: a canonical group name or a person's full name.</param>
/// <param name="Sentence">The sentence of the article the value came from.</param>
public sealed record ExtractedValue(string Value, string Sentence)
{
    /// <summary>What produced the value: the alias matched or the extraction rule; <c>null</c> when not recorded.</summary>
    public string? Rule { get; init; }

    /// <summary>Two values are the same finding when value and sentence agree; the rule is provenance, not part of what was found.</summary>
    public bool Equals(ExtractedValue? other) => other is not null && Value == other.Value && Sentence == other.Sentence;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Value, Sentence);
}

/// <summary>A publication year found in an article.</summary>
/// <param name="Year">The year.</param>
/// <param name="Date">The full date, when the text states day and month too.</param>
/// <param name="Sentence">The dateline or sentence that states it.</param>
public sealed record ExtractedYear(int Year, DateOnly? Date, string Sentence);
