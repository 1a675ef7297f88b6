using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Search.Host.Contracts;
using Spectre.Console;

namespace Search.Cli.Commands;

/// <summary><c>search duplicates</c>: the clusters of near-duplicate articles (one story on several sites).</summary>
internal static class DuplicatesCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create(CliContext context)
    {
        var top = CliApp.IntOption("--top", "", "Largest clusters shown.", 100);
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var index = CliApp.IndexOption();
        var command = new Command("duplicates",
            """
            List the clusters of near-duplicates: articles whose bodies are the same story with small edits, largest first.

            Examples:
              search duplicates
              search duplicates --json --index my-index
            """)
        {
            top, json, index,
        };
        command.SetAction((parsed, cancellation) =>
        {
            using var searchIndex = context.Locator.Open(parsed.GetValue(index), context.Console.Error, cancellation);
            var clusters = DuplicateClustersResult.From(searchIndex.GetDuplicateClusters(Math.Max(0, parsed.GetValue(top))));
            if (parsed.GetValue(json))
            {
                context.Console.RawOutput.WriteLine(JsonSerializer.Serialize(clusters, SearchJsonContext.Default.DuplicateClustersResult));
                return Task.FromResult(ExitCodes.Success);
            }
            var console = context.Console.Output;
            if (clusters.Clusters.Count == 0)
                console.WriteLine("No near-duplicates in this index.");
            foreach (var cluster in clusters.Clusters)
            {
                var sites = cluster.Sites.Count > 0 ? $" [dim]({Markup.Escape(string.Join(", ", cluster.Sites))})[/]" : "";
                console.MarkupLine($"[bold]{Markup.Escape(cluster.Id)}[/]: {cluster.Count.ToString(CultureInfo.InvariantCulture)} articles{sites}");
                foreach (var id in cluster.Ids)
                    console.MarkupLine($"  {Markup.Escape(id)}");
            }
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
