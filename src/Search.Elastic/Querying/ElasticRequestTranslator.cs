using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.Core.Search;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Search.Core;
using Search.Core.Querying;
using EsSearchRequest = Elastic.Clients.Elasticsearch.SearchRequest;
using EsSortOrder = Elastic.Clients.Elasticsearch.SortOrder;
using SearchRequest = Search.Core.SearchRequest;
using SortOrder = Search.Core.SortOrder;

namespace Search.Elastic.Querying;

/// <summary>
/// Translates a <see cref="SearchRequest"/> into the cluster's query DSL, feature by feature:
/// <list type="bullet">
/// <item><see cref="SearchRequest.Query"/>: <c>query_string</c> over title (boosted) and body with our default
/// operator, fuzzy prefix, no leading wildcards and the determinization bound; a query our parser refuses is
/// searched as its plain words through <c>simple_query_string</c>, with our warning. <c>speaker:miller</c>
/// becomes <c>speaker.words:miller</c>, and <c>group:LeT</c> names the canonical group.</item>
/// <item><see cref="SearchRequest.Filters"/>: a <c>post_filter</c> (values of one facet OR-ed, facets AND-ed),
/// and each facet's counts a <c>filter</c> aggregation under every <em>other</em> facet's filter, so
/// multi-select stays drill-sideways.</item>
/// <item><see cref="SearchRequest.Ranges"/>: <c>range</c> filters in the query, as the local index applies them.</item>
/// <item><see cref="SearchRequest.Sort"/>: <c>_score</c> or <c>published</c> (undated last), ties broken by
/// content hash and address.</item>
/// <item><see cref="SearchRequest.Page"/>/<see cref="SearchRequest.Size"/>: <c>from</c>/<c>size</c> (within
/// <see cref="SearchLimits.MaxPagingDepth"/>, the engine's default result window); <see cref="SearchRequest.Cursor"/>: <c>search_after</c>.</item>
/// <item><see cref="SearchRequest.Facets"/>: <c>terms</c> (top N), <c>terms</c> with <c>include</c> (selected values) and
/// <c>cardinality</c> (distinct values) per counted facet.</item>
/// <item><see cref="SearchRequest.Highlight"/>: <c>&lt;mark&gt;</c> tags, HTML encoder, fragment size and count from the
/// passage settings, the lead (<c>no_match_size</c>) when the body did not match.</item>
/// <item><see cref="SearchRequest.Histogram"/>: a <c>global</c> aggregation counting the period facet under the query and the non-period filters, next to the whole index's counts.</item>
/// <item><see cref="SearchRequest.Collapse"/>: <c>collapse</c> on the cluster field with the other copies as inner hits (not with a cursor, which the engine cannot combine).</item>
/// <item><see cref="SearchRequest.Explain"/>: <c>explain</c>. <see cref="SearchRequest.TimeBudget"/>: <c>timeout</c>.</item>
/// <item><see cref="SearchRequest.Suggest"/>: not available (no suggestion is given). <see cref="SearchRequest.IndexedAfter"/>:
/// refused, the cluster does not record when an article was indexed.</item>
/// </list>
/// </summary>
public sealed partial class ElasticRequestTranslator
{
    /// <summary>The aggregation and inner-hits names the body uses and the response mapping reads.</summary>
    internal static class Names
    {
        public const string Values = "values";
        public const string Selected = "selected";
        public const string Distinct = "distinct";
        public const string Duplicates = "duplicates";
        public const string Histogram = "histogram";
        public const string Matches = "matches";
        public const string Periods = "periods";
        public const string WithoutFilters = "without_filters";
        public const string FacetPrefix = "facet_";
    }

    /// <summary>The most copies of a story listed under one hit, as the local index lists.</summary>
    private const int MaxDuplicates = SearchLimits.MaxPageSize;

    /// <summary>Below this many distinct values the engine's <c>cardinality</c> is exact (its documented maximum).</summary>
    private const int CardinalityPrecision = 40_000;

    private readonly SearchIndexOptions _options;

    /// <summary>Creates a translator for articles indexed with <paramref name="options"/>' facets, aliases and title boost.</summary>
    public ElasticRequestTranslator(SearchIndexOptions? options = null) => _options = options ?? new SearchIndexOptions();

    /// <summary>The facets the articles carry.</summary>
    public FacetSchema Facets => _options.Facets;

    /// <summary>The sentence for <see cref="SearchRequest.IndexedAfter"/>, which a cluster cannot answer.</summary>
    public const string IndexedAfterNotSupported =
        "Searching by when articles were indexed is not possible through Elasticsearch: the cluster does not record it. Leave indexed_after out, or search the local index.";

