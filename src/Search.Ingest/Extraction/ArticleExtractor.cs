using System.Globalization;
using Search.Core;
using Search.Ingest.Cleaning;

namespace Search.Ingest.Extraction;

/// <summary>
/// Turns raw article text into an <see cref="Article"/>: cleans it, then extracts groups, speakers
/// and year, each value with its evidence sentence. Stateless and thread-safe.
/// </summary>
public sealed class ArticleExtractor
{
    private readonly GroupAliasTable _table;
    private readonly GroupExtractor _groups;
    private readonly SpeakerExtractor _speakers;

    /// <summary>Creates an extractor using <paramref name="table"/> for groups.</summary>
    public ArticleExtractor(GroupAliasTable table)
    {
        _table = table ?? throw new ArgumentNullException(nameof(table));
        _groups = new GroupExtractor(table);
        _speakers = new SpeakerExtractor(table);
    }

    /// <summary>An extractor over <see cref="GroupAliasTable.Default"/>.</summary>
    public static ArticleExtractor Default { get; } = new(GroupAliasTable.Default);

    /// <summary>Builds the article; fields the input states win, and <see cref="Article.ContentHash"/> is set.</summary>
    public Article Extract(ArticleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var cleaned = TextCleaner.Clean(input.Text, input.Title);
        var title = cleaned.Title ?? "";
        var evidence = new List<FacetEvidence>();

        var foundGroups = _groups.Extract(title, cleaned.Body);
        var groups = input.Groups is { } givenGroups
            ? givenGroups.Select(g => _table.Canonicalize(g) ?? g.Trim()).Where(g => g.Length > 0).Distinct().ToArray()
            : foundGroups.Select(g => g.Value).ToArray();
        evidence.AddRange(foundGroups.Where(g => groups.Contains(g.Value)).Select(g => new FacetEvidence(FacetNames.Group, g.Value, g.Sentence)));

        var foundSpeakers = _speakers.Extract(title, cleaned.Body);
        var speakers = input.Speakers is { } givenSpeakers
            ? givenSpeakers.Select(PersonNames.Display).Where(s => s.Length > 0).Distinct().ToArray()
            : foundSpeakers.Select(s => s.Value).ToArray();
        foreach (var speaker in speakers)
        {
            if (foundSpeakers.FirstOrDefault(f => PersonNames.SamePerson(f.Value, speaker)) is { } found)
                evidence.Add(new FacetEvidence(FacetNames.Speaker, speaker, found.Sentence));
        }

        var (year, published) = ResolveDate(input, cleaned, evidence);
        var article = new Article
        {
            Id = input.Id,
            Title = title,
            Body = cleaned.Body,
            Url = input.Url,
            Source = input.Source,
            Published = published,
            Year = year,
            Groups = groups,
            Speakers = speakers,
            Evidence = evidence,
        };
        return article with { ContentHash = ContentHasher.Compute(article) };
    }

    private static (int? Year, DateTimeOffset? Published) ResolveDate(ArticleInput input, CleanedText cleaned, List<FacetEvidence> evidence)
    {
        if (input.Year is { } givenYear)
            return (givenYear, input.Published);
        if (input.Published is { } published)
        {
            evidence.Add(new FacetEvidence(FacetNames.Year, Year(published.Year), $"Published {published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} (metadata)"));
            return (published.Year, published);
        }
        if (YearExtractor.Extract(cleaned, input.Url) is not { } found)
            return (null, null);
        evidence.Add(new FacetEvidence(FacetNames.Year, Year(found.Year), found.Sentence));
        DateTimeOffset? date = found.Date is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
        return (found.Year, date);
    }

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
}
