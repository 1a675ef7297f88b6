using System.CommandLine;
using System.Text.Json;
using Search.Cli.Rendering;
using Search.Core;
using Search.Host.Contracts;

namespace Search.Cli.Commands;

/// <summary><c>search similar &lt;id&gt;</c>: articles on the same subject as one article, without its copies.</summary>
internal static class SimilarCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The id of the article (the 'id' of a search hit)." };
        var limit = CliApp.IntOption("--limit", "-n", $"Hits, 0 to {SearchLimits.MaxPageSize}.", 10);
        var json = new Option<bool>("--json") { Description = "Print one JSON object, shaped like a search's." };
        var index = CliApp.IndexOption();
        var command = new Command("similar",
            """
            List articles like one article, by its distinctive title and body words; the article itself and its near-duplicates are left out.

            Examples:
              search similar lu-2022
              search similar lu-2022 --json
            """)
        {
            id, limit, json, index,
        };
        command.SetAction((parsed, cancellation) =>
        {
            using var searchIndex = context.Locator.Open(parsed.GetValue(index), context.Console.Error, cancellation);
            var articleId = parsed.GetValue(id)!;
            var response = searchIndex.Similar(articleId, new SearchRequest { Size = parsed.GetValue(limit) }, cancellation)
                ?? throw new UsageException($"No article has the id '{articleId}'. Ids are listed in the 'id' field of 'search --json' hits.");
            if (parsed.GetValue(json))
                context.Console.RawOutput.WriteLine(JsonSerializer.Serialize(SearchResult.From(response, searchIndex.Facets), SearchJsonContext.Default.SearchResult));
            else
                ResultRenderer.Write(context.Console.Output, response, searchIndex.Facets);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