    /// <summary>The sentence for a cursor with near-duplicate folding, which the engine cannot combine.</summary>
    public const string CollapseWithCursorNotSupported =
        "Near-duplicates are not folded when paging with a cursor through Elasticsearch (the engine collapses only when it sorts on the cluster).";

    /// <summary>Translates a search.</summary>
    /// <exception cref="InvalidSearchRequestException">The request is out of bounds, or asks for something a cluster cannot do.</exception>
    public ElasticTranslation Translate(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate(Facets);
        if (request.IndexedAfter is not null)
            throw new InvalidSearchRequestException(nameof(SearchRequest.IndexedAfter), IndexedAfterNotSupported);

        var warnings = new List<string>();
        var text = TextQuery(request.Query, warnings);
        var browsing = string.IsNullOrWhiteSpace(request.Query);
        var sort = request.Sort ?? (browsing ? SortOrder.Newest : SortOrder.Relevance);
        var selected = Selected(request);
        var filters = selected.ToDictionary(s => s.Key, s => FacetFilter(Facets.Get(s.Key), s.Value));
        var ranges = Ranges(request);
        var counted = (request.Facets.Names ?? Facets.Names).Select(Facets.Get).DistinctBy(f => f.Name).OrderBy(f => Facets.Definitions.ToList().IndexOf(f)).ToArray();
        var after = request.Cursor is null ? null : ElasticCursor.Decode(request.Cursor, sort);
        var collapse = request.Collapse && request.Size > 0;
        if (collapse && after is not null)
        {
            warnings.Add(CollapseWithCursorNotSupported);
            collapse = false;
        }

        var aggregations = new Dictionary<string, Aggregation>();
        foreach (var facet in counted)
            aggregations[Names.FacetPrefix + facet.Name] = FacetAggregation(facet, request, selected, filters);
        var histogramFacet = request.Histogram is { } histogram ? Facets.ForPeriod(histogram.Interval) : null;
        if (histogramFacet is not null)
            aggregations[Names.Histogram] = HistogramAggregation(histogramFacet, text, request, filters);
        var hasFilters = filters.Count > 0 || ranges.Count > 0;
        if (hasFilters)
            aggregations[Names.WithoutFilters] = new Aggregation { Global = new GlobalAggregation(), Aggregations = new Dictionary<string, Aggregation> { [Names.Matches] = new() { Filter = text } } };

        var budget = request.TimeBudget ?? _options.TimeBudget;
        var body = new EsSearchRequest
        {
            Query = ranges.Count == 0 ? text : new BoolQuery { Must = [text], Filter = ranges },
            PostFilter = filters.Count == 0 ? null : AllOf(filters.Values),
            Aggregations = aggregations.Count == 0 ? null : aggregations,
            Size = request.Size,
            From = after is null && request.Size > 0 ? (request.Page - 1) * request.Size : null,
            SearchAfter = after?.Select(ToFieldValue).ToList(),
            Sort = SortFor(sort),
            TrackScores = sort != SortOrder.Relevance && !browsing ? true : null,
            TrackTotalHits = true,
            Source = new SourceFilter { Includes = SourceFields() },
            Highlight = request.Size > 0 ? Highlight(request.Highlight) : null,
            Collapse = collapse ? Collapse() : null,
            Explain = request.Explain ? true : null,
            Timeout = $"{(long)Math.Ceiling(budget.TotalMilliseconds)}ms",
        };
        return new ElasticTranslation(request, body, sort, selected, counted, warnings)
        {
            Schema = Facets,
            Collapsed = collapse,
            CountsWithoutFilters = hasFilters,
            HistogramFacet = histogramFacet,
            TimeBudget = budget,
        };
    }

