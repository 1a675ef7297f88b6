using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Search.Core;

namespace Search.Elastic.Export;

/// <summary>
/// Writes articles and statements as pairs of <c>_bulk</c> lines: an <c>index</c> action naming the
/// index and the document id, then the document, each one line of JSON. Field names come from
/// <see cref="ElasticFields"/> and the facet schema, as in <see cref="Mapping.IndexDefinition"/>.
/// </summary>
public static class BulkDocuments
{
    // The files are read by the engine, never by a browser, so only what JSON itself requires is escaped.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the two lines that index <paramref name="article"/> into <paramref name="index"/> (<c>_id</c> = the article's id).</summary>
    public static void WriteArticle(IBufferWriter<byte> output, string index, Article article, FacetSchema facets)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(facets);
        using var writer = new Utf8JsonWriter(output, Options);
        WriteAction(writer, output, index, article.Id);
        writer.WriteStartObject();
        writer.WriteString(ElasticFields.Title, article.Title);
        writer.WriteString(ElasticFields.Body, article.Body);
        WriteIfSet(writer, ElasticFields.Url, article.Url);
        WriteIfSet(writer, ElasticFields.Byline, article.Byline);
        WriteIfSet(writer, ElasticFields.Source, article.Source);
        if (article.Published is { } published)
            writer.WriteString(ElasticFields.Published, Date(published));
        WriteIfSet(writer, ElasticFields.Cluster, article.Cluster);
        WriteIfSet(writer, ElasticFields.ContentHash, article.ContentHash);
        foreach (var facet in facets.Definitions)
            WriteFacet(writer, facet, article.Values(facet.Name));
        writer.WriteEndObject();
        EndLine(writer, output);
    }

    /// <summary>Writes the two lines that index a statement into <paramref name="index"/> (<c>_id</c> = <c>{articleId}#{position}</c>).</summary>
    public static void WriteStatement(IBufferWriter<byte> output, string index, ArticleStatement statement)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(statement);
        using var writer = new Utf8JsonWriter(output, Options);
        WriteAction(writer, output, index, StatementId(statement));
        writer.WriteStartObject();
        writer.WriteString(ElasticFields.Statements.Speaker, statement.Statement.Speaker);
        writer.WriteString(ElasticFields.Statements.Words, statement.Statement.Words);
        writer.WriteString(ElasticFields.Statements.Sentence, statement.Statement.Sentence);
        writer.WriteString(ElasticFields.Statements.ArticleId, statement.ArticleId);
        writer.WriteString(ElasticFields.Statements.Title, statement.Title);
        if (statement.Year is { } year)
            writer.WriteNumber(ElasticFields.Statements.Year, year);
        if (statement.Groups.Count > 0)
        {
            writer.WriteStartArray(ElasticFields.Statements.Group);
            foreach (var group in statement.Groups)
                writer.WriteStringValue(group);
            writer.WriteEndArray();
        }
        WriteIfSet(writer, ElasticFields.Statements.Url, statement.Url);
        writer.WriteNumber(ElasticFields.Statements.Position, statement.Statement.Position);
        writer.WriteEndObject();
        EndLine(writer, output);
    }

    /// <summary>The document id of a statement in the statements index.</summary>
    public static string StatementId(ArticleStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return statement.ArticleId + "#" + statement.Statement.Position.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A date the engine's default <c>date</c> format reads: ISO 8601 with the offset, and the
    /// fraction of a second only when there is one.
    /// </summary>
    public static string Date(DateTimeOffset date) => date.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    private static void WriteAction(Utf8JsonWriter writer, IBufferWriter<byte> output, string index, string id)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("index");
        writer.WriteString("_index", index);
        writer.WriteString("_id", id);
        writer.WriteEndObject();
        writer.WriteEndObject();
        EndLine(writer, output);
    }

    /// <summary>A multi-valued facet is always an array, a single-valued one a scalar; an integer facet's values are numbers.</summary>
    private static void WriteFacet(Utf8JsonWriter writer, FacetDefinition facet, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
            return;
        writer.WritePropertyName(facet.Name);
        if (facet.MultiValued)
            writer.WriteStartArray();
        foreach (var value in facet.MultiValued ? values : values.Take(1))
        {
            if (facet.Kind == FacetKind.Integer && facet.TryParseInteger(value, out var number))
                writer.WriteNumberValue(number);
            else
                writer.WriteStringValue(value);
        }
        if (facet.MultiValued)
            writer.WriteEndArray();
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string field, string? value)
    {
        if (value is not null)
            writer.WriteString(field, value);
    }

    /// <summary>Ends a line; the writer starts afresh, so the next line is a new top-level JSON value.</summary>
    private static void EndLine(Utf8JsonWriter writer, IBufferWriter<byte> output)
    {
        writer.Flush();
        output.Write("\n"u8);
        writer.Reset();
    }
}
