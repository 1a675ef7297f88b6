using System.CommandLine;
using System.Globalization;
using Search.Core;
using Spectre.Console;

namespace Search.Cli.Commands;

/// <summary><c>search snapshot --to DEST</c>: a consistent copy of the index's last commit.</summary>
internal static class SnapshotCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create(CliContext context)
    {
        var to = new Option<string>("--to") { Description = "A new or empty folder to write the copy into; it opens as an index.", Required = true, HelpName = "DEST" };
        var index = CliApp.IndexOption();
        var command = new Command("snapshot",
            """
            Copy the index's last commit into a new folder while it stays in use: searches and a running 'search serve' or 'search index --watch' go on, and what they commit meanwhile is not in the copy. The copy opens with --index DEST.

            Examples:
              search snapshot --index my-index --to backups/my-index-2026-11-30
            """)
        {
            to, index,
        };
        command.SetAction((parsed, cancellation) =>
        {
            var indexPath = context.Locator.ResolveForWriting(parsed.GetValue(index));
            if (!Directory.Exists(indexPath))
                throw new IndexNotFoundException(Path.GetFullPath(indexPath));
            var report = IndexSnapshot.Take(indexPath, parsed.GetValue(to)!, step =>
            {
                using var writer = OpenWriterWaiting(indexPath, cancellation);
                step(writer);
            });
            var invariant = CultureInfo.InvariantCulture;
            context.Console.Output.WriteLine($"Snapshot: {report.Destination}");
            context.Console.Output.WriteLine($"Commit: generation {report.Generation.ToString(invariant)}, {report.CommittedAt?.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", invariant) ?? "time unknown"}");
            context.Console.Output.WriteLine($"Copied: {report.Files.ToString(invariant)} files, {StatsCommand.Size(report.Bytes)}");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    /// <summary>The writer, waiting a few seconds for another process (a host's write, a watch round) to release it.</summary>
    private static ArticleWriter OpenWriterWaiting(string indexPath, CancellationToken cancellation)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return ArticleWriter.Open(indexPath);
            }
            catch (IndexLockedException) when (attempt < 100)
            {
                cancellation.WaitHandle.WaitOne(50);
            }
        }
    }
}
