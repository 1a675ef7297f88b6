using System.Globalization;
using System.Text.Json;
using Lucene.Net.Documents;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Analysis;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace Search.Core;

/// <summary>
/// The one place that knows how an article becomes a Lucene document: field names, what is
/// indexed, stored and kept as doc values. The writer, the searcher, the facet counter and the
/// highlighter all read their field names from here.
/// </summary>
internal static partial class SearchSchema
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public const string Id = "id";
    public const string Title = "title";
    public const string Body = "body";

    /// <summary>The article's address: stored, and as binary doc values for naming duplicates' sites (<see cref="Duplicates.MemberLinks"/>).</summary>
    public const string Url = "url";

    public const string Byline = "byline";
    public const string Source = "source";
    public const string Published = "published";
    public const string Evidence = "evidence";
    public const string ContentHash = "content_hash";

    /// <summary>The near-duplicate cluster: indexed and stored as given, and as sorted doc values for folding hits.</summary>
    public const string Cluster = "cluster";

    /// <summary>Doc-values field holding the body's MinHash signature, read back when a writer opens.</summary>
    public const string Fingerprint = "$fingerprint";

    /// <summary>
    /// When the writer took the article, as UTC ticks: a doc value, which "indexed after" filters check
    /// for the documents a query matches (<see cref="IndexedAfterFilter"/>; indexes written by earlier
    /// versions hold it as indexed numeric terms, which the filter still reads). Set at upsert, not
    /// taken from the article, so "new since" means new in this index.
    /// </summary>
    public const string IndexedAt = "indexed_at";

    /// <summary>
    /// A facet's own field (named as the facet) holds its values: for a keyword facet, each value
    /// folded to one term (for filters and <c>name:value</c> queries); for an integer facet, the
    /// number, indexed for ranges and stored.
    /// </summary>
    public static string FacetValueField(FacetDefinition facet) => facet.Name;

    /// <summary>
    /// Where a facet's values are stored for display: a keyword facet's under its plural (the names
    /// the first schema used, "groups" and "speakers", so indexes built before facets were data
    /// still read), an integer facet's in its own field.
    /// </summary>
    public static string FacetStoredField(FacetDefinition facet) => facet.Kind == FacetKind.Integer ? facet.Name : facet.Name + "s";

    /// <summary>A keyword facet's values as words, so <c>speaker:miller</c> finds Matthew Miller (<see cref="FacetDefinition.MatchesWords"/>).</summary>
    public static string FacetWordsField(FacetDefinition facet) => facet.Name + "_words";

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

    public static string FacetKey(string value)
    {
        var trimmed = value.Trim();
        // Folding plain ASCII without an apostrophe only lower-cases it; most facet values are such,
        // and the general fold normalises and rebuilds every one.
        foreach (var c in trimmed)
        {
            if (c > 0x7F || c == '\'')
                return GroupAliasTable.Fold(trimmed);
        }
        return trimmed.ToLowerInvariant();
    }

    /// <summary>
    /// Title and body keep character offsets in their postings, so the highlighter reads where
    /// each term stands instead of analysing the text again for every hit.
    /// </summary>
    internal static readonly FieldType TextWithOffsets = Frozen(new FieldType(TextField.TYPE_STORED)
    {
        IndexOptions = Lucene.Net.Index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS,
    });

    /// <summary>
    /// <see cref="TextWithOffsets"/> without the stored copy: the indexed half of a text analysed
    /// beforehand (<see cref="Analysis.AnalyzedText"/>), whose stored half is a field of its own.
    /// </summary>
    internal static readonly FieldType IndexedTextWithOffsets = Frozen(new FieldType(TextField.TYPE_NOT_STORED)
    {
        IndexOptions = Lucene.Net.Index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS,
    });

    /// <summary>
    /// Integer facet values (the year) are indexed as one term each: a range over them enumerates
    /// at most as many terms as there are distinct values (a few dozen years), so the seven
    /// lower-precision terms a value Lucene adds by default (precision step 4) bought nothing and
    /// cost indexing time. Indexes written with the default step hold the one-term form too
    /// (shift 0), so queries built with this step read them the same.
    /// </summary>
    public const int IntegerFacetPrecisionStep = int.MaxValue;

    /// <summary>An integer facet's field: indexed with <see cref="IntegerFacetPrecisionStep"/>, stored.</summary>
    internal static readonly FieldType IntegerFacet = Frozen(new FieldType(Int32Field.TYPE_STORED) { NumericPrecisionStep = IntegerFacetPrecisionStep });

    /// <summary>Articles (or statements) whose integer facet <paramref name="field"/> lies in the range; a bound left out is open.</summary>
    public static Query IntegerRange(string field, int? from, int? to, bool fromInclusive = true, bool toInclusive = true) =>
        NumericRangeQuery.NewInt32Range(field, IntegerFacetPrecisionStep, from, to, fromInclusive, toInclusive);

    /// <summary>Articles indexed after <paramref name="ticks"/> (UTC), as a filter.</summary>
    public static Filter IndexedAfter(long ticks) => new IndexedAfterFilter(ticks);

    /// <summary>Articles whose integer facet <paramref name="field"/> lies in the range, as a filter; a bound left out is open.</summary>
    public static Filter IntegerRangeFilter(string field, int? from, int? to) =>
        NumericRangeFilter.NewInt32Range(field, IntegerFacetPrecisionStep, from, to, true, true);

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }

    /// <summary>The stored fields a hit needs: not the evidence, hash or source, which only reading an article in full does.</summary>
    public static ISet<string> HitFields(FacetSchema schema) => new HashSet<string>([Id, Title, Body, Url, Published, Cluster, .. schema.Definitions.Select(FacetStoredField)]);

    /// <summary>Rebuilds the article from stored fields. Display values of facets come back in their original case.</summary>
    public static Article ToArticle(LuceneDocument doc, FacetSchema schema) => new()
    {
        Id = doc.Get(Id),
        Title = doc.Get(Title) ?? "",
        Body = doc.Get(Body) ?? "",
        Url = doc.Get(Url),
        Byline = doc.Get(Byline),
        Source = doc.Get(Source),
        Published = doc.Get(Published) is { } p ? DateTimeOffset.Parse(p, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) : null,
        Facets = schema.Definitions.ToDictionary(f => f.Name, f => StoredValues(doc, f), StringComparer.Ordinal),
        Evidence = doc.Get(Evidence) is { } e ? JsonSerializer.Deserialize(e, CoreJson.Evidence.IReadOnlyListFacetEvidence) ?? [] : [],
        ContentHash = doc.Get(ContentHash),
        Cluster = doc.Get(Cluster),
    };

    private static IReadOnlyList<string> StoredValues(LuceneDocument doc, FacetDefinition facet) =>
        doc.GetFields(FacetStoredField(facet))
            .Select(f => f.GetInt32Value() is { } number ? number.ToString(CultureInfo.InvariantCulture) : f.GetStringValue())
            .OfType<string>()
            .ToArray();

    /// <summary>An article without a date sorts by 1 January of its year, when it has one.</summary>
    internal static long? SortTicks(Article article) =>
        article.Published?.UtcTicks
        ?? (int.TryParse(article.Values(FacetNames.Year).FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && SearchLimits.IsValidYear(y)
            ? new DateTime(y, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks
            : null);

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
            new UntrackedMMapDirectory(path),
            doClose: true);

    /// <summary>
    /// Opens an index folder for a writer. Everything is read through buffered file reads: a
    /// writer reads segments to merge them, every posting in turn, and Lucene.Net's memory-mapped
    /// input takes and releases the file's handle for each read, which made the closing merge of a
    /// bulk load a quarter slower (benchmarks/RESULTS.md, "Session 5"). Files are written through
    /// <see cref="WritingDirectory"/>'s buffered, checksummed output.
    /// </summary>
    public static Lucene.Net.Store.Directory OpenDirectoryForWriting(string path) => new WritingDirectory(path);

    public static Lucene.Net.Analysis.Analyzer IndexAnalyzer(GroupAliasTable aliases, FacetSchema schema) => new IndexAnalyzer(aliases, schema);
}
