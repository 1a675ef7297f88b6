using System.CommandLine;
using System.Globalization;
using Search.Core;
using Spectre.Console;

namespace Search.Cli.Commands;

/// <summary><c>search stats</c>: what an index holds.</summary>
internal static class StatsCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create(CliContext context)
    {
        var top = CliApp.IntOption("--top", "", "Top values shown per facet.", 5);
        var index = CliApp.IndexOption();
        var command = new Command("stats",
            """
            Show the number of articles, the values of each facet with the most frequent ones, the size on disk and the last commit.

            Examples:
              search stats
              search stats --index my-index --top 10
            """)
        {
            top, index,
        };
        command.SetAction((parsed, cancellation) =>
        {
            using var searchIndex = context.Locator.Open(parsed.GetValue(index), context.Console.Error, cancellation);
            Write(context.Console.Output, searchIndex.Path, searchIndex.GetStats(parsed.GetValue(top)));
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    /// <summary>Writes the statistics.</summary>
    public static void Write(IAnsiConsole console, string path, IndexStats stats)
    {
        var invariant = CultureInfo.InvariantCulture;
        console.MarkupLine($"Index: {Markup.Escape(path)}");
        console.WriteLine($"Articles: {stats.Documents.ToString("N0", invariant)}");
        foreach (var facet in stats.Facets)
        {
            var top = string.Join(", ", facet.Values.Select(v => $"{v.Value} ({v.Count.ToString(invariant)})"));
            console.WriteLine($"{facet.Name}: {facet.DistinctValues.ToString(invariant)} values{(top.Length > 0 ? "; top: " + top : "")}");
        }
        console.WriteLine($"Size on disk: {Size(stats.SizeOnDiskBytes)}");
        var when = stats.LastCommit?.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", invariant) ?? "unknown";
        console.WriteLine($"Last commit: {when} by {stats.LastCommittedBy ?? "unknown"}");
    }

    /// <summary>Bytes in the largest unit that keeps the number at or above 1.</summary>
    public static string Size(long bytes)
    {
        string[] units = ["bytes", "KB", "MB", "GB", "TB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? $"{bytes.ToString(CultureInfo.InvariantCulture)} bytes" : $"{value.ToString("0.0", CultureInfo.InvariantCulture)} {units[unit]}";
    }
}
