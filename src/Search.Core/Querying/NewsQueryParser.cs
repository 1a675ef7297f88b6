using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;

namespace Search.Core.Querying;

/// <summary>
/// Lucene's classic syntax over title and body, with each facet of the <see cref="FacetSchema"/> a
/// field mapped onto how the schema stores it: a keyword facet matches a whole value through its
/// canonicaliser (<c>group:LeT</c> is Lashkar-e-Taiba) and, when it matches words, any of a value's
/// words (<c>speaker:miller</c>); an integer facet is numeric and takes ranges (<c>year:[2016 TO 2020]</c>).
/// A query word or phrase that is exactly a group alias also matches the group's other names.
/// </summary>
internal sealed class NewsQueryParser : BoundedQueryParser
{
    private readonly GroupAliasTable _aliases;
    private readonly Analyzer _nameAnalyzer;
    private readonly FacetSchema _facets;

    public NewsQueryParser(Analyzer queryAnalyzer, Analyzer nameAnalyzer, GroupAliasTable aliases, FacetSchema facets, float titleBoost)
        : base(SearchSchema.Version, SearchSchema.TextFields, queryAnalyzer,
               new Dictionary<string, float> { [SearchSchema.Title] = titleBoost, [SearchSchema.Body] = 1f })
    {
        _aliases = aliases;
        _nameAnalyzer = nameAnalyzer;
        _facets = facets;
        DefaultOperator = OR_OPERATOR;
        AllowLeadingWildcard = false;
        FuzzyPrefixLength = 1;
        // A hyphenated or compound word ("Lashkar-e-Tayba", "al-Qaeda") is one thing to the person
        // who typed it: its parts are searched together, as a phrase, so a single-letter part like
        // "e" never matches on its own (as Lucene's autoGeneratePhraseQueries and Elasticsearch's
        // auto_generate_synonyms_phrase_query do).
        AutoGeneratePhraseQueries = true;
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
        if (field is null)
            return AllTextFields(queryText, quoted, slop: null);
        if (field.ToLowerInvariant() is SearchSchema.Title or SearchSchema.Body)
            return TextQuery(field.ToLowerInvariant(), queryText, quoted);
        var facet = Facet(field) ?? throw new ParseException(
            $"Unknown field '{field}'. Search fields are {string.Join(", ", [SearchSchema.Title, SearchSchema.Body, .. _facets.Names.SkipLast(1)])} and {_facets.Names.LastOrDefault()}.");
        if (facet.Kind == FacetKind.Integer)
        {
            var number = ParseInteger(facet, queryText);
            return SearchSchema.IntegerRange(SearchSchema.FacetValueField(facet), number, number);
        }
        return KeywordQuery(facet, queryText);
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
        if (Facet(field) is { Kind: FacetKind.Integer } facet)
        {
            int? from = part1 is null or "*" ? null : ParseInteger(facet, part1);
            int? to = part2 is null or "*" ? null : ParseInteger(facet, part2);
            return SearchSchema.IntegerRange(SearchSchema.FacetValueField(facet), from, to, startInclusive, endInclusive);
        }
        return base.GetRangeQuery(field, part1, part2, startInclusive, endInclusive);
    }

    protected override Query GetPrefixQuery(string field, string termStr) =>
        Facet(field) is { } facet
            ? base.GetPrefixQuery(KeywordField(facet), SearchSchema.FacetKey(termStr))
            : base.GetPrefixQuery(field, termStr);

    protected override Query GetWildcardQuery(string field, string termStr) =>
        Facet(field) is { } facet
            ? base.GetWildcardQuery(KeywordField(facet), SearchSchema.FacetKey(termStr))
            : base.GetWildcardQuery(field, termStr);

    protected override Query GetFuzzyQuery(string field, string termStr, float minSimilarity)
    {
        if (Facet(field) is { } facet)
            return base.GetFuzzyQuery(KeywordField(facet), termStr, minSimilarity);
        var parts = CompoundParts(termStr);
        if (parts.Length <= 1)
            return base.GetFuzzyQuery(field, termStr, minSimilarity);
        if (field is null)
        {
            var perField = new BooleanQuery(disableCoord: true);
            foreach (var textField in SearchSchema.TextFields)
            {
                var query = GetFuzzyQuery(textField, termStr, minSimilarity);
                query.Boost = m_boosts[textField];
                perField.Add(query, Occur.SHOULD);
            }
            return perField;
        }
        // A fuzzy compound word: a group name (even misspelt) is the group; otherwise each part of
        // two or more letters is matched loosely and all are required, since a one-letter part
        // loosely matches almost any short word.
        if (_aliases.MatchWhole(termStr) is not null)
            return TextQuery(field, termStr, quoted: true);
        var all = new BooleanQuery();
        foreach (var part in parts.Where(p => p.Length > 1))
            all.Add(base.GetFuzzyQuery(field, part, minSimilarity), Occur.MUST);
        return all.Clauses.Count == 0 ? base.GetFuzzyQuery(field, termStr, minSimilarity) : all;
    }

    /// <summary>The letter-and-digit parts of a word joined by hyphens or other punctuation.</summary>
    private static string[] CompoundParts(string text) =>
        text.Split(text.Where(static c => !char.IsLetterOrDigit(c) && c is not '\'' and not '\u2019').Distinct().ToArray(),
                   StringSplitOptions.RemoveEmptyEntries);

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

    /// <summary>The whole value, canonicalised and folded; for a facet that matches words, also the words as a phrase.</summary>
    private Query KeywordQuery(FacetDefinition facet, string text)
    {
        var exact = new TermQuery(new Term(SearchSchema.FacetValueField(facet), SearchSchema.FacetKey(facet.Resolve(text, _aliases))));
        if (!facet.MatchesWords)
            return exact;
        var wordsField = SearchSchema.FacetWordsField(facet);
        var words = new PhraseQuery();
        using (var stream = _nameAnalyzer.GetTokenStream(wordsField, text))
        {
            var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
                words.Add(new Term(wordsField, term.ToString()));
            stream.End();
        }
        return words.GetTerms().Length == 0 ? exact : new BooleanQuery { { exact, Occur.SHOULD }, { words, Occur.SHOULD } };
    }

    private FacetDefinition? Facet(string? field) =>
        field is null or SearchSchema.Title or SearchSchema.Body ? null : _facets.Find(field);

    /// <summary>Prefix, wildcard and fuzzy terms apply to a keyword facet's folded values; numbers have no such terms.</summary>
    private static string KeywordField(FacetDefinition facet) => facet.Kind == FacetKind.Integer
        ? throw new ParseException($"A {facet.Name} cannot be matched by prefix, wildcard or similarity; use a range such as {facet.Name}:[low TO high].")
        : SearchSchema.FacetValueField(facet);

    private static int ParseInteger(FacetDefinition facet, string text) =>
        facet.TryParseInteger(text, out var value)
            ? value
            : throw new ParseException($"{facet.InvalidValueMessage(text)[..^1]}, or a range such as {facet.Name}:[low TO high].");
}
