using System.Globalization;
using Search.Core;
using Search.Ingest.Cleaning;

namespace Search.Ingest.Extraction;

/// <summary>
/// Turns raw article text into an <see cref="Article"/>: cleans it, then runs each
/// <see cref="FacetExtractor"/> (groups, speakers) and finds the publication date and year, each
/// value with its evidence sentence. Stateless and thread-safe.
/// </summary>
public sealed class ArticleExtractor
{
    private readonly IReadOnlyList<FacetExtractor> _extractors;
    private readonly StatementExtractor _statements;

    /// <summary>Creates an extractor using <paramref name="table"/> for groups, plus any <paramref name="extra"/> facets.</summary>
    public ArticleExtractor(GroupAliasTable table, IEnumerable<FacetExtractor>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var groups = new GroupExtractor(table);
        var speakers = new SpeakerExtractor(table);
        _statements = new StatementExtractor(speakers);
        _extractors =
        [
            new FacetExtractor(FacetNames.Group, groups.Extract, g => table.Canonicalize(g) ?? g.Trim(), string.Equals),
            new FacetExtractor(FacetNames.Speaker, speakers.Extract, PersonNames.Display, PersonNames.SamePerson),
            .. extra ?? [],
        ];
    }

    /// <summary>An extractor over <see cref="GroupAliasTable.Default"/>.</summary>
    public static ArticleExtractor Default { get; } = new(GroupAliasTable.Default);

    /// <summary>Builds the article; facets and fields the input states win, and <see cref="Article.ContentHash"/> is set.</summary>
    public Article Extract(ArticleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var cleaned = TextCleaner.Clean(input.Text, input.Title);
        var title = cleaned.Title ?? "";
        // The article keeps wire marks; every extractor reads the text without them.
        var read = cleaned with { Title = WireMarks.Hide(title), Body = WireMarks.Hide(cleaned.Body) };
        var evidence = new List<FacetEvidence>();
        var facets = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

        foreach (var extractor in _extractors)
        {
            var stated = Stated(input, extractor.Facet);
            // A source that states a facet empty (a feed with no groups) leaves nothing for evidence to find.
            if (stated is { Count: 0 })
            {
                facets[extractor.Facet] = [];
                continue;
            }
            var found = extractor.Extract(read.Title!, read.Body);
            var values = stated is not null
                ? stated.Select(extractor.Normalize).Where(v => v.Length > 0).Distinct().ToArray()
                : found.Select(f => f.Value).ToArray();
            foreach (var value in values)
            {
                if (found.FirstOrDefault(f => extractor.SameValue(f.Value, value)) is { } match)
                    evidence.Add(new FacetEvidence(extractor.Facet, value, match.Sentence) { Rule = match.Rule });
            }
            facets[extractor.Facet] = values;
        }
        // A facet the source states but no extractor knows is kept as stated.
        foreach (var (facet, stated) in input.Facets ?? new Dictionary<string, IReadOnlyList<string>>())
            facets.TryAdd(facet, stated.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct().ToArray());

        var (year, published) = ResolveDate(input, read, evidence);
        if (year is not null)
            facets[FacetNames.Year] = [year];
        var article = new Article
        {
            Id = input.Id,
            Title = title,
            Body = cleaned.Body,
            Url = input.Url,
            Byline = input.Byline,
            Source = input.Source,
            Published = published,
            Facets = facets,
            Evidence = evidence,
            Statements = _statements.Extract(read.Title!, read.Body),
        };
        return article with { ContentHash = ContentHasher.Compute(article) };
    }

    private static IReadOnlyList<string>? Stated(ArticleInput input, string facet) =>
        input.Facets is { } stated && stated.TryGetValue(facet, out var values) ? values : null;

    private static (string? Year, DateTimeOffset? Published) ResolveDate(ArticleInput input, CleanedText cleaned, List<FacetEvidence> evidence)
    {
        if (Stated(input, FacetNames.Year)?.FirstOrDefault() is { } givenYear)
            return (givenYear.Trim(), input.Published);
        if (input.Published is { } published)
        {
            evidence.Add(new FacetEvidence(FacetNames.Year, Year(published.Year), $"Published {published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} (metadata)") { Rule = "year: the publication date in the source's metadata" });
            return (Year(published.Year), published);
        }
        if (YearExtractor.Extract(cleaned, input.Url) is not { } found)
            return (null, null);
        evidence.Add(new FacetEvidence(FacetNames.Year, Year(found.Year), found.Sentence) { Rule = "year: a date stated in the text" });
        DateTimeOffset? date = found.Date is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
        return (Year(found.Year), date);
    }

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
}
