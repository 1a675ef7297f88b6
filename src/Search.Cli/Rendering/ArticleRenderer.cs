using System.Globalization;
using Search.Core;
using Spectre.Console;

namespace Search.Cli.Rendering;

/// <summary>Writes a whole article: title, metadata, the evidence for each facet value, then the text.</summary>
internal static class ArticleRenderer
{
    /// <summary>Writes the article with the search's matches highlighted in its title and text.</summary>
    public static void Write(IAnsiConsole console, ArticleHighlight highlight, FacetSchema facets)
    {
        var article = highlight.Article;
        console.MarkupLine($"[bold]{ResultRenderer.Highlight(highlight.Title)}[/]");
        console.MarkupLine($"[dim]id:[/] {Markup.Escape(article.Id)}  [dim]year:[/] {ResultRenderer.YearText(article.Values(FacetNames.Year))}"
            + (article.Published is { } published ? $"  [dim]published:[/] {published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : ""));
        if (article.Url is not null)
            console.MarkupLine($"[dim]url:[/] {Markup.Escape(article.Url)}");
        if (article.Byline is not null)
            console.MarkupLine($"[dim]by:[/] {Markup.Escape(article.Byline)}");
        if (article.Source is not null)
            console.MarkupLine($"[dim]source:[/] {Markup.Escape(article.Source)}");
        console.MarkupLine(ResultRenderer.FacetLines(facets, article.Values, "\n"));
        if (article.Evidence.Count > 0)
        {
            console.MarkupLine("[dim]evidence:[/]");
            foreach (var evidence in article.Evidence)
                console.MarkupLine($"  {Markup.Escape(evidence.Facet)} [bold]{Markup.Escape(evidence.Value)}[/]: {Markup.Escape(evidence.Sentence)}");
        }
        console.WriteLine();
        console.MarkupLine(ResultRenderer.Highlight(highlight.Body));
    }
}
