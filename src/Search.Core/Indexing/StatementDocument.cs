using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace Search.Core;

/// <summary>
/// The Lucene documents of an article's statements, as <see cref="SearchSchema"/> lays them out
/// (one per statement; its groups are those the words themselves name), refilled from the same
/// field instances for each statement as <see cref="ArticleDocument"/> is for each article: on
/// Reuters-21578 there are two statements for every three articles, and a new field per statement
/// made Lucene.Net build a token stream from its locked, reflective attribute factory for each.
/// One instance per writer, used from one thread; each document is valid until the enumeration
/// moves on, which is how Lucene's <c>AddDocuments</c> reads it.
/// </summary>
internal sealed class StatementDocument
{
    private readonly GroupAliasTable _aliases;
    private readonly LuceneDocument _document = [];
    private readonly StringField _kind = new(SearchSchema.Kind, SearchSchema.StatementKind, Field.Store.NO);
    private readonly StringField _of = new(SearchSchema.StatementOf, "", Field.Store.YES);
    private readonly Field _words = new(SearchSchema.StatementWords, "", SearchSchema.TextWithOffsets);
    private readonly StoredField _sentence = new(SearchSchema.StatementSentence, "");
    private readonly StoredField _title = new(SearchSchema.StatementTitle, "");
    private readonly StoredField _position = new(SearchSchema.StatementPosition, 0);
    private readonly StoredField _url = new(SearchSchema.StatementUrl, "");
    private readonly FacetFields _speaker = new(FacetNames.Speaker);
    private readonly List<FacetFields> _groups = [];
    private readonly Int32Field _year = new(SearchSchema.StatementFacetField(FacetNames.Year), 0, SearchSchema.IntegerFacet);
    private readonly SortedSetDocValuesField _yearValues = new(SearchSchema.StatementFacetDocValues(FacetNames.Year), new BytesRef());
    private readonly HashSet<string> _seenGroups = new(StringComparer.Ordinal);

    public StatementDocument(GroupAliasTable aliases)
    {
        _aliases = aliases;
    }

    /// <summary>The documents of the article's statements that name a speaker and have words, in order.</summary>
    public IEnumerable<LuceneDocument> For(Article article)
    {
        var year = article.Values(FacetNames.Year).Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : (int?)null).FirstOrDefault(y => y is not null);
        foreach (var statement in article.Statements)
        {
            if (string.IsNullOrWhiteSpace(statement.Speaker) || string.IsNullOrWhiteSpace(statement.Words))
                continue;
            yield return Fill(article, statement, year);
        }
    }

    private LuceneDocument Fill(Article article, Statement statement, int? year)
    {
        var doc = _document;
        doc.Fields.Clear();
        doc.Add(_kind);
        Add(_of, article.Id);
        Add(_words, statement.Words);
        Add(_sentence, statement.Sentence);
        Add(_title, article.Title);
        _position.SetInt32Value(statement.Position);
        doc.Add(_position);
        if (article.Url is not null)
            Add(_url, article.Url);
        _speaker.AddTo(doc, statement.Speaker.Trim());
        _seenGroups.Clear();
        var group = 0;
        foreach (var mention in _aliases.FindMentions(statement.Words))
        {
            if (!_seenGroups.Add(mention.Group))
                continue;
            if (group == _groups.Count)
                _groups.Add(new FacetFields(FacetNames.Group));
            _groups[group++].AddTo(doc, mention.Group);
        }
        if (year is { } y)
        {
            _year.SetInt32Value(y);
            doc.Add(_year);
            _yearValues.SetBytesValue(new BytesRef(y.ToString(CultureInfo.InvariantCulture)));
            doc.Add(_yearValues);
        }
        return doc;
    }

    private void Add(Field field, string value)
    {
        field.SetStringValue(value);
        _document.Add(field);
    }

    /// <summary>One value of a statement facet: its folded key, its stored display value and its doc value.</summary>
    private sealed class FacetFields(string facet)
    {
        private readonly StringField _key = new(SearchSchema.StatementFacetField(facet), "", Field.Store.NO);
        private readonly StoredField _value = new(SearchSchema.StatementFacetField(facet) + "_value", "");
        private readonly SortedSetDocValuesField _docValue = new(SearchSchema.StatementFacetDocValues(facet), new BytesRef());

        public void AddTo(LuceneDocument doc, string value)
        {
            _key.SetStringValue(SearchSchema.FacetKey(value));
            doc.Add(_key);
            _value.SetStringValue(value);
            doc.Add(_value);
            _docValue.SetBytesValue(new BytesRef(value));
            doc.Add(_docValue);
        }
    }
}
