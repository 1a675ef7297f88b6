using System.CommandLine;
using System.Globalization;
using Search.Core;
using Search.Ingest;
using Search.Ingest.Indexing;
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
        var followSymlinks = new Option<bool>("--follow-symlinks") { Description = "Follow symbolic links to folders (a folder reached twice is read once)." };
        var maxFileSize = new Option<long>("--max-file-size")
        {
            Description = "Skip files, and JSON Lines records, larger than this many bytes.",
            DefaultValueFactory = _ => IngestOptions.DefaultMaxFileBytes,
            HelpName = "BYTES",
        };
        var watch = new Option<bool>("--watch") { Description = "After indexing, keep indexing files that appear or change (once their size is stable) until Ctrl-C." };
        var index = CliApp.IndexOption();
        var command = new Command("index",
            """
            Build or update an index from article files. Unchanged articles are recognised by content hash and left alone; bad files and records are skipped and listed with their reason. Only regular files are read; symbolic links to folders are not followed unless asked to. Exits 1 when a path does not exist or nothing could be read.

            Examples:
              search index index/samples
              search index ~/articles --index ~/articles-index --remove-missing
              search index ~/scraper-output --watch --remove-missing
            """)
        {
            paths, removeMissing, followSymlinks, maxFileSize, watch, index,
        };
        command.SetAction((parsed, cancellation) =>
        {
            var max = parsed.GetValue(maxFileSize);
            if (max <= 0)
                throw new UsageException($"--max-file-size must be a positive number of bytes; it was {max}.");
            var options = new IngestOptions { MaxFileBytes = max, MaxRecordBytes = max, FollowSymlinkedFolders = parsed.GetValue(followSymlinks) };
            var indexPath = context.Locator.ResolveForWriting(parsed.GetValue(index));
            return parsed.GetValue(watch)
                ? IndexWatch.RunAsync(context, parsed.GetValue(paths)!, indexPath, parsed.GetValue(removeMissing), options, cancellation)
                : Task.FromResult(Run(context, parsed.GetValue(paths)!, indexPath, parsed.GetValue(removeMissing), options, cancellation));
        });
        return command;
    }

    /// <summary>
    /// Indexes <paramref name="paths"/> into <paramref name="indexPath"/> and prints the summary. A path
    /// that does not exist is an error before anything is written; a run that reads no article at all
    /// (and removes none) fails after its summary says why.
    /// </summary>
    public static int Run(CliContext context, IReadOnlyList<string> paths, string indexPath, bool removeMissing, IngestOptions options, CancellationToken cancellation)
    {
        var missing = paths.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToArray();
        if (missing.Length > 0)
        {
            foreach (var path in missing)
                context.Console.Error.WriteLine($"No such file or folder: {path}");
            return ExitCodes.Failure;
        }
        var reader = new ArticleFileReader(options);
        IndexingReport report;
        using (var writer = ArticleWriter.Open(indexPath))
        {
            var indexer = new ArticleIndexer(writer, CommittedBy);
            report = context.Console.SupportsAnsi && context.Console.Output.Profile.Capabilities.Interactive
                ? RunWithProgressBar(context.Console.Output, indexer, reader, paths, removeMissing, cancellation)
                : RunWithProgressLines(context.Console.Output, indexer, reader, paths, removeMissing, cancellation);
        }
        var stale = report.Stale;
        WriteReport(context.Console.Output, indexPath, report);
        if (stale > 0)
        {
            context.Console.Output.MarkupLine(stale == 1
                ? "[yellow]Stale:[/] 1 indexed article comes from a file under these paths that is gone; run again with --remove-missing to remove it."
                : $"[yellow]Stale:[/] {Number(stale)} indexed articles come from files under these paths that are gone; run again with --remove-missing to remove them.");
        }
        if (report.Articles == 0 && report.Removed == 0)
        {
            context.Console.Error.WriteLine("No article could be read from the given paths.");
            return ExitCodes.Failure;
        }
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

    /// <summary>
    /// A bar over the files under the paths (counted first, which costs a directory listing), with
    /// the rate in articles a second and the time left; files, not articles, because a JSON Lines
    /// file's record count is unknown until it is read.
    /// </summary>
    private static IndexingReport RunWithProgressBar(IAnsiConsole console, ArticleIndexer indexer, ArticleFileReader reader, IReadOnlyList<string> paths, bool removeMissing, CancellationToken cancellation)
    {
        var files = paths.Sum(CountFiles);
        var started = System.Diagnostics.Stopwatch.StartNew();
        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(progress =>
            {
                var task = progress.AddTask("Indexing…", maxValue: Math.Max(files, 1));
                string? lastFile = null;
                var done = 0;
                return indexer.IndexPaths(reader, paths, removeMissing, p =>
                {
                    if (p.Last?.File is { } file && file != lastFile)
                    {
                        lastFile = file;
                        task.Value = Math.Min(++done, task.MaxValue);
                    }
                    var rate = p.Articles / Math.Max(started.Elapsed.TotalSeconds, 0.001);
                    task.Description = $"{Number(p.Articles)} articles, {Number(p.Skipped)} skipped, {rate.ToString("N0", CultureInfo.InvariantCulture)}/s";
                }, cancellation);
            });
    }

    private static int CountFiles(string path)
    {
        if (File.Exists(path))
            return 1;
        try
        {
            return Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }).Count();
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static IndexingReport RunWithProgressLines(IAnsiConsole console, ArticleIndexer indexer, ArticleFileReader reader, IReadOnlyList<string> paths, bool removeMissing, CancellationToken cancellation)
    {
        const int every = 1000;
        var reported = 0;
        return indexer.IndexPaths(reader, paths, removeMissing, p =>
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
