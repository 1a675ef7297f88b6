using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Clients.Elasticsearch.Mapping;
using Search.Core;

namespace Search.Elastic.Mapping;

/// <summary>
/// The two indexes a Search index becomes on Elasticsearch or OpenSearch, as create-index requests
/// built with the official client's typed API (so their JSON is valid by construction): the article
/// index <c>NAME</c> and the statements index <c>NAME-statements</c>.
/// </summary>
/// <remarks>
/// Statements are a separate index rather than nested documents: they are searched on their own,
/// paged and faceted by speaker, group and year, and as nested documents every statement search would
/// be a nested query with inner hits and every count a nested aggregation.
/// </remarks>
public static class IndexDefinition
{
    /// <summary>
    /// Whether the engine accepts <paramref name="name"/> as an index name: lower-case letters, digits,
    /// '-', '_' and '.', not starting with '-', '_' or '+', not "." or "..", at most 200 characters
    /// (the engine allows 255 bytes; the statements index adds its suffix).
    /// </summary>
    public static bool IsValidName(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= 200 && name is not ("." or "..") && name[0] is not ('-' or '_' or '+')
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.');

    /// <summary>The name of the statements index that goes with the article index <paramref name="name"/>.</summary>
    public static string StatementsIndex(string name) => name + ElasticFields.StatementsSuffix;

    /// <summary>
    /// The article index: title and body as text with offsets for highlighting, the article's own
    /// fields, and one field per facet of <paramref name="facets"/> under the facet's name (keyword or
    /// integer; a word-matchable facet also gets a <c>.words</c> text sub-field).
    /// </summary>
    public static CreateIndexRequest Articles(string name, FacetSchema facets, GroupAliasTable aliases)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(facets);
        var properties = new Properties
        {
            { ElasticFields.Title, Text() },
            { ElasticFields.Body, Text() },
            { ElasticFields.Url, StoredOnly() },
            { ElasticFields.Byline, new KeywordProperty() },
            { ElasticFields.Source, new KeywordProperty() },
            { ElasticFields.Published, new DateProperty() },
            { ElasticFields.Cluster, new KeywordProperty() },
            { ElasticFields.ContentHash, StoredOnly() },
        };
        foreach (var facet in facets.Definitions)
            properties.Add(facet.Name, Facet(facet));
        return Request(name, aliases, properties);
    }

    /// <summary>The statements index: one document per statement, with its article's id, title, address and year.</summary>
    public static CreateIndexRequest Statements(string name, GroupAliasTable aliases)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var properties = new Properties
        {
            { ElasticFields.Statements.Speaker, Facet(FacetSchema.Speaker) },
            { ElasticFields.Statements.Words, Text() },
            { ElasticFields.Statements.Sentence, Text() },
            { ElasticFields.Statements.ArticleId, new KeywordProperty() },
            { ElasticFields.Statements.Title, Text() },
            { ElasticFields.Statements.Year, new IntegerNumberProperty() },
            { ElasticFields.Statements.Group, new KeywordProperty() },
            { ElasticFields.Statements.Url, StoredOnly() },
            { ElasticFields.Statements.Position, new IntegerNumberProperty() },
        };
        return Request(StatementsIndex(name), aliases, properties);
    }

    private static CreateIndexRequest Request(string index, GroupAliasTable aliases, Properties properties) => new(index)
    {
        Settings = new IndexSettings { Analysis = NewsAnalysis.Settings(aliases) },
        // Strict: a document with a field the definition does not know is an exporter bug, not a new field.
        Mappings = new TypeMapping { Dynamic = DynamicMapping.Strict, Properties = properties },
    };

    private static TextProperty Text() => new()
    {
        Analyzer = NewsAnalysis.Analyzer,
        SearchAnalyzer = NewsAnalysis.SearchAnalyzer,
        TermVector = TermVectorOption.WithPositionsOffsets,
    };

    private static KeywordProperty StoredOnly() => new() { Index = false };

    private static IProperty Facet(FacetDefinition facet)
    {
        if (facet.Kind == FacetKind.Integer)
            return new IntegerNumberProperty();
        var keyword = new KeywordProperty();
        if (facet.MatchesWords)
            keyword.Fields = new Properties { { ElasticFields.WordsSuffix.TrimStart('.'), new TextProperty { Analyzer = NewsAnalysis.NamesAnalyzer } } };
        return keyword;
    }
}
