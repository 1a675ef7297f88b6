using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Search.Cli.Rendering;
using Search.Core;
using Search.Host.Contracts;
using Spectre.Console;

namespace Search.Cli.Commands;

/// <summary>
/// <c>search save</c>, <c>search saved</c>, <c>search run</c> and <c>search unsave</c>: searches kept under a
/// name with the index (<see cref="SavedSearches"/>), and what is new in them since they were last run.
/// </summary>
internal static class SavedSearchCommands
{
    /// <summary>The four verbs.</summary>
    public static IEnumerable<Command> Create(CliContext context) => [Save(context), List(context), Run(context), Unsave(context)];

    private static Command Save(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "The name to save the search under (letters, digits, '-', '_', '.')." };
        var query = new Argument<string[]>("query") { Description = "The query, as for 'search'.", Arity = ArgumentArity.ZeroOrMore };
        var facets = FacetSchema.Default;
        var filters = facets.Definitions.Select(f => (Facet: f, Option: CliApp.FacetOption(f, facets))).ToArray();
        var yearFacet = facets.Get(FacetNames.Year);
        var from = CliApp.FacetValueOption(yearFacet, "--from", "", "Only articles published in or after this year.");
        var to = CliApp.FacetValueOption(yearFacet, "--to", "", "Only articles published in or before this year.");
        var sort = new Option<string?>("--sort") { Description = "relevance (default with a query), newest (default without) or oldest." };
        sort.AcceptOnlyFromAmong([.. SearchLimits.SortOrderNames]);
        var index = CliApp.IndexOption();
        var command = new Command("save",
            """
            Save a search (query, filters, sort) under a name, with the index. What the index holds now counts as seen; 'search run NAME --new' later lists what was indexed since.

            Examples:
              search save let-sanctions "LeT sanctions" --from 2020
              search save miller --speaker "Matthew Miller" --sort newest
            """)
        {
            name, query,
        };
        foreach (var (_, option) in filters)
            command.Options.Add(option);
        foreach (var option in new Option[] { from, to, sort, index })
            command.Options.Add(option);
        command.SetAction((parsed, cancellation) =>
        {
            var range = (From: parsed.GetValue(from), To: parsed.GetValue(to));
            var request = new SearchRequest
            {
                Query = string.Join(' ', parsed.GetValue(query) ?? []),
                Filters = filters
                    .Select(f => (f.Facet.Name, Values: parsed.GetValue(f.Option) ?? []))
                    .Where(f => f.Values.Length > 0)
                    .ToDictionary(f => f.Name, f => (IReadOnlyList<string>)f.Values),
                Ranges = range.From is null && range.To is null
                    ? new Dictionary<string, FacetRange>()
                    : new Dictionary<string, FacetRange> { [yearFacet.Name] = new(range.From, range.To) },
                Sort = SearchCommand.ParseSort(parsed.GetValue(sort)),
            };
            using var searchIndex = context.Locator.Open(parsed.GetValue(index), context.Console.Error, cancellation);
            var saved = new SavedSearches(searchIndex).Save(parsed.GetValue(name)!, request);
            context.Console.Output.MarkupLine($"Saved [bold]{Markup.Escape(saved.Name)}[/]: {Markup.Escape(Describe(saved))}");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var index = CliApp.IndexOption();
        var command = new Command("saved", "List the saved searches with how many articles match each and how many of those are new since its last run.")
        {
            json, index,
        };
        command.SetAction((parsed, cancellation) =>
        {
            using var searchIndex = context.Locator.Open(parsed.GetValue(index), context.Console.Error, cancellation);
            var all = new SavedSearches(searchIndex).List(cancellation);
            if (parsed.GetValue(json))
            {
                var document = new SavedSearchListResult(all.Select(SavedSearchResult.From).ToArray());
                context.Console.RawOutput.WriteLine(JsonSerializer.Serialize(document, SearchJsonContext.Default.SavedSearchListResult));
                return Task.FromResult(ExitCodes.Success);
            }
            if (all.Count == 0)
            {
                context.Console.Output.WriteLine("No saved searches. Save one with: search save NAME \"query\"");
                return Task.FromResult(ExitCodes.Success);
            }
            var table = new Table().AddColumns("Name", "Search", "Matches", "New");
            foreach (var entry in all)
                table.AddRow(Markup.Escape(entry.Search.Name), Markup.Escape(Describe(entry.Search)), Number(entry.Matches), entry.New > 0 ? $"[green]{Number(entry.New)}[/]" : "0");
            context.Console.Output.Write(table);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static Command Run(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "The saved search." };
        var onlyNew = new Option<bool>("--new") { Description = "Only matches indexed since the last run of this search." };
        var limit = CliApp.IntOption("--limit", "-n", $"Hits per page, 0 to {SearchLimits.MaxPageSize}.", 10);
        var page = CliApp.IntOption("--page", "", "Page number, from 1.", 1);
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var index = CliApp.IndexOption();
        var command = new Command("run",
            """
            Run a saved search and mark its matches seen. With --new, only the matches indexed since the last run (or the save) are listed, so a second 'run --new' right after lists none.
            A saved batch ('search batch FILE --save NAME') prints its table again; with --new each entry counts only the articles indexed since.

            Examples:
              search run let-sanctions --new
              search run miller --json
            """)
        {
            name, onlyNew, limit, page, json, index,
        };
        command.SetAction((parsed, cancellation) =>
        {
            using var searchIndex = context.Locator.Open(parsed.GetValue(index), context.Console.Error, cancellation);
            if (new SavedSearches(searchIndex).Get(parsed.GetValue(name)!) is { Batch: { } batch })
                return Task.FromResult(RunBatch(context, searchIndex, parsed.GetValue(name)!, batch.Entries.Count, parsed.GetValue(onlyNew), parsed.GetValue(json), cancellation));
            var shape = new SearchRequest { Size = parsed.GetValue(limit), Page = parsed.GetValue(page) };
            var run = new SavedSearches(searchIndex).Run(parsed.GetValue(name)!, parsed.GetValue(onlyNew), shape, cancellation);
            if (parsed.GetValue(json))
            {
                context.Console.RawOutput.WriteLine(JsonSerializer.Serialize(SavedSearchRunResult.From(run, searchIndex.Facets), SearchJsonContext.Default.SavedSearchRunResult));
                return Task.FromResult(ExitCodes.Success);
            }
            if (run.OnlyNew)
            {
                var since = run.Search.SeenUntil?.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "the start";
                context.Console.Output.WriteLine($"{Number(run.Response.Total)} new since {since}.");
            }
            ResultRenderer.Write(context.Console.Output, run.Response, searchIndex.Facets, (shape.Page - 1) * shape.Size + 1);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static int RunBatch(CliContext context, SearchIndex index, string name, int entries, bool onlyNew, bool json, CancellationToken cancellation)
    {
        var run = BatchCommand.Run(context, (progress, token) => new SavedSearches(index).RunBatch(name, onlyNew, progress, token), entries, cancellation);
        if (json)
        {
            context.Console.RawOutput.WriteLine(JsonSerializer.Serialize(BatchSearchResult.From(run.Response, index.Facets), SearchJsonContext.Default.BatchSearchResult));
            return ExitCodes.Success;
        }
        if (run.OnlyNew)
        {
            var since = run.Search.SeenUntil?.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "the start";
            context.Console.Output.WriteLine($"Matches indexed since {since}:");
        }
        BatchCommand.WriteTable(context.Console.Output, run.Response);
        return ExitCodes.Success;
    }

    private static Command Unsave(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "The saved search to remove." };
        var index = CliApp.IndexOption();
        var command = new Command("unsave", "Remove a saved search.") { name, index };
        command.SetAction((parsed, cancellation) =>
        {
            using var searchIndex = context.Locator.Open(parsed.GetValue(index), context.Console.Error, cancellation);
            if (!new SavedSearches(searchIndex).Remove(parsed.GetValue(name)!))
                throw new SavedSearchNotFoundException(parsed.GetValue(name)!);
            context.Console.Output.WriteLine($"Removed {parsed.GetValue(name)}.");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    /// <summary>A saved search in one line: the query, then each filter, range and sort.</summary>
    public static string Describe(SavedSearch search)
    {
        var parts = new List<string> { search.Batch is { } batch ? $"batch of {batch.Entries.Count} entries" : search.Query.Length > 0 ? $"\"{search.Query}\"" : "(everything)" };
        parts.AddRange(search.Filters.Select(f => $"{f.Key}: {string.Join(" or ", f.Value)}"));
        parts.AddRange(search.Ranges.Select(r => $"{r.Key} {r.Value.From?.ToString(CultureInfo.InvariantCulture) ?? "…"}–{r.Value.To?.ToString(CultureInfo.InvariantCulture) ?? "…"}"));
        if (search.Sort is { } sort)
            parts.Add($"sort {sort.ToString().ToLowerInvariant()}");
        return string.Join(", ", parts);
    }

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
