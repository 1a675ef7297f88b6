using System.CommandLine;
using System.Text.Json;
using Search.Cli.Rendering;
using Search.Core;
using Search.Host.Contracts;

namespace Search.Cli.Commands;

/// <summary><c>search pivot &lt;rows&gt; &lt;columns&gt; "&lt;query&gt;" [filters]</c>: article counts for pairs of two facets' values.</summary>
internal static class PivotCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create(CliContext context)
    {
        var rows = new Argument<string>("rows") { Description = "The facet of the rows, such as speaker." };
        var columns = new Argument<string>("columns") { Description = "The facet of the columns, such as group." };
        var query = new Argument<string[]>("query") { Description = "Lucene query syntax; omit for every article.", Arity = ArgumentArity.ZeroOrMore };
        var defaults = new PivotRequest { Rows = "", Columns = "" };
        var top = CliApp.IntOption("--top", "", $"Rows and columns shown, 1 to {SearchLimits.MaxPivotValues}.", defaults.TopRows);
        var json = new Option<bool>("--json") { Description = "Print one JSON object (the body of GET /api/pivot) instead of a table." };
        var index = CliApp.IndexOption();
        var filters = new SearchRequestOptions();
        var command = new Command("pivot",
            """
            Count the matching articles for each pair of values of two facets: which speakers talk about which groups, and how often.
            Filters on the two facets themselves are ignored, so the table shows their other values too.

            Examples:
              search pivot speaker group "LeT"
              search pivot speaker group --from 2019 --top 5 --json
            """)
        {
            rows, columns, query, top, json, index,
        };
        filters.AddTo(command);
        command.SetAction((parsed, cancellation) =>
        {
            using var searchIndex = context.Locator.Open(parsed.GetValue(index), context.Console.Error, cancellation);
            var request = new PivotRequest
            {
                Rows = parsed.GetValue(rows)!,
                Columns = parsed.GetValue(columns)!,
                TopRows = parsed.GetValue(top),
                TopColumns = parsed.GetValue(top),
                Search = filters.ToRequest(parsed, string.Join(' ', parsed.GetValue(query) ?? [])),
            };
            var table = searchIndex.Pivot(request, cancellation);
            if (parsed.GetValue(json))
                context.Console.RawOutput.WriteLine(JsonSerializer.Serialize(PivotResult.From(table), SearchJsonContext.Default.PivotResult));
            else
                AnalysisRenderer.WritePivot(context.Console.Output, table);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
