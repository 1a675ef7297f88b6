using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using Search.Core.Analysis;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace Search.Core;

/// <summary>
/// The Lucene document of an article, as <see cref="SearchSchema"/> lays it out, refilled for each
/// article from the same field instances, as Lucene advises for bulk indexing. Every new field that is
/// indexed but not analysed (the id, the cluster, facet keys, numbers) makes Lucene.Net build a token
/// stream whose attributes come from a locked, reflective factory; on Reuters that cost more than
/// writing those fields. One instance per writer, used from one thread; a document stays valid until
/// the next <see cref="Fill"/>.
/// </summary>
internal sealed class ArticleDocument
{
    private readonly FacetSchema _schema;
    private readonly LuceneDocument _document = [];
    private readonly StringField _id = new(SearchSchema.Id, "", Field.Store.YES);
    private readonly SortedDocValuesField _idValues = new(SearchSchema.Id, new BytesRef());
    private readonly Field _title = new(SearchSchema.Title, "", SearchSchema.TextWithOffsets);
    private readonly Field _body = new(SearchSchema.Body, "", SearchSchema.TextWithOffsets);
    // A title or body analysed beforehand is written as a stored copy and its replayed tokens.
    private readonly AnalyzedField _analyzedTitle = new(SearchSchema.Title);
    private readonly AnalyzedField _analyzedBody = new(SearchSchema.Body);
    private readonly StringField _cluster = new(SearchSchema.Cluster, "", Field.Store.YES);
    private readonly SortedDocValuesField _clusterValues = new(SearchSchema.Cluster, new BytesRef());
    private readonly BinaryDocValuesField _fingerprint = new(SearchSchema.Fingerprint, new BytesRef());
    private readonly StoredField _url = new(SearchSchema.Url, "");
    // Duplicate lists name each member's site: from doc values, without decompressing its stored body.
    private readonly BinaryDocValuesField _urlValues = new(SearchSchema.Url, new BytesRef());
    private readonly StoredField _byline = new(SearchSchema.Byline, "");
    private readonly StoredField _source = new(SearchSchema.Source, "");
    private readonly StoredField _published = new(SearchSchema.Published, "");
    private readonly StoredField _contentHash = new(SearchSchema.ContentHash, "");
    private readonly StoredField _evidence = new(SearchSchema.Evidence, "");
    private readonly NumericDocValuesField _indexedAt = new(SearchSchema.IndexedAt, 0L);
    private readonly NumericDocValuesField _sortDate = new(SearchSchema.SortDate, 0L);

    // The largest binary doc value Lucene accepts (it refuses the document otherwise).
    private static readonly int MaxDocValueBytes = ByteBlockPool.BYTE_BLOCK_SIZE - 2;

    // Per facet, the fields of its first, second, ... value, made when an article first has that many.
    private readonly Dictionary<string, List<Field[]>> _facetFields = new(StringComparer.Ordinal);

    public ArticleDocument(FacetSchema schema)
    {
        _schema = schema;
        foreach (var facet in schema.Definitions)
            _facetFields[facet.Name] = [];
    }

    /// <summary>
    /// The document of an article indexed at <paramref name="indexedAtTicks"/>, with its title and
    /// body analysed beforehand where given, its evidence as stored (<see cref="PreparedArticle"/>), in
    /// its near-duplicate cluster (its own id when none is given), with the body's signature when it
    /// has one.
    /// </summary>
    /// <exception cref="ArgumentException">A facet value the schema does not accept.</exception>
    public LuceneDocument Fill(Article article, long indexedAtTicks, (AnalyzedText? Title, AnalyzedText? Body) analyzed, string? evidence, string? cluster = null, byte[]? fingerprint = null)
    {
        cluster ??= article.Id;
        // Facets are checked first: a rejected article leaves the fields of the last one untouched.
        var facetValues = _schema.Definitions.Select(facet => FacetValues(article, facet)).ToArray();
        var doc = _document;
        doc.Fields.Clear();
        Add(_id, article.Id);
        _idValues.SetBytesValue(new BytesRef(article.Id));
        doc.Add(_idValues);
        AddText(_title, _analyzedTitle, article.Title, analyzed.Title);
        AddText(_body, _analyzedBody, article.Body, analyzed.Body);
        Add(_cluster, cluster);
        _clusterValues.SetBytesValue(new BytesRef(cluster));
        doc.Add(_clusterValues);
        if (fingerprint is not null)
        {
            _fingerprint.SetBytesValue(new BytesRef(fingerprint));
            doc.Add(_fingerprint);
        }
        if (article.Url is not null)
        {
            Add(_url, article.Url);
            // A longer URL is left to stored fields, which duplicate lists fall back to.
            var bytes = new BytesRef(article.Url);
            if (bytes.Length <= MaxDocValueBytes)
            {
                _urlValues.SetBytesValue(bytes);
                doc.Add(_urlValues);
            }
        }
        AddIfGiven(_byline, article.Byline);
        AddIfGiven(_source, article.Source);
        AddIfGiven(_published, article.Published?.ToString("O", CultureInfo.InvariantCulture));
        AddIfGiven(_contentHash, article.ContentHash);
        AddIfGiven(_evidence, evidence);
        _indexedAt.SetInt64Value(indexedAtTicks);
        doc.Add(_indexedAt);
        for (var f = 0; f < facetValues.Length; f++)
            AddFacet(_schema.Definitions[f], facetValues[f]);
        if (SearchSchema.SortTicks(article) is { } ticks)
        {
            _sortDate.SetInt64Value(ticks);
            doc.Add(_sortDate);
        }
        return doc;
    }

