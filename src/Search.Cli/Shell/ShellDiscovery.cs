using Search.Cli.Rendering;
using Search.Core;
using Spectre.Console;

namespace Search.Cli.Shell;

/// <summary>The shell's discovery commands: <c>:similar N</c> and <c>:why N</c>.</summary>
internal static class ShellDiscovery
{
    /// <summary>Prints the articles like <paramref name="hit"/>, under the session's filters.</summary>
    public static void Similar(SearchIndex index, IAnsiConsole output, TextWriter error, SearchHit hit, ShellState state, CancellationToken cancellation)
    {
        var request = state.ToRequest() with { Page = 1, Cursor = null };
        var response = index.Similar(hit.Id, request, cancellation);
        if (response is null)
        {
            error.WriteLine($"Article '{hit.Id}' is no longer in the index.");
            return;
        }
        output.MarkupLine($"[dim]Like[/] [bold]{Markup.Escape(hit.Title)}[/]:");
        ResultRenderer.Write(output, response, index.Facets);
        output.WriteLine();
    }

    /// <summary>Prints why <paramref name="hit"/> matched the session's search.</summary>
    public static void Why(SearchIndex index, IAnsiConsole output, TextWriter error, SearchHit hit, ShellState state, CancellationToken cancellation)
    {
        var response = index.Search(state.ToRequest() with { Explain = true }, cancellation);
        var explained = response.Hits.FirstOrDefault(h => h.Id == hit.Id)?.Explanation;
        if (explained is null)
        {
            error.WriteLine(state.Query.Length == 0
                ? "Browsing without a query scores every article the same; type a query to see why a hit matched."
                : $"Article '{hit.Id}' is no longer among these hits.");
            return;
        }
        output.MarkupLine($"[bold]{Markup.Escape(hit.Title)}[/]");
        DiscoveryRenderer.WriteExplanation(output, explained);
        output.WriteLine();
    }
}
