using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;

namespace Search.Core.Querying;

/// <summary>
/// Lucene's classic syntax over title and body, with the facet fields mapped onto how the schema
/// stores them: <c>group:</c> resolves aliases to the canonical group, <c>speaker:</c> matches a
/// full name or any of its words, <c>year:</c> is numeric and takes ranges. A query word or phrase
/// that is exactly a group alias also matches the group's other names.
/// </summary>
internal sealed class NewsQueryParser : BoundedQueryParser
{
    private readonly GroupAliasTable _aliases;
    private readonly Analyzer _nameAnalyzer;

    public NewsQueryParser(Analyzer queryAnalyzer, Analyzer nameAnalyzer, GroupAliasTable aliases, float titleBoost)
        : base(SearchSchema.Version, SearchSchema.TextFields, queryAnalyzer,
               new Dictionary<string, float> { [SearchSchema.Title] = titleBoost, [SearchSchema.Body] = 1f })
    {
        _aliases = aliases;
        _nameAnalyzer = nameAnalyzer;
        DefaultOperator = OR_OPERATOR;
        AllowLeadingWildcard = false;
        FuzzyPrefixLength = 1;
    }

    /// <summary>
    /// The query the classic syntax gives for plain words with no operators: each word searched in
    /// title and body, the words OR-ed (or AND-ed, per the default operator).
    /// </summary>
    public Query ParseWords(IReadOnlyList<string> words)
    {
        var clauses = new List<BooleanClause>();
        foreach (var word in words)
        {
            if (GetFieldQuery(null!, word, quoted: false) is { } query)
                clauses.Add(new BooleanClause(query, DefaultOperator == AND_OPERATOR ? Occur.MUST : Occur.SHOULD));
        }
        return clauses.Count == 1 ? clauses[0].Query : GetBooleanQuery(clauses) ?? new BooleanQuery();
    }

    protected override Query GetFieldQuery(string field, string queryText, bool quoted)
    {
        switch (field?.ToLowerInvariant())
        {
            case null:
                return AllTextFields(queryText, quoted, slop: null);
            case FacetNames.Group:
                return new TermQuery(new Term(SearchSchema.GroupKey, SearchSchema.FacetKey(_aliases.Canonicalize(queryText) ?? queryText)));
            case FacetNames.Speaker:
                return SpeakerQuery(queryText);
            case FacetNames.Year:
                var year = ParseYear(queryText);
                return NumericRangeQuery.NewInt32Range(SearchSchema.Year, year, year, true, true);
            case SearchSchema.Title or SearchSchema.Body:
                return TextQuery(field.ToLowerInvariant(), queryText, quoted);
            default:
                throw new ParseException($"Unknown field '{field}'. Search fields are title, body, group, speaker and year.");
        }
    }

    protected override Query GetFieldQuery(string field, string queryText, int slop)
    {
        switch (field?.ToLowerInvariant())
        {
            case null:
                return AllTextFields(queryText, quoted: true, slop);
            case SearchSchema.Title or SearchSchema.Body:
                return WithSlop(TextQuery(field.ToLowerInvariant(), queryText, quoted: true), slop)!;
            default:
                // Slop means nothing on facet fields.
                return GetFieldQuery(field, queryText, quoted: true);
        }
    }

    /// <summary>
    /// A word or phrase without a field, searched in title and body with their weights. Built here
    /// rather than by the base class, which does not route every case through <see cref="TextQuery"/>.
    /// </summary>
    private Query AllTextFields(string queryText, bool quoted, int? slop)
    {
        var perField = new BooleanQuery(disableCoord: true);
        foreach (var textField in SearchSchema.TextFields)
        {
            var query = TextQuery(textField, queryText, quoted);
            if (slop is { } s)
                query = WithSlop(query, s);
            if (query is null)
                continue;
            query.Boost = m_boosts[textField];
            perField.Add(query, Occur.SHOULD);
        }
        // Null tells the parser the text had no searchable words (only stop words, say).
        return perField.Clauses.Count == 0 ? null! : perField;
    }

    private static Query? WithSlop(Query? query, int slop)
    {
        switch (query)
        {
            case PhraseQuery phrase:
                phrase.Slop = slop;
                break;
            case MultiPhraseQuery multi:
                multi.Slop = slop;
                break;
            case BooleanQuery boolean:
                foreach (var clause in boolean.Clauses)
                    WithSlop(clause.Query, slop);
                break;
        }
        return query;
    }

    protected override Query GetRangeQuery(string field, string part1, string part2, bool startInclusive, bool endInclusive)
    {
        if (field?.ToLowerInvariant() == FacetNames.Year)
        {
            int? from = part1 is null or "*" ? null : ParseYear(part1);
            int? to = part2 is null or "*" ? null : ParseYear(part2);
            return NumericRangeQuery.NewInt32Range(SearchSchema.Year, from, to, startInclusive, endInclusive);
        }
        return base.GetRangeQuery(field, part1, part2, startInclusive, endInclusive);
    }

    protected override Query GetPrefixQuery(string field, string termStr) =>
        base.GetPrefixQuery(FacetField(field) ?? field, FacetField(field) is null ? termStr : SearchSchema.FacetKey(termStr));

    protected override Query GetWildcardQuery(string field, string termStr) =>
        base.GetWildcardQuery(FacetField(field) ?? field, FacetField(field) is null ? termStr : SearchSchema.FacetKey(termStr));

    protected override Query GetFuzzyQuery(string field, string termStr, float minSimilarity) =>
        field?.ToLowerInvariant() == FacetNames.Year
            ? throw new ParseException("A year cannot be fuzzy; use a range such as year:[2016 TO 2020].")
            : base.GetFuzzyQuery(FacetField(field) ?? field, termStr, minSimilarity);

    /// <summary>A chunk that names a group as a whole also matches the group's other names.</summary>
    private Query TextQuery(string field, string queryText, bool quoted)
    {
        if (_aliases.MatchWhole(queryText) is not { } span)
            return base.GetFieldQuery(field, queryText, quoted);
        // The name's own words count only together, as a phrase: "e" alone is not Lashkar-e-Taiba.
        var literal = base.GetFieldQuery(field, queryText, quoted: true);
        var group = new TermQuery(new Term(field, SearchSchema.GroupTerm(span.Canonical)));
        // An acronym's query analysis already is the group term; a longer name also keeps its words.
        if (span.Acronym || literal is null)
            return group;
        return new BooleanQuery { { group, Occur.SHOULD }, { literal, Occur.SHOULD } };
    }

    private Query SpeakerQuery(string text)
    {
        var exact = new TermQuery(new Term(SearchSchema.SpeakerKey, SearchSchema.FacetKey(text)));
        var words = new PhraseQuery();
        using (var stream = _nameAnalyzer.GetTokenStream(SearchSchema.SpeakerWords, text))
        {
            var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
                words.Add(new Term(SearchSchema.SpeakerWords, term.ToString()));
            stream.End();
        }
        return words.GetTerms().Length == 0 ? exact : new BooleanQuery { { exact, Occur.SHOULD }, { words, Occur.SHOULD } };
    }

    private static string? FacetField(string? field) => field?.ToLowerInvariant() switch
    {
        FacetNames.Group => SearchSchema.GroupKey,
        FacetNames.Speaker => SearchSchema.SpeakerKey,
        _ => null,
    };

    private static int ParseYear(string text) =>
        SearchLimits.TryParseYear(text, out var year)
            ? year
            : throw new ParseException($"'{text}' is not a year; write four digits, such as year:2019 or year:[2016 TO 2020].");
}
