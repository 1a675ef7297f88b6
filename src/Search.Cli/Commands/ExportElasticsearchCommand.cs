using System.CommandLine;
using Search.Core;
using Search.Elastic.Export;
using Search.Elastic.Mapping;
using Spectre.Console;

namespace Search.Cli.Commands;

/// <summary>
/// <c>search export-elasticsearch [--out FOLDER] [--name NAME] [--url URL [--api-key KEY]]</c>: the index
/// as Elasticsearch / OpenSearch index definitions and bulk files, optionally sent to a cluster.
/// </summary>
internal static class ExportElasticsearchCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create(CliContext context)
    {
        var index = CliApp.IndexOption();
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "The folder to write the definitions and bulk files to (earlier bulk files in it are replaced); with --url alone, a temporary folder removed afterwards.", HelpName = "FOLDER" };
        var name = new Option<string>("--name") { Description = $"The index name on the cluster (default {ElasticExportOptions.DefaultName}; statements go to NAME-statements).", HelpName = "NAME", DefaultValueFactory = _ => ElasticExportOptions.DefaultName };
        name.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !IndexDefinition.IsValidName(result.Tokens[^1].Value))
                result.AddError($"'{result.Tokens[^1].Value}' is not an index name the engine accepts (--name); use lower-case letters, digits, '-' and '_', such as news-2024.");
        });
        var url = new Option<Uri?>("--url")
        {
            Description = "Also create the indexes on this cluster and send the bulk files to it.",
            HelpName = "URL",
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
                if (Uri.TryCreate(text, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https")
                    return parsed;
                result.AddError($"'{text}' is not a cluster address (--url); use http:// or https://, such as http://localhost:9200.");
                return null;
            },
        };
        var apiKey = new Option<string?>("--api-key") { Description = "The API key to authenticate with (with --url).", HelpName = "KEY" };
        var command = new Command("export-elasticsearch",
            $"""
            Write the index for Elasticsearch or OpenSearch: {ElasticExporter.ArticlesDefinitionFile} and {ElasticExporter.StatementsDefinitionFile}
            (settings, analysis and mappings of the article and statements indexes) and bulk-NNNN.ndjson files of at most 10 MB
            for the _bulk API, streamed. With --url, create both indexes there and send the files, retrying when the cluster is busy,
            and list the documents it refused.

            Examples:
              search export-elasticsearch --out es-export
              search export-elasticsearch --out es-export --url http://localhost:9200 --api-key "$ES_API_KEY"
              search export-elasticsearch --url http://localhost:9200
            """)
        {
            index, output, name, url, apiKey,
        };
        command.SetAction(async (parsed, cancellation) =>
        {
            var target = parsed.GetValue(url);
            if (parsed.GetValue(apiKey) is not null && target is null)
                throw new UsageException("--api-key needs --url: the key is for the cluster the files are sent to.");
            if (parsed.GetValue(output) is null && target is null)
                throw new UsageException("Give --out FOLDER to write the files, --url URL to send them to a cluster, or both.");
            using var searchIndex = context.Locator.Open(parsed.GetValue(index), context.Console.Error, cancellation);
            using var scratch = parsed.GetValue(output) is null ? new ScratchFolder() : null;
            var options = new ElasticExportOptions { Folder = parsed.GetValue(output)?.FullName ?? scratch!.Path, Name = parsed.GetValue(name)! };
            var console = context.Console.Output;
            var interactive = context.Console.SupportsAnsi && console.Profile.Capabilities.Interactive;

            var export = interactive
                ? console.Progress().Start(progress =>
                {
                    var task = progress.AddTask("Exporting…").IsIndeterminate();
                    return ElasticExporter.Export(searchIndex, options, new Progress<long>(written => task.Description = $"Exporting… {written:N0} documents"), cancellation);
                })
                : ElasticExporter.Export(searchIndex, options, cancellation: cancellation);
            console.WriteLine($"Wrote {export.Articles:N0} articles and {export.Statements:N0} statements to {(scratch is null ? options.Folder : "a temporary folder")} ({export.BulkFiles.Count} bulk {(export.BulkFiles.Count == 1 ? "file" : "files")}).");
            if (target is null)
                return ExitCodes.Success;

            var pusher = new ElasticPusher(ElasticPusher.CreateClient(target, parsed.GetValue(apiKey)));
            var documents = export.Articles + export.Statements;
            PushResult pushed;
            if (interactive)
            {
                pushed = await console.Progress()
                    .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                    .StartAsync(async progress =>
                    {
                        var task = progress.AddTask($"Sending to {target.GetLeftPart(UriPartial.Authority)}…", maxValue: Math.Max(documents, 1));
                        return await pusher.PushAsync(options.Name, searchIndex.Facets, options.Aliases, export.BulkFiles, new Progress<int>(sent => task.Increment(sent)), cancellation);
                    });
            }
            else
            {
                var sent = 0;
                pushed = await pusher.PushAsync(options.Name, searchIndex.Facets, options.Aliases, export.BulkFiles,
                    new SyncProgress(count => console.WriteLine($"Sent file {++sent} of {export.BulkFiles.Count} ({Documents(count)}).")), cancellation);
            }
            console.WriteLine($"Indexed {Documents(pushed.Indexed)} into {options.Name} and {options.Name}-statements on {target.GetLeftPart(UriPartial.Authority)}.");
            if (pushed.Rejected == 0)
                return ExitCodes.Success;
            context.Console.Error.WriteLine($"The cluster refused {Documents(pushed.Rejected)}{(pushed.Rejected > pushed.Examples.Count ? $"; the first {pushed.Examples.Count}" : "")}:");
            foreach (var refused in pushed.Examples)
                context.Console.Error.WriteLine($"  {refused.Index}/{refused.Id} ({refused.Status}): {refused.Reason}");
            return ExitCodes.Failure;
        });
        return command;
    }

    private static string Documents(long count) => count == 1 ? "1 document" : $"{count:N0} documents";

    /// <summary>A folder for the files when only sending was asked for, removed with everything in it.</summary>
    private sealed class ScratchFolder : IDisposable
    {
        public ScratchFolder() => Directory.CreateDirectory(Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "search-es-export-" + Guid.NewGuid().ToString("N")));

        public string Path { get; }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }

    /// <summary>Reports on the caller's thread, so lines come out in order (<see cref="Progress{T}"/> posts to the thread pool).</summary>
    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
