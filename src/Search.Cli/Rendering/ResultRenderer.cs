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
    /// <summary>
    /// How a matched term looks on a terminal: bold and underlined, which shows on light and dark
    /// backgrounds alike and needs no colour (so it survives <c>NO_COLOR</c>).
    /// </summary>
    public const string MatchStyle = "bold underline";

    // Passages and facet lists that wrap continue under their first character, not at column 0.
    private const int HitIndent = 3;

    /// <summary>
    /// Writes the response. Hits are numbered from <paramref name="firstHitNumber"/>; facet values
    /// are numbered from 1 when <paramref name="numberFacets"/> (the shell picks them by number).
    /// </summary>
    /// <returns>The facet values in the order shown, with their numbers.</returns>
    public static IReadOnlyList<NumberedFacetValue> Write(IAnsiConsole console, SearchResponse response, FacetSchema facets, int firstHitNumber = 1, bool numberFacets = false)
    {
        foreach (var warning in response.Warnings)
            console.MarkupLine($"[yellow]note:[/] {Markup.Escape(warning)}");
        DiscoveryRenderer.WriteSuggestion(console, response);
        if (response.Hits.Count == 0)
            console.MarkupLine(response.Total == 0 ? NoMatches(response) : "No hits on this page.");
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
        console.MarkupLine($"{number.ToString(CultureInfo.InvariantCulture)}. [bold]{Highlight(hit.TitleHighlight)}[/] [dim]({DateText(hit.Published, values(FacetNames.Year))})[/]");
        console.MarkupLine("   " + FacetLines(facets, values, "  "));
        foreach (var passage in hit.Passages)
            console.Write(new Padder(new Markup(Highlight(passage)), new Padding(HitIndent, 0, 0, 0)) { Expand = false });
        DiscoveryRenderer.WriteHitDetails(console, hit);
        console.WriteLine();
    }

    /// <summary>Facet counts, one line per facet.</summary>
    public static IReadOnlyList<NumberedFacetValue> WriteFacets(IAnsiConsole console, IReadOnlyList<FacetResult> facets, bool numbered)
    {
        var shown = new List<NumberedFacetValue>();
        var width = facets.Count == 0 ? 0 : facets.Max(f => f.Name.Length) + 1;
        var lineWidth = console.Profile.Width;
        foreach (var facet in facets.Where(f => f.Values.Count > 0))
        {
            var values = new List<(string Markup, int Length)>();
            foreach (var value in facet.Values)
            {
                var item = new NumberedFacetValue(shown.Count + 1, facet.Name, value.Value, value.Selected);
                shown.Add(item);
                var label = $"{value.Value} ({value.Count.ToString(CultureInfo.InvariantCulture)}){(value.Selected ? " ✓" : "")}";
                var text = numbered ? $"[{item.Number.ToString(CultureInfo.InvariantCulture)}] {label}" : label;
                var markup = Markup.Escape(text);
                values.Add((value.Selected ? $"[bold green]{markup}[/]" : markup, text.Length));
            }
            var lines = PackItems(values, lineWidth - width - 1);
            console.MarkupLine($"[dim]{Markup.Escape((facet.Name + ":").PadRight(width))}[/] {string.Join("\n" + new string(' ', width + 1), lines)}");
        }
        return shown;
    }

    /// <summary>
    /// Items joined by two spaces into lines of at most <paramref name="width"/> characters, breaking
    /// only between items, so "[3] Mike Pompeo (2)" is never split across lines.
    /// </summary>
    public static IReadOnlyList<string> PackItems(IReadOnlyList<(string Markup, int Length)> items, int width)
    {
        var lines = new List<string>();
        var line = new System.Text.StringBuilder();
        var used = 0;
        foreach (var (markup, length) in items)
        {
            if (used > 0 && used + 2 + length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
                used = 0;
            }
            if (used > 0)
            {
                line.Append("  ");
                used += 2;
            }
            line.Append(markup);
            used += length;
        }
        lines.Add(line.ToString());
        return lines;
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

    /// <summary>
    /// The one way a result's date is shown in every text front end: the full date ("2020-02-12"),
    /// else the year when only that is known, else "undated".
    /// </summary>
    public static string DateText(DateTimeOffset? published, IReadOnlyList<string> year) =>
        published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? YearText(year);

    /// <summary>An empty result, with how many articles match without the filters when that is known.</summary>
    public static string NoMatches(SearchResponse response) => response.TotalWithoutFilters switch
    {
        null or 0 => "No articles match.",
        1 => "No articles match these filters; 1 article matches without them (remove the filters to see it).",
        var n => $"No articles match these filters; {n.Value.ToString(CultureInfo.InvariantCulture)} articles match without them (remove the filters to see them).",
    };

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