    /// <summary>
    /// Translates a facet-values request: no hits, one aggregation (named <c>values</c>) of the facet under the
    /// search and every other facet's filter, limited to values with a word starting with the prefix.
    /// </summary>
    /// <exception cref="InvalidSearchRequestException">The facet is unknown, the search out of bounds, or asks for something a cluster cannot do.</exception>
    public ElasticTranslation TranslateFacetValues(FacetValuesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate(Facets);
        var facet = Facets.Get(request.Facet);
        var search = request.Search with { Size = 0, Page = 1, Cursor = null, Histogram = null, Collapse = false, Explain = false };
        var translation = Translate(search with { Facets = new FacetOptions { Names = [facet.Name], TopN = request.Limit } });
        var selected = translation.Selected.ToDictionary();
        var filters = selected.Where(s => s.Key != facet.Name).ToDictionary(s => s.Key, s => FacetFilter(Facets.Get(s.Key), s.Value));
        var terms = new TermsAggregation
        {
            Field = facet.Name,
            Size = request.Limit,
            Order = CountThenValue(),
            Include = request.Prefix.Length == 0 ? null : new TermsInclude(WordPrefixPattern(request.Prefix)),
        };
        var body = translation.Body;
        body.PostFilter = null;
        body.Aggregations = new Dictionary<string, Aggregation>
        {
            [Names.Values] = new() { Filter = filters.Count == 0 ? new MatchAllQuery() : AllOf(filters.Values), Aggregations = new Dictionary<string, Aggregation> { [Names.Values] = new() { Terms = terms } } },
        };
        return translation with { Counted = [facet], Selected = selected };
    }