    private void Add(Field field, string value)
    {
        field.SetStringValue(value);
        _document.Add(field);
    }

    private void AddText(Field whole, AnalyzedField halves, string value, AnalyzedText? analyzed)
    {
        if (analyzed is null)
        {
            Add(whole, value);
            return;
        }
        Add(halves.Stored, value);
        halves.Tokens.Replay(analyzed);
        _document.Add(halves.Indexed);
    }

    private void AddIfGiven(Field field, string? value)
    {
        if (value is not null)
            Add(field, value);
    }

    /// <summary>The two halves of a text field analysed beforehand: its stored copy, and its tokens replayed into the index.</summary>
    private sealed class AnalyzedField
    {
        public AnalyzedField(string name)
        {
            Stored = new StoredField(name, "");
            Indexed = new Field(name, Tokens, SearchSchema.IndexedTextWithOffsets);
        }

        public StoredField Stored { get; }

        public AnalyzedTextStream Tokens { get; } = new();

        public Field Indexed { get; }
    }

    /// <summary>The facet's values as the article states them (or as derived), checked against the definition.</summary>
    private static string[] FacetValues(Article article, FacetDefinition facet)
    {
        var stated = article.Values(facet.Name);
        var given = stated.Count == 0 && facet.Derive is { } derive ? derive(article) : stated;
        // Most articles have no value or one for a facet; those need no set to drop repeats.
        var values = given switch
        {
            IReadOnlyList<string> { Count: 0 } => [],
            IReadOnlyList<string> { Count: 1 } one => one[0].Trim() is { Length: > 0 } value ? [value] : [],
            _ => given.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
        };
        if (!facet.MultiValued && values.Length > 1)
            throw new ArgumentException($"The facet '{facet.Name}' takes one value; the article '{article.Id}' has {values.Length} ({string.Join(", ", values)}).", nameof(article));
        if (facet.Kind == FacetKind.Integer)
        {
            foreach (var value in values)
            {
                if (!facet.TryParseInteger(value, out _))
                    throw new ArgumentException($"The article '{article.Id}' has '{value}' for the facet '{facet.Name}', which takes {facet.ValueHint}.", nameof(article));
            }
        }
        return values;
    }

    private void AddFacet(FacetDefinition facet, string[] values)
    {
        var pool = _facetFields[facet.Name];
        for (var v = 0; v < values.Length; v++)
        {
            if (v == pool.Count)
                pool.Add(NewFacetFields(facet));
            var fields = pool[v];
            var value = values[v];
            if (facet.Kind == FacetKind.Integer)
            {
                facet.TryParseInteger(value, out var number);
                fields[0].SetInt32Value(number);
                fields[1].SetBytesValue(new BytesRef(number.ToString(CultureInfo.InvariantCulture)));
                _document.Add(fields[0]);
                _document.Add(fields[1]);
                continue;
            }
            Add(fields[0], SearchSchema.FacetKey(value));
            Add(fields[1], value);
            if (facet.MatchesWords)
                Add(fields[3], value);
            fields[2].SetBytesValue(new BytesRef(value));
            _document.Add(fields[2]);
        }
    }

    /// <summary>The fields of one value: for an integer facet the number and its doc value; for a keyword facet its key, display value, doc value and (when it matches words) its words.</summary>
    private static Field[] NewFacetFields(FacetDefinition facet) => facet.Kind == FacetKind.Integer
        ?
        [
            new Int32Field(SearchSchema.FacetValueField(facet), 0, SearchSchema.IntegerFacet),
            new SortedSetDocValuesField(SearchSchema.FacetField(facet.Name), new BytesRef()),
        ]
        :
        [
            new StringField(SearchSchema.FacetValueField(facet), "", Field.Store.NO),
            new StoredField(SearchSchema.FacetStoredField(facet), ""),
            new SortedSetDocValuesField(SearchSchema.FacetField(facet.Name), new BytesRef()),
            new TextField(SearchSchema.FacetWordsField(facet), "", Field.Store.NO),
        ];
}
