using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Search.Ingest.Extraction;

namespace Search.Ingest.Reading;

/// <summary>What an HTML page says about its article.</summary>
/// <param name="Title">The headline, or <c>null</c>.</param>
/// <param name="Text">The main content as paragraphs separated by blank lines.</param>
/// <param name="Url">The canonical address, when the page states one.</param>
/// <param name="Published">The publication date from meta tags, JSON-LD or <c>&lt;time&gt;</c>.</param>
public sealed record HtmlArticle(string? Title, string Text, string? Url, DateTimeOffset? Published);

/// <summary>
/// Extracts the article from a saved news page: drops navigation, headers, footers, asides,
/// scripts, styles and forms; takes the main <c>&lt;article&gt;</c> or <c>&lt;main&gt;</c>, else the
/// element with the most paragraph text.
/// </summary>
public static partial class HtmlArticleParser
{
    private static readonly string[] Chrome =
        ["script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe", "svg", "button", "select", "figure", "figcaption"];

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote",
        "pre", "table", "tr", "td", "th", "dd", "dt", "dl", "address",
    };

    /// <summary>Parses <paramref name="html"/>.</summary>
    public static HtmlArticle Parse(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var document = new HtmlParser().ParseDocument(html);
        var title = FindTitle(document);
        var published = FindPublished(document);
        var url = Meta(document, "og:url") ?? document.QuerySelector("link[rel='canonical']")?.GetAttribute("href");
        foreach (var element in document.QuerySelectorAll(string.Join(',', Chrome)).ToArray())
            element.Remove();
        foreach (var element in document.QuerySelectorAll("[role='navigation'],[role='banner'],[role='contentinfo'],[aria-hidden='true']").ToArray())
            element.Remove();
        var content = MainContent(document);
        var builder = new StringBuilder();
        if (content is not null)
            AppendText(content, builder);
        var text = string.Join("\n\n", builder.ToString().Split('\n')
            .Select(l => Spaces().Replace(l, " ").Trim())
            .Where(l => l.Length > 0));
        return new HtmlArticle(title, text, string.IsNullOrWhiteSpace(url) ? null : url.Trim(), published);
    }

    private static IElement? MainContent(IDocument document)
    {
        var articles = document.QuerySelectorAll("article");
        if (articles.Length > 0)
            return articles.MaxBy(ParagraphTextLength);
        if (document.QuerySelector("main, [role='main']") is { } main)
            return main;
        // The element whose own paragraphs carry the most text is the article body.
        var best = document.QuerySelectorAll("div, section, td")
            .Select(e => (Element: e, Score: e.Children.Where(c => c.LocalName == "p").Sum(p => p.TextContent.Trim().Length)))
            .MaxBy(x => x.Score);
        return best.Score > 0 ? best.Element : document.Body;
    }

    private static int ParagraphTextLength(IElement element) =>
        element.QuerySelectorAll("p").Sum(p => p.TextContent.Trim().Length) + element.TextContent.Length / 10;

    private static void AppendText(INode node, StringBuilder builder)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child.NodeType == NodeType.Text)
            {
                builder.Append(child.TextContent.Replace('\n', ' '));
            }
            else if (child is IElement element)
            {
                if (element.LocalName == "br")
                {
                    builder.Append('\n');
                    continue;
                }
                var block = BlockElements.Contains(element.LocalName);
                if (block)
                    builder.Append('\n');
                AppendText(element, builder);
                if (block)
                    builder.Append('\n');
            }
        }
    }

    private static string? FindTitle(IDocument document)
    {
        var candidates = new[]
        {
            PipeSuffix().Replace(Meta(document, "og:title") ?? "", ""),
            PipeSuffix().Replace(Meta(document, "twitter:title") ?? "", ""),
            document.QuerySelector("h1")?.TextContent,
            SiteSuffix().Replace(document.Title ?? "", ""),
        };
        return candidates.Select(c => c is null ? "" : Spaces().Replace(c, " ").Trim()).FirstOrDefault(c => c.Length > 0);
    }

    private static DateTimeOffset? FindPublished(IDocument document)
    {
        var metaValues = new[]
        {
            Meta(document, "article:published_time"), Meta(document, "og:published_time"), Meta(document, "datePublished"),
            Meta(document, "pubdate"), Meta(document, "publishdate"), Meta(document, "date"), Meta(document, "dc.date"),
            Meta(document, "dc.date.issued"),
        };
        foreach (var value in metaValues)
        {
            if (DateParser.ParseMetadata(value) is { } date)
                return date;
        }
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            if (JsonLdDate(script.TextContent) is { } date)
                return date;
        }
        foreach (var time in document.QuerySelectorAll("time[datetime]"))
        {
            if (DateParser.ParseMetadata(time.GetAttribute("datetime")) is { } date)
                return date;
        }
        return null;
    }

    private static DateTimeOffset? JsonLdDate(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return DateParser.ParseMetadata(FindProperty(doc.RootElement, "datePublished"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? FindProperty(JsonElement element, string name)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.NameEquals(name) && property.Value.ValueKind == JsonValueKind.String)
                        return property.Value.GetString();
                }
                foreach (var property in element.EnumerateObject())
                {
                    if (FindProperty(property.Value, name) is { } nested)
                        return nested;
                }
                return null;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (FindProperty(item, name) is { } found)
                        return found;
                }
                return null;
            default:
                return null;
        }
    }

    private static string? Meta(IDocument document, string key)
    {
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var name = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase) && meta.GetAttribute("content") is { Length: > 0 } content)
                return content;
        }
        return null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    // " | Dawn", " - The Express Tribune", " — Site": the site name a <title> carries after the headline.
    [GeneratedRegex(@"\s+[|\u2013\u2014\-]\s+[^|\u2013\u2014]{1,40}$")]
    private static partial Regex SiteSuffix();

    // Social titles keep a dash inside the headline, so only a "|" suffix is the site name there.
    [GeneratedRegex(@"\s+\|\s+[^|]{1,40}$")]
    private static partial Regex PipeSuffix();
}