    /// <summary>
    /// Translates a request for one article in full: the article by id, its title and body highlighted whole
    /// for <paramref name="query"/> (nothing highlighted for an empty query).
    /// </summary>
    /// <exception cref="InvalidSearchRequestException">The query is out of bounds.</exception>
    public ElasticTranslation TranslateArticle(string id, string query)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(query);
        var request = new SearchRequest { Query = query, Size = 1 };
        request.Validate(Facets);
        var warnings = new List<string>();
        var text = string.IsNullOrWhiteSpace(query) ? null : TextQuery(query, warnings);
        var body = new EsSearchRequest
        {
            Query = new IdsQuery { Values = new Ids([new Id(id)]) },
            Size = 1,
            Highlight = text is null ? null : new Highlight
            {
                Fields = [new(ElasticFields.Title, new HighlightField { NumberOfFragments = 0 }), new(ElasticFields.Body, new HighlightField { NumberOfFragments = 0 })],
                PreTags = ["<mark>"],
                PostTags = ["</mark>"],
                Encoder = HighlighterEncoder.Html,
                HighlightQuery = text,
            },
        };
        return new ElasticTranslation(request, body, SortOrder.Relevance, new Dictionary<string, IReadOnlyList<string>>(), [], warnings)
        {
            Schema = Facets,
            TimeBudget = _options.TimeBudget,
        };
    }

    /// <summary>
    /// A regular expression (the engine's Lucene syntax) for keyword values with a word starting with
    /// <paramref name="prefix"/>, letters in either case: "mi" gives <c>(.*[^a-zA-Z0-9])?[mM][iI].*</c>.
    /// </summary>
    internal static string WordPrefixPattern(string prefix)
    {
        var pattern = new StringBuilder("(.*[^a-zA-Z0-9])?");
        foreach (var c in prefix.Trim())
        {
            if (char.IsLetter(c) && char.ToLowerInvariant(c) != char.ToUpperInvariant(c))
                pattern.Append('[').Append(char.ToLowerInvariant(c)).Append(char.ToUpperInvariant(c)).Append(']');
            else if (char.IsLetterOrDigit(c))
                pattern.Append(c);
            else
                pattern.Append('\\').Append(c);
        }
        return pattern.Append(".*").ToString();
    }

    private Query TextQuery(string text, List<string> warnings)
    {
        if (string.IsNullOrWhiteSpace(text))
            return new MatchAllQuery();
        var check = QuerySyntax.Check(text, _options);
        if (check.Parses)
        {
            return new QueryStringQuery
            {
                Query = RewriteFacetFields(text),
                Fields = TextFields(),
                DefaultOperator = Operator.Or,
                // Our parser adds up the title and body scores of a word, as most_fields does.
                Type = TextQueryType.MostFields,
                AllowLeadingWildcard = false,
                FuzzyPrefixLength = 1,
                FuzzyMaxExpansions = SearchLimits.MaxFuzzyExpansions,
                MaxDeterminizedStates = SearchLimits.MaxDeterminizedStates,
                AutoGenerateSynonymsPhraseQuery = true,
            };
        }
        warnings.Add(check.Warning!);
        if (check.Searched.Length == 0)
            return new MatchNoneQuery();
        return new SimpleQueryStringQuery
        {
            Query = check.Searched,
            Fields = TextFields(),
            DefaultOperator = Operator.Or,
            // The words are searched as words: no operator of the simple syntax applies.
            Flags = SimpleQueryStringFlags.None,
        };
    }

    private Fields TextFields() =>
        Fields.FromStrings([$"{ElasticFields.Title}^{_options.TitleBoost.ToString(CultureInfo.InvariantCulture)}", ElasticFields.Body]);

    /// <summary>
    /// Facet fields in the query text as the cluster stores them: a word-matchable facet searches its
    /// <c>.words</c> sub-field (<c>speaker:miller</c>), a canonicalised one the stored value (<c>group:LeT</c>
    /// is <c>group:"Lashkar-e-Taiba"</c>). Quoted text and other fields are left alone.
    /// </summary>
    internal string RewriteFacetFields(string text) =>
        FacetFieldPattern().Replace(text, match =>
        {
            if (match.Groups["quoted"].Success && match.Value.StartsWith('"'))
                return match.Value;
            if (Facets.Find(match.Groups["field"].Value) is not { Kind: FacetKind.Keyword } facet)
                return match.Value;
            var value = match.Groups["phrase"].Success ? match.Groups["phrase"].Value : match.Groups["word"].Value;
            if (facet.MatchesWords)
                return $"{facet.Name}{ElasticFields.WordsSuffix}:{match.Groups["value"].Value}";
            return facet.Canonicalize is null ? match.Value : $"{facet.Name}:\"{Escape(facet.Resolve(value, _options.Aliases))}\"";
        });

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    // A quoted phrase is matched first so a field name inside it is never rewritten; a value ends at a
    // space, a parenthesis or the end, so wildcards, fuzzy terms and ranges are left as typed.
    [GeneratedRegex("""(?<quoted>"[^"]*"?)|(?<![\w.])(?<field>[A-Za-z_][A-Za-z0-9_]*):(?<value>"(?<phrase>[^"]*)"|(?<word>[^\s()"\[\]{}*?~^:]+))(?=[\s)]|$)""")]
    private static partial Regex FacetFieldPattern();

    private Dictionary<string, IReadOnlyList<string>> Selected(SearchRequest request)
    {
        var selected = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var facet in Facets.Definitions)
        {
            var values = request.SelectedValues(facet.Name).Select(v => facet.Resolve(v, _options.Aliases)).Distinct(StringComparer.Ordinal).ToArray();
            if (values.Length > 0)
                selected[facet.Name] = values;
        }
        return selected;
    }

    /// <summary>Any of the values: whole integers, or keywords ignoring case (the cluster cannot also ignore accents).</summary>
    private static Query FacetFilter(FacetDefinition facet, IReadOnlyList<string> values)
    {
        if (facet.Kind == FacetKind.Integer)
        {
            var numbers = values.Select(v => FieldValue.Long(long.Parse(v, CultureInfo.InvariantCulture))).ToArray();
            return new TermsQuery { Field = facet.Name, Terms = new TermsQueryField(numbers) };
        }
        var terms = values.Select(v => (Query)new TermQuery { Field = facet.Name, Value = v, CaseInsensitive = true }).ToArray();
        return terms.Length == 1 ? terms[0] : new BoolQuery { Should = terms, MinimumShouldMatch = 1 };
    }

    private List<Query> Ranges(SearchRequest request)
    {
        var ranges = new List<Query>();
        foreach (var facet in Facets.Definitions)
        {
            if (request.RangeOf(facet.Name) is { } range && (range.From is not null || range.To is not null))
                ranges.Add(new NumberRangeQuery { Field = facet.Name, Gte = range.From, Lte = range.To });
        }
        return ranges;
    }

    private static Query AllOf(IEnumerable<Query> queries)
    {
        var all = queries.ToArray();
        return all.Length == 1 ? all[0] : new BoolQuery { Filter = all };
    }

    private Aggregation FacetAggregation(FacetDefinition facet, SearchRequest request, Dictionary<string, IReadOnlyList<string>> selected, Dictionary<string, Query> filters)
    {
        var others = filters.Where(f => f.Key != facet.Name).Select(f => f.Value).ToArray();
        var inner = new Dictionary<string, Aggregation>
        {
            [Names.Distinct] = new() { Cardinality = new CardinalityAggregation { Field = facet.Name, PrecisionThreshold = CardinalityPrecision } },
        };
        if (request.Facets.TopN > 0)
            inner[Names.Values] = new() { Terms = new TermsAggregation { Field = facet.Name, Size = request.Facets.TopN, Order = CountThenValue() } };
        if (selected.TryGetValue(facet.Name, out var values))
            inner[Names.Selected] = new() { Terms = new TermsAggregation { Field = facet.Name, Size = values.Count, Include = new TermsInclude(values) } };
        return new Aggregation { Filter = others.Length == 0 ? new MatchAllQuery() : AllOf(others), Aggregations = inner };
    }

    private static List<KeyValuePair<Field, EsSortOrder>> CountThenValue() =>
        [new("_count", EsSortOrder.Desc), new("_key", EsSortOrder.Asc)];

    /// <summary>
    /// Drill-sideways over time, as the local histogram: filters and ranges on period facets do not apply,
    /// every other one does; next to it the whole index's counts per period.
    /// </summary>
    private Aggregation HistogramAggregation(FacetDefinition period, Query text, SearchRequest request, Dictionary<string, Query> filters)
    {
        var periodNames = Facets.Definitions.Where(f => f.Period is not null).Select(f => f.Name).ToHashSet();
        var kept = filters.Where(f => !periodNames.Contains(f.Key)).Select(f => f.Value)
            .Concat(Ranges(request with { Ranges = request.Ranges.Where(r => !periodNames.Contains(r.Key.ToLowerInvariant())).ToDictionary() }))
            .ToArray();
        // A terms aggregation on the period facet rather than a date_histogram over published: the buckets are
        // then the facet's own keys (2019, 2019-03), as the local histogram counts them, with no time zone to match.
        Aggregation Periods() => new() { Terms = new TermsAggregation { Field = period.Name, Size = SearchLimits.MaxHistogramBuckets } };
        return new Aggregation
        {
            Global = new GlobalAggregation(),
            Aggregations = new Dictionary<string, Aggregation>
            {
                [Names.Matches] = new()
                {
                    Filter = kept.Length == 0 ? text : new BoolQuery { Must = [text], Filter = kept },
                    Aggregations = new Dictionary<string, Aggregation> { [Names.Periods] = Periods() },
                },
                [Names.Periods] = Periods(),
            },
        };
    }

    /// <summary>The sort for each order; every one ends on fields that tell copies apart, so a cursor is exact.</summary>
    private static List<SortOptions> SortFor(SortOrder sort)
    {
        var sorts = new List<SortOptions>
        {
            sort == SortOrder.Relevance
                ? new SortOptions { Score = new ScoreSort { Order = EsSortOrder.Desc } }
                : new FieldSort { Field = ElasticFields.Published, Order = sort == SortOrder.Newest ? EsSortOrder.Desc : EsSortOrder.Asc, Missing = "_last" },
        };
        // The cluster does not sort on _id (its field data is off by default), so ties go by the stored hash, then the address.
        sorts.Add(new FieldSort { Field = ElasticFields.ContentHash, Order = EsSortOrder.Asc, Missing = "_last" });
        sorts.Add(new FieldSort { Field = ElasticFields.Url, Order = EsSortOrder.Asc, Missing = "_last" });
        return sorts;
    }

    private Fields SourceFields() =>
        Fields.FromStrings([ElasticFields.Title, ElasticFields.Url, ElasticFields.Published, ElasticFields.Cluster, .. Facets.Names]);

    /// <summary>Our passage settings; without highlighting, a query that matches nothing gives the lead.</summary>
    private static Highlight Highlight(HighlightOptions options)
    {
        var fields = new List<KeyValuePair<Field, HighlightField>>
        {
            // The whole title, marked.
            new(ElasticFields.Title, new HighlightField { NumberOfFragments = 0 }),
        };
        if (options.Passages > 0)
        {
            fields.Add(new(ElasticFields.Body, new HighlightField
            {
                FragmentSize = options.MaxPassageLength,
                NumberOfFragments = options.Passages,
                NoMatchSize = options.MaxPassageLength,
            }));
        }
        return new Highlight
        {
            Fields = fields,
            PreTags = ["<mark>"],
            PostTags = ["</mark>"],
            Encoder = HighlighterEncoder.Html,
            HighlightQuery = options.Enabled ? null : (Query)new MatchNoneQuery(),
        };
    }

    private static FieldCollapse Collapse() => new()
    {
        Field = ElasticFields.Cluster,
        InnerHits =
        [
            new InnerHits
            {
                Name = Names.Duplicates,
                // One more than listed: the hit itself is among them.
                Size = MaxDuplicates + 1,
                Source = new SourceFilter { Includes = Fields.FromStrings([ElasticFields.Url]) },
            },
        ],
    };

    private static FieldValue ToFieldValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var whole) => FieldValue.Long(whole),
        JsonValueKind.Number => FieldValue.Double(value.GetDouble()),
        JsonValueKind.String => FieldValue.String(value.GetString()!),
        JsonValueKind.True => FieldValue.True,
        JsonValueKind.False => FieldValue.False,
        _ => FieldValue.Null,
    };
}
