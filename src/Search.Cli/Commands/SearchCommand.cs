using System.CommandLine;
using System.Text.Json;
using Search.Cli.Rendering;
using Search.Core;
using Search.Host.Contracts;

namespace Search.Cli.Commands;

/// <summary><c>search "&lt;query&gt;" [filters]</c>: one search, printed for people or as JSON.</summary>
internal static class SearchCommand
{
    /// <summary>The root command, which runs a one-shot search when the first argument is not a verb.</summary>
    public static RootCommand CreateRoot(CliContext context)
    {
        var query = new Argument<string[]>("query")
        {
            Description = "Lucene query syntax: words, \"phrases\", AND/OR/NOT, group:TTP. Omit to browse everything, newest first.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        // Words after the query are query words too, so an unknown "--option" would silently become a search term.
        query.Validators.Add(result =>
        {
            if (result.Tokens.FirstOrDefault(t => t.Value.StartsWith("--", StringComparison.Ordinal) && t.Value.Length > 2) is { } unknown)
                result.AddError($"Unknown option '{unknown.Value}'.");
        });
        var facets = FacetSchema.Default;
        var filters = facets.Definitions.Select(f => (Facet: f, Option: CliApp.FacetOption(f, facets))).ToArray();
        var yearFacet = facets.Get(FacetNames.Year);
        var from = CliApp.FacetValueOption(yearFacet, "--from", "", "Only articles published in or after this year.");
        var to = CliApp.FacetValueOption(yearFacet, "--to", "", "Only articles published in or before this year.");
        var sort = new Option<string?>("--sort") { Description = "relevance (default with a query), newest (default without) or oldest." };
        sort.AcceptOnlyFromAmong([.. SearchLimits.SortOrderNames]);
        var limit = CliApp.IntOption("--limit", "-n", $"Hits per page, 0 to {SearchLimits.MaxPageSize}.", 10);
        var page = CliApp.IntOption("--page", "", "Page number, from 1.", 1);
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var histogram = new Option<string?>("--histogram") { Description = "Also chart the matches over time: year or month (in --json too).", HelpName = "INTERVAL" };
        histogram.AcceptOnlyFromAmong("year", "month");
        var explain = new Option<bool>("--explain") { Description = "Show why each hit matched: its score by term, and where its facet values came from." };
        var allCopies = new Option<bool>("--all-copies") { Description = "List near-duplicates (the same story on several sites) as hits instead of folding them into the best copy." };
        var index = CliApp.IndexOption();
        var cluster = new ClusterOptions();

        var root = new RootCommand(
            """
            Full-text search over news articles about official statements on Pakistan and militant groups.

            Examples:
              search "LeT"
              search "Hafiz Saeed" --group Jamaat-ud-Dawa --from 2008 --to 2012
              search "drone strike" --speaker "Mike Pompeo" --sort newest --json
              search "TRF" --histogram month
              search pivot speaker group "TTP"
              search export "LeT" --format csv --out let.csv
              search index articles/ --index my-index
              search shell
            """)
        {
            query,
        };
        foreach (var (_, option) in filters)
            root.Options.Add(option);
        foreach (var option in new Option[] { from, to, sort, limit, page, json, histogram, explain, allCopies, index })
            root.Options.Add(option);
        cluster.AddTo(root);
        root.SetAction((parsed, cancellation) =>
        {
            var selected = filters
                .Select(f => (f.Facet.Name, Values: parsed.GetValue(f.Option) ?? []))
                .Where(f => f.Values.Length > 0)
                .ToDictionary(f => f.Name, f => (IReadOnlyList<string>)f.Values);
            var range = (From: parsed.GetValue(from), To: parsed.GetValue(to));
            if (selected.ContainsKey(yearFacet.Name) && (range.From is not null || range.To is not null))
                throw new UsageException("Use either --year or --from/--to, not both.");
            var request = new SearchRequest
            {
                Query = string.Join(' ', parsed.GetValue(query) ?? []),
                Filters = selected,
                Ranges = range.From is null && range.To is null
                    ? new Dictionary<string, FacetRange>()
                    : new Dictionary<string, FacetRange> { [yearFacet.Name] = new(range.From, range.To) },
                Sort = ParseSort(parsed.GetValue(sort)),
                Size = parsed.GetValue(limit),
                Page = parsed.GetValue(page),
                Histogram = CalendarPeriod.TryParseInterval(parsed.GetValue(histogram), out var interval) ? new HistogramOptions { Interval = interval } : null,
                Explain = parsed.GetValue(explain),
                Collapse = !parsed.GetValue(allCopies),
            };
            using var backend = cluster.Open(parsed);
            if (backend is not null)
                return Task.FromResult(Print(context, request, backend, parsed.GetValue(json), cancellation));
            return Task.FromResult(Run(context, request, parsed.GetValue(index), parsed.GetValue(json), cancellation));
        });
        return root;
    }

    /// <summary>Runs the search and prints it; the handler behind the root command.</summary>
    public static int Run(CliContext context, SearchRequest request, string? indexPath, bool json, CancellationToken cancellation)
    {
        using var index = context.Locator.Open(indexPath, context.Console.Error, cancellation);
        return Print(context, request, index, json, cancellation);
    }

    /// <summary>Runs the search on an index or a cluster and prints it.</summary>
    public static int Print(CliContext context, SearchRequest request, ISearchBackend index, bool json, CancellationToken cancellation)
    {
        var response = index.Search(request, cancellation);
        if (json)
            context.Console.RawOutput.WriteLine(JsonSerializer.Serialize(SearchResult.From(response, index.Facets), SearchJsonContext.Default.SearchResult));
        else
        {
            ResultRenderer.Write(context.Console.Output, response, index.Facets, (request.Page - 1) * request.Size + 1);
            if (response.Histogram is { } histogram)
                AnalysisRenderer.WriteHistogram(context.Console.Output, histogram);
        }
        return ExitCodes.Success;
    }

    /// <summary>Maps a sort name to the library's order; <c>null</c> keeps the library's default.</summary>
    public static SortOrder? ParseSort(string? name) =>
        SearchLimits.TryParseSort(name, out var sort) ? sort : throw new UsageException(SearchLimits.UnknownSort(name!));
}
