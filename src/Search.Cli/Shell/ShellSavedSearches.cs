using System.Collections.Immutable;
using System.Globalization;
using Search.Cli.Commands;
using Search.Cli.Rendering;
using Search.Core;
using Spectre.Console;

namespace Search.Cli.Shell;

/// <summary>The shell's <c>:save</c>, <c>:saved</c> and <c>:run</c>, over the index's <see cref="SavedSearches"/>.</summary>
internal static class ShellSavedSearches
{
    /// <summary>Carries out one saved-search command; returns the state to continue from when the command changes it.</summary>
    public static ShellState? Execute(ShellInput input, SearchIndex index, ShellState state, IAnsiConsole output, TextWriter error, CancellationToken cancellation)
    {
        var saved = new SavedSearches(index);
        try
        {
            switch (input)
            {
                case ShellInput.SaveSearch save:
                    var search = saved.Save(save.Name, state.ToRequest());
                    output.MarkupLine($"Saved [bold]{Markup.Escape(search.Name)}[/]: {Markup.Escape(SavedSearchCommands.Describe(search))}");
                    output.WriteLine();
                    return null;
                case ShellInput.ListSaved:
                    var all = saved.List(cancellation);
                    if (all.Count == 0)
                        output.WriteLine("No saved searches; save the current one with :save NAME.");
                    foreach (var entry in all)
                        output.WriteLine($"{entry.Search.Name}: {SavedSearchCommands.Describe(entry.Search)} — {Number(entry.Matches)} matches, {Number(entry.New)} new");
                    output.WriteLine();
                    return null;
                case ShellInput.RunSaved run:
                    var result = saved.Run(run.Name, onlyNew: true, new SearchRequest { Size = ShellState.PageSize }, cancellation);
                    var since = result.Search.SeenUntil?.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "the start";
                    output.WriteLine($"{Number(result.Response.Total)} new in {result.Search.Name} since {since}.");
                    ResultRenderer.Write(output, result.Response, index.Facets, 1);
                    return FromSaved(result.Search);
                default:
                    return null;
            }
        }
        catch (SearchException e)
        {
            error.WriteLine(e.Message);
            return null;
        }
    }

    private static ShellState FromSaved(SavedSearch search)
    {
        var years = search.Ranges.FirstOrDefault(r => r.Key == FacetNames.Year).Value;
        return new ShellState
        {
            Query = search.Query,
            Filters = search.Filters.SelectMany(f => f.Value.Select(v => new ShellFilter(f.Key, v))).ToImmutableList(),
            YearFrom = years?.From,
            YearTo = years?.To,
            Sort = search.Sort,
        };
    }

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
