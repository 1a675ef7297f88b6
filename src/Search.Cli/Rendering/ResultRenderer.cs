using System.Globalization;
using Search.Core;
using Spectre.Console;

namespace Search.Cli.Rendering;

/// <summary>A facet value shown with a number the shell can pick it by.</summary>
/// <param name="Number">The number shown, from 1.</param>
/// <param name="Facet">The facet name.</param>
/// <param name="Value">The value.</param>
/// <param name="Selected">Whether the search filters on it already.</param>
internal sealed record NumberedFacetValue(int Number, string Facet, string Value, bool Selected);

/// <summary>
/// Writes search results for people: hits with highlighted passages, then facet counts, then the
/// total and time. Everything is written as Spectre markup, so a terminal gets colour and a pipe
/// gets plain text from the same code.
/// </summary>
internal static class ResultRenderer
{
    /// <summary>How a matched term looks on a terminal.</summary>
    public const string MatchStyle = "bold yellow";

    /// <summary>
    /// Writes the response. Hits are numbered from <paramref name="firstHitNumber"/>; facet values
    /// are numbered from 1 when <paramref name="numberFacets"/> (the shell picks them by number).
    /// </summary>
    /// <returns>The facet values in the order shown, with their numbers.</returns>
    public static IReadOnlyList<NumberedFacetValue> Write(IAnsiConsole console, SearchResponse response, FacetSchema facets, int firstHitNumber = 1, bool numberFacets = false)
    {
        foreach (var warning in response.Warnings)
            console.MarkupLine($"[yellow]note:[/] {Markup.Escape(warning)}");
        if (response.Hits.Count == 0)
            console.MarkupLine(response.Total == 0 ? "No articles match." : "No hits on this page.");
        for (var i = 0; i < response.Hits.Count; i++)
            WriteHit(console, response.Hits[i], facets, firstHitNumber + i);

        var numbered = WriteFacets(console, response.Facets, numberFacets);
        console.MarkupLine(Summary(response, firstHitNumber));
        return numbered;
    }

    /// <summary>One hit: number, title and year, then the other facets' values, then the passages.</summary>
    public static void WriteHit(IAnsiConsole console, SearchHit hit, FacetSchema facets, int number)
    {
        var values = (string facet) => hit.Facets.TryGetValue(facet, out var v) ? v : [];
        console.MarkupLine($"{number.ToString(CultureInfo.InvariantCulture)}. [bold]{Highlight(hit.TitleHighlight)}[/] [dim]({YearText(values(FacetNames.Year))})[/]");
        console.MarkupLine("   " + FacetLines(facets, values, "  "));
        foreach (var passage in hit.Passages)
            console.MarkupLine($"   {Highlight(passage)}");
        console.WriteLine();
    }

    /// <summary>Facet counts, one line per facet.</summary>
    public static IReadOnlyList<NumberedFacetValue> WriteFacets(IAnsiConsole console, IReadOnlyList<FacetResult> facets, bool numbered)
    {
        var shown = new List<NumberedFacetValue>();
        var width = facets.Count == 0 ? 0 : facets.Max(f => f.Name.Length) + 1;
        foreach (var facet in facets.Where(f => f.Values.Count > 0))
        {
            var values = new List<string>();
            foreach (var value in facet.Values)
            {
                var item = new NumberedFacetValue(shown.Count + 1, facet.Name, value.Value, value.Selected);
                shown.Add(item);
                var label = $"{Markup.Escape(value.Value)} ({value.Count.ToString(CultureInfo.InvariantCulture)})";
                if (value.Selected)
                    label = $"[bold green]{label} ✓[/]";
                values.Add(numbered ? $"[[{item.Number.ToString(CultureInfo.InvariantCulture)}]] {label}" : label);
            }
            console.MarkupLine($"[dim]{Markup.Escape((facet.Name + ":").PadRight(width))}[/] {string.Join("  ", values)}");
        }
        return shown;
    }

    /// <summary>The closing line: how many hits, which are shown, and how long the search took.</summary>
    public static string Summary(SearchResponse response, int firstHitNumber)
    {
        var took = response.Took.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
        var total = response.Total == 1 ? "1 article" : $"{response.Total.ToString(CultureInfo.InvariantCulture)} articles";
        var range = response.Hits.Count > 0 && response.Hits.Count < response.Total
            ? $", showing {firstHitNumber.ToString(CultureInfo.InvariantCulture)}–{(firstHitNumber + response.Hits.Count - 1).ToString(CultureInfo.InvariantCulture)}"
            : "";
        return $"[bold]{total}[/]{range} [dim]in {took} ms[/]";
    }

    /// <summary>Text as markup with each match styled with <see cref="MatchStyle"/>.</summary>
    public static string Highlight(HighlightedText text) => text.Render(Markup.Escape, $"[{MatchStyle}]", "[/]");

    /// <summary>The year (the first value of the year facet), or "undated".</summary>
    public static string YearText(IReadOnlyList<string> year) => year.FirstOrDefault() ?? "undated";

    /// <summary>
    /// Every facet but the year (which stands by the title) as "label: values", in schema order,
    /// joined by <paramref name="separator"/>.
    /// </summary>
    public static string FacetLines(FacetSchema facets, Func<string, IReadOnlyList<string>> values, string separator) =>
        string.Join(separator, facets.Definitions
            // Periods (year, month) are the date, which the title line already shows.
            .Where(f => f.Period is null)
            .Select(f => $"[dim]{Markup.Escape(f.Label.ToLowerInvariant())}:[/] {Markup.Escape(List(values(f.Name)))}"));

    /// <summary>Values joined with commas, or "none".</summary>
    public static string List(IReadOnlyList<string> values) => values.Count == 0 ? "none" : string.Join(", ", values);
}
