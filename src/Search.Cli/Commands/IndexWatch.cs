using System.Globalization;
using System.Runtime.InteropServices;
using Search.Core;
using Search.Ingest;
using Search.Ingest.Indexing;
using Search.Ingest.Reading;
using Spectre.Console;

namespace Search.Cli.Commands;

/// <summary><c>search index PATH --watch</c>: the usual run, then a <see cref="FolderWatcher"/> until Ctrl-C.</summary>
internal static class IndexWatch
{
    /// <summary>
    /// Indexes <paramref name="paths"/>, then keeps indexing what appears or changes under them, one commit
    /// per round, until Ctrl-C, SIGTERM or <paramref name="cancellation"/>; a round under way finishes first.
    /// </summary>
    public static async Task<int> RunAsync(CliContext context, IReadOnlyList<string> paths, string indexPath, bool removeMissing, IngestOptions options, CancellationToken cancellation)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        ConsoleCancelEventHandler onCtrlC = (_, e) =>
        {
            // Let the round under way commit; the loop ends at its next check.
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCtrlC;
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            stop.Cancel();
        });
        try
        {
            var watcher = new FolderWatcher(paths, new ArticleFileReader(options), () => ArticleWriter.Open(indexPath), IndexCommand.CommittedBy, new WatchOptions { RemoveMissing = removeMissing });
            var before = watcher.Scan();
            var code = IndexCommand.Run(context, paths, indexPath, removeMissing, options, stop.Token);
            if (code != ExitCodes.Success && (before.Count > 0 || paths.Any(p => !File.Exists(p) && !Directory.Exists(p))))
                return code;
            var console = context.Console.Output;
            console.WriteLine("Watching for new and changed files; Ctrl-C stops.");
            await watcher.RunAsync(before, round => Report(console, round), stop.Token);
            console.WriteLine("Stopped watching; every change read so far is committed.");
            return ExitCodes.Success;
        }
        finally
        {
            Console.CancelKeyPress -= onCtrlC;
        }
    }

    private static void Report(IAnsiConsole console, WatchRound round)
    {
        var r = round.Report;
        var time = DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        console.WriteLine($"{time} added {r.Added}, updated {r.Updated}, unchanged {r.Unchanged}, removed {r.Removed}, skipped {r.Skipped.Count} ({round.Changed.Count} changed, {round.Vanished.Count} gone)");
        foreach (var skipped in r.Skipped)
            console.MarkupLine($"  [yellow]{Markup.Escape(skipped.Path)}[/]: {Markup.Escape(skipped.Reason)}");
    }
}
