using System.Globalization;
using Search.Core;
using Spectre.Console;

namespace Search.Cli.Rendering;

/// <summary>Writes a quote search for people: each statement with its speaker and article, then the facet counts.</summary>
internal static class QuoteRenderer
{
    /// <summary>Writes the response; statements are numbered from <paramref name="firstNumber"/>.</summary>
    public static void Write(IAnsiConsole console, QuoteResponse response, int firstNumber = 1)
    {
        if (response.Quotes.Count == 0)
            console.MarkupLine(response.Total == 0 ? "No statements match." : "No statements on this page.");
        for (var i = 0; i < response.Quotes.Count; i++)
        {
            var quote = response.Quotes[i];
            var year = quote.Year?.ToString(CultureInfo.InvariantCulture) ?? "undated";
            console.MarkupLine($"{(firstNumber + i).ToString(CultureInfo.InvariantCulture)}. [bold]{Markup.Escape(quote.Speaker)}[/]: “{ResultRenderer.Highlight(quote.Text)}”");
            console.MarkupLine($"   [dim]{Markup.Escape(quote.Title)} ({year})[/]");
            console.WriteLine();
        }
        ResultRenderer.WriteFacets(console, response.Facets, numbered: false);
        var took = response.Took.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
        var total = response.Total == 1 ? "1 statement" : $"{response.Total.ToString(CultureInfo.InvariantCulture)} statements";
        console.MarkupLine($"[bold]{total}[/] [dim]in {took} ms[/]");
    }
}
