using System.Globalization;
using System.Text.Json;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using Search.Core.Analysis;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace Search.Core;

/// <summary>
/// The one place that knows how an article becomes a Lucene document: field names, what is
/// indexed, stored and kept as doc values. The writer, the searcher, the facet counter and the
/// highlighter all read their field names from here.
/// </summary>
internal static class SearchSchema
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public const string Id = "id";
    public const string Title = "title";
    public const string Body = "body";
    public const string Url = "url";
    public const string Source = "source";
    public const string Published = "published";
    public const string Evidence = "evidence";
    public const string ContentHash = "content_hash";

    /// <summary>Lower-cased facet values, indexed as single terms for filters and <c>group:</c> queries.</summary>
    public const string GroupKey = FacetNames.Group;
    public const string SpeakerKey = FacetNames.Speaker;

    /// <summary>Facet values as the article gave them, for display.</summary>
    public const string GroupDisplay = "groups";
    public const string SpeakerDisplay = "speakers";

    /// <summary>Speaker names as words, so <c>speaker:miller</c> finds Matthew Miller.</summary>
    public const string SpeakerWords = "speaker_words";

    /// <summary>The year as a number, for ranges.</summary>
    public const string Year = FacetNames.Year;

    /// <summary>Date for sorting: ticks of the publication date, or of 1 January of the year.</summary>
    public const string SortDate = "sort_date";

    /// <summary>Doc-values field holding a facet's display values; counted without loading documents.</summary>
    public static string FacetField(string facet) => "$facet_" + facet;

    /// <summary>Fields that ordinary words are searched in, with their query-time weight key.</summary>
    public static readonly string[] TextFields = [Title, Body];

    /// <summary>
    /// The term every alias of a group is indexed as. It starts with a control character, which no
    /// tokenizer emits, so it cannot collide with a real word.
    /// </summary>
    public static string GroupTerm(string canonical) => "\u0001group:" + GroupAliasTable.Fold(canonical);

    public static string FacetKey(string value) => GroupAliasTable.Fold(value.Trim());

    /// <summary>
    /// Title and body keep character offsets in their postings, so the highlighter reads where
    /// each term stands instead of analysing the text again for every hit.
    /// </summary>
    private static readonly FieldType TextWithOffsets = Frozen(new FieldType(TextField.TYPE_STORED)
    {
        IndexOptions = Lucene.Net.Index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS,
    });

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }

    private static readonly JsonSerializerOptions EvidenceJson = new(JsonSerializerDefaults.Web);

    public static LuceneDocument ToDocument(Article article)
    {
        var doc = new LuceneDocument
        {
            new StringField(Id, article.Id, Field.Store.YES),
            new SortedDocValuesField(Id, new BytesRef(article.Id)),
            new Field(Title, article.Title, TextWithOffsets),
            new Field(Body, article.Body, TextWithOffsets),
        };
        if (article.Url is not null)
            doc.Add(new StoredField(Url, article.Url));
        if (article.Source is not null)
            doc.Add(new StoredField(Source, article.Source));
        if (article.Published is { } published)
            doc.Add(new StoredField(Published, published.ToString("O", CultureInfo.InvariantCulture)));
        if (article.ContentHash is not null)
            doc.Add(new StoredField(ContentHash, article.ContentHash));
        if (article.Evidence.Count > 0)
            doc.Add(new StoredField(Evidence, JsonSerializer.Serialize(article.Evidence, EvidenceJson)));

        foreach (var group in article.Groups.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            doc.Add(new StringField(GroupKey, FacetKey(group), Field.Store.NO));
            doc.Add(new StoredField(GroupDisplay, group));
            doc.Add(new SortedSetDocValuesField(FacetField(FacetNames.Group), new BytesRef(group)));
        }
        foreach (var speaker in article.Speakers.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            doc.Add(new StringField(SpeakerKey, FacetKey(speaker), Field.Store.NO));
            doc.Add(new StoredField(SpeakerDisplay, speaker));
            doc.Add(new TextField(SpeakerWords, speaker, Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(FacetField(FacetNames.Speaker), new BytesRef(speaker)));
        }
        if (article.Year is { } year)
        {
            doc.Add(new Int32Field(Year, year, Field.Store.YES));
            doc.Add(new SortedSetDocValuesField(FacetField(FacetNames.Year), new BytesRef(year.ToString(CultureInfo.InvariantCulture))));
        }
        if (SortTicks(article) is { } ticks)
            doc.Add(new NumericDocValuesField(SortDate, ticks));
        return doc;
    }

    /// <summary>The stored fields a hit needs: not the evidence, hash or source, which only reading an article in full does.</summary>
    public static readonly ISet<string> HitFields = new HashSet<string> { Id, Title, Body, Url, Published, Year, GroupDisplay, SpeakerDisplay };

    /// <summary>Rebuilds the article from stored fields. Display values of facets come back in their original case.</summary>
    public static Article ToArticle(LuceneDocument doc) => new()
    {
        Id = doc.Get(Id),
        Title = doc.Get(Title) ?? "",
        Body = doc.Get(Body) ?? "",
        Url = doc.Get(Url),
        Source = doc.Get(Source),
        Published = doc.Get(Published) is { } p ? DateTimeOffset.Parse(p, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) : null,
        Year = doc.GetField(Year)?.GetInt32Value(),
        Groups = doc.GetValues(GroupDisplay),
        Speakers = doc.GetValues(SpeakerDisplay),
        Evidence = doc.Get(Evidence) is { } e ? JsonSerializer.Deserialize<FacetEvidence[]>(e, EvidenceJson) ?? [] : [],
        ContentHash = doc.Get(ContentHash),
    };

    private static long? SortTicks(Article article) =>
        article.Published?.UtcTicks
        ?? (article.Year is { } y && SearchLimits.IsValidYear(y) ? new DateTime(y, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks : null);

    /// <summary>
    /// Opens an index folder. Stored fields (.fdt, .fdx) are read through buffered file reads and
    /// everything else through memory maps: Lucene.Net's memory-mapped input decodes the compressed
    /// stored fields byte by byte through an accessor, which made loading the hits of a page the
    /// largest cost of a search, while term lookups are fastest from memory maps.
    /// </summary>
    public static Lucene.Net.Store.Directory OpenDirectory(string path) =>
        new Lucene.Net.Store.FileSwitchDirectory(
            new HashSet<string> { "fdt", "fdx" },
            new Lucene.Net.Store.NIOFSDirectory(path),
            new Lucene.Net.Store.MMapDirectory(path),
            doClose: true);

    public static Lucene.Net.Analysis.Analyzer IndexAnalyzer(GroupAliasTable aliases) => new IndexAnalyzer(aliases);
}
