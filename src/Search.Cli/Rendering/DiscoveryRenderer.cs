using System.Globalization;
using Search.Core;
using Spectre.Console;

namespace Search.Cli.Rendering;

/// <summary>Writes what discovery adds to a search: "did you mean", folded copies and score explanations.</summary>
internal static class DiscoveryRenderer
{
    /// <summary>The "did you mean" line, when the response has a suggestion.</summary>
    public static void WriteSuggestion(IAnsiConsole console, SearchResponse response)
    {
        if (response.Suggestion is { } suggestion)
            console.MarkupLine($"Did you mean [bold]{Markup.Escape(suggestion.Query)}[/]? [dim]({Articles(suggestion.Total)})[/]");
    }

    /// <summary>Under a hit: the copies folded into it, and its explanation when asked for.</summary>
    public static void WriteHitDetails(IAnsiConsole console, SearchHit hit)
    {
        if (hit.Duplicates is { } duplicates)
        {
            var sites = duplicates.Sites.Count > 0 ? ": " + string.Join(", ", duplicates.Sites) : "";
            console.MarkupLine($"   [dim]+ {Markup.Escape(Copies(duplicates.Count))} of this story{Markup.Escape(sites)}[/]");
        }
        if (hit.Explanation is { } explanation)
            WriteExplanation(console, explanation);
    }

    /// <summary>The score breakdown, one term a line, then each facet value's evidence.</summary>
    public static void WriteExplanation(IAnsiConsole console, HitExplanation explanation)
    {
        console.MarkupLine("   [dim]score:[/]");
        foreach (var line in explanation.Lines)
            console.MarkupLine($"     {Markup.Escape(line)}");
        if (explanation.Facets.Count == 0)
            return;
        console.MarkupLine("   [dim]facets:[/]");
        foreach (var evidence in explanation.Facets)
        {
            var rule = evidence.Rule is { } r ? $" [[{Markup.Escape(r)}]]" : "";
            console.MarkupLine($"     {Markup.Escape(evidence.Facet)} = {Markup.Escape(evidence.Value)}{rule}: \"{Markup.Escape(evidence.Sentence)}\"");
        }
    }

    private static string Copies(int count) => count == 1 ? "1 copy" : $"{count.ToString(CultureInfo.InvariantCulture)} copies";

    private static string Articles(int count) => count == 1 ? "1 article" : $"{count.ToString(CultureInfo.InvariantCulture)} articles";
}
