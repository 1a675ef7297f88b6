using Search.Core;
using Search.Elastic.Mapping;

namespace Search.Elastic.Export;

/// <summary>What to export and where.</summary>
public sealed record ElasticExportOptions
{
    /// <summary>The folder the definition and bulk files are written to (created if missing; earlier bulk files in it are removed).</summary>
    public required string Folder { get; init; }

    /// <summary>The article index's name on the engine (default <c>news</c>); statements go to <c>NAME-statements</c>.</summary>
    public string Name { get; init; } = DefaultName;

    /// <summary>The largest a bulk file may grow (default 10 MB, well under the engine's 100 MB request limit).</summary>
    public long MaxFileBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>The alias table the group synonyms are built from (default: the library's).</summary>
    public GroupAliasTable Aliases { get; init; } = GroupAliasTable.Default;

    /// <summary>The index name used when none is given.</summary>
    public const string DefaultName = ElasticFields.DefaultIndex;
}

/// <summary>What an export wrote.</summary>
/// <param name="Articles">Articles written.</param>
/// <param name="Statements">Statements written.</param>
/// <param name="DefinitionFiles">The create-index bodies: the article index's, then the statements index's.</param>
/// <param name="BulkFiles">The bulk files, in the order to send them.</param>
public sealed record ElasticExportResult(long Articles, long Statements, IReadOnlyList<string> DefinitionFiles, IReadOnlyList<string> BulkFiles);

/// <summary>
/// Writes a Search index as files for Elasticsearch or OpenSearch: the two index definitions
/// (<see cref="ArticlesDefinitionFile"/>, <see cref="StatementsDefinitionFile"/>) and <c>bulk-NNNN.ndjson</c>
/// files holding every article and then every statement, read one at a time from the index.
/// </summary>
public static class ElasticExporter
{
    /// <summary>The article index's create-index body.</summary>
    public const string ArticlesDefinitionFile = "settings-and-mappings.json";

    /// <summary>The statements index's create-index body.</summary>
    public const string StatementsDefinitionFile = "statements-settings-and-mappings.json";

    /// <summary>Exports <paramref name="index"/>; <paramref name="progress"/> hears the number of documents written so far.</summary>
    /// <exception cref="ArgumentException">The options' name is not one the engine accepts (<see cref="IndexDefinition.IsValidName"/>).</exception>
    public static ElasticExportResult Export(SearchIndex index, ElasticExportOptions options, IProgress<long>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(options);
        if (!IndexDefinition.IsValidName(options.Name))
            throw new ArgumentException($"'{options.Name}' is not an index name the engine accepts; use lower-case letters, digits, '-' and '_'.", nameof(options));
        Directory.CreateDirectory(options.Folder);
        foreach (var stale in Directory.EnumerateFiles(options.Folder, BulkFileWriter.Pattern))
            File.Delete(stale);

        var definitions = new[]
        {
            WriteDefinition(options.Folder, ArticlesDefinitionFile, DefinitionJson.Serialize(IndexDefinition.Articles(options.Name, index.Facets, options.Aliases))),
            WriteDefinition(options.Folder, StatementsDefinitionFile, DefinitionJson.Serialize(IndexDefinition.Statements(options.Name, options.Aliases))),
        };

        var statementsIndex = IndexDefinition.StatementsIndex(options.Name);
        long articles = 0, statements = 0;
        using var bulk = new BulkFileWriter(options.Folder, options.MaxFileBytes);
        // One snapshot for both passes, so a statement never outlives its article in the copy.
        using var contents = index.ReadContents();
        foreach (var article in contents.Articles(cancellation))
        {
            bulk.Write(output => BulkDocuments.WriteArticle(output, options.Name, article, index.Facets));
            Report(progress, ++articles);
        }
        foreach (var statement in contents.Statements(cancellation))
        {
            bulk.Write(output => BulkDocuments.WriteStatement(output, statementsIndex, statement));
            Report(progress, articles + ++statements);
        }
        return new ElasticExportResult(articles, statements, definitions, bulk.Files.ToArray());
    }

    /// <summary>The bulk files of an export folder, in the order to send them.</summary>
    public static IReadOnlyList<string> BulkFiles(string folder) =>
        Directory.EnumerateFiles(folder, BulkFileWriter.Pattern).Order(StringComparer.Ordinal).ToArray();

    private static string WriteDefinition(string folder, string file, string json)
    {
        var path = Path.Combine(folder, file);
        File.WriteAllText(path, json);
        return path;
    }

    // Every thousandth document: a progress bar needs no more, and a million reports would cost.
    private static void Report(IProgress<long>? progress, long written)
    {
        if (written % 1000 == 0)
            progress?.Report(written);
    }
}
