using System.CommandLine;
using System.Globalization;
using Search.Cli.Indexing;
using Search.Core;
using Search.Ingest;
using Search.Ingest.Reading;
using Spectre.Console;

namespace Search.Cli.Commands;

/// <summary><c>search index &lt;path&gt;...</c>: builds or updates an index from article files.</summary>
internal static class IndexCommand
{
    /// <summary>The name commits made by this command are recorded under.</summary>
    public const string CommittedBy = "search index";

    /// <summary>Creates the verb.</summary>
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "Article files or folders (.txt, .html, .json, .jsonl); folders are read recursively.",
            Arity = ArgumentArity.OneOrMore,
        };
        var removeMissing = new Option<bool>("--remove-missing") { Description = "Delete indexed articles whose files under these paths are gone." };
        var maxFileSize = new Option<long>("--max-file-size")
        {
            Description = "Skip files larger than this many bytes.",
            DefaultValueFactory = _ => IngestOptions.DefaultMaxFileBytes,
            HelpName = "BYTES",
        };
        var index = CliApp.IndexOption();
        var command = new Command("index",
            """
            Build or update an index from article files. Unchanged articles are recognised by content hash and left alone; bad files are skipped and listed with their reason.

            Examples:
              search index index/samples
              search index ~/articles --index ~/articles-index --remove-missing
            """)
        {
            paths, removeMissing, maxFileSize, index,
        };
        command.SetAction((parsed, cancellation) =>
        {
            var max = parsed.GetValue(maxFileSize);
            if (max <= 0)
                throw new UsageException($"--max-file-size must be a positive number of bytes; it was {max}.");
            return Task.FromResult(Run(context, parsed.GetValue(paths)!, context.Locator.ResolveForWriting(parsed.GetValue(index)), parsed.GetValue(removeMissing), max, cancellation));
        });
        return command;
    }

    /// <summary>Indexes <paramref name="paths"/> into <paramref name="indexPath"/> and prints the summary.</summary>
    public static int Run(CliContext context, IReadOnlyList<string> paths, string indexPath, bool removeMissing, long maxFileBytes, CancellationToken cancellation)
    {
        var reader = new ArticleFileReader(new IngestOptions { MaxFileBytes = maxFileBytes });
        IndexingReport report;
        using (var writer = ArticleWriter.Open(indexPath))
        {
            var run = new IndexingRun(writer, CommittedBy);
            var results = reader.Read(paths);
            var removeUnder = removeMissing ? paths : null;
            report = context.Console.SupportsAnsi && context.Console.Output.Profile.Capabilities.Interactive
                ? RunWithProgressBar(context.Console.Output, run, results, removeUnder, cancellation)
                : RunWithProgressLines(context.Console.Output, run, results, removeUnder, cancellation);
        }
        WriteReport(context.Console.Output, indexPath, report);
        return ExitCodes.Success;
    }

    /// <summary>The summary: counts, then each skipped file with its reason.</summary>
    public static void WriteReport(IAnsiConsole console, string indexPath, IndexingReport report)
    {
        console.MarkupLine($"Index: {Markup.Escape(indexPath)}");
        console.WriteLine($"Added: {Number(report.Added)}");
        console.WriteLine($"Updated: {Number(report.Updated)}");
        console.WriteLine($"Unchanged: {Number(report.Unchanged)}");
        console.WriteLine($"Removed: {Number(report.Removed)}");
        console.WriteLine($"Skipped: {Number(report.Skipped.Count)}");
        foreach (var skipped in report.Skipped)
            console.MarkupLine($"  [yellow]{Markup.Escape(skipped.Path)}[/]: {Markup.Escape(skipped.Reason)}");
    }

    private static IndexingReport RunWithProgressBar(IAnsiConsole console, IndexingRun run, IEnumerable<IngestResult> results, IReadOnlyList<string>? removeUnder, CancellationToken cancellation) =>
        console.Progress()
            .AutoClear(true)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn(), new ElapsedTimeColumn())
            .Start(progress =>
            {
                var task = progress.AddTask("Reading articles…");
                task.IsIndeterminate = true;
                return run.Run(results, removeUnder, p => task.Description = Markup.Escape($"{Number(p.Articles)} articles, {Number(p.Skipped)} skipped — {Path.GetFileName(p.LastPath ?? "")}"), cancellation);
            });

    private static IndexingReport RunWithProgressLines(IAnsiConsole console, IndexingRun run, IEnumerable<IngestResult> results, IReadOnlyList<string>? removeUnder, CancellationToken cancellation)
    {
        const int every = 1000;
        var reported = 0;
        return run.Run(results, removeUnder, p =>
        {
            if (p.Articles >= reported + every)
            {
                reported = p.Articles;
                console.WriteLine($"{Number(p.Articles)} articles read…");
            }
        }, cancellation);
    }

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
