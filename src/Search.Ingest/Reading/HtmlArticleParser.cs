using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Search.Ingest.Extraction;

namespace Search.Ingest.Reading;

/// <summary>What an HTML page says about its article.</summary>
/// <param name="Title">The headline, or <c>null</c>.</param>
/// <param name="Text">The main content as paragraphs separated by blank lines; empty when the page has none.</param>
/// <param name="Url">The canonical address (<c>&lt;link rel="canonical"&gt;</c>, else <c>og:url</c>) when it is an absolute http(s) address.</param>
/// <param name="Published">The publication date from meta tags, JSON-LD or <c>&lt;time&gt;</c>.</param>
/// <param name="Byline">Who wrote the article, as the page credits them, or <c>null</c>.</param>
/// <param name="SiteName">The publication's name, or <c>null</c>.</param>
/// <param name="Language">The page's language tag (such as <c>en</c> or <c>fr-FR</c>), or <c>null</c>.</param>
public sealed record HtmlArticle(
    string? Title,
    string Text,
    string? Url,
    DateTimeOffset? Published,
    string? Byline = null,
    string? SiteName = null,
    string? Language = null);

/// <summary>
/// Reads the article out of a saved web page. The main content, title, byline, site name and
/// language come from SmartReader (a port of Mozilla Readability); the canonical address and the
/// publication date come from our own rules (JSON-LD <c>datePublished</c>, then
/// <c>article:published_time</c> and similar meta tags, then <c>&lt;time datetime&gt;</c>), with
/// SmartReader's date as a fallback.
/// </summary>
/// <remarks>
/// <see cref="Parse"/> never throws for any input string: a page the library cannot read yields the
/// metadata found and the page's visible text (or empty text, which the file reader reports as a skip).
/// </remarks>
public static partial class HtmlArticleParser
{
    // SmartReader resolves relative links against the page's address; a page that states none gets a neutral one.
    private const string NoAddress = "http://localhost/";

    // SmartReader walks the tree recursively: a page nested deeper than this could overflow the stack,
    // which ends the process where no catch can help, so such a page is read as plain text instead.
    private const int MaxLibraryDepth = 400;

    // A parse checks the open elements for each new one, so a page nested deeper than this would take
    // seconds (20,000 levels took 9 s) and is read as plain text without one.
    private const int MaxParseDepth = 4_096;

    private static readonly string[] DateMetaKeys =
    [
        "article:published_time", "og:published_time", "datePublished", "pubdate", "publishdate", "date", "dc.date", "dc.date.issued",
    ];

    private static readonly string[] TitleSeparators = ["|", "-", "\u2013", "\u2014", "\u00B7", "::"];

    /// <summary>Elements whose text stands as a paragraph of its own.</summary>
    internal static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "figure", "figcaption",
        "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "pre", "table", "tr", "td", "th",
        "dd", "dt", "dl", "address", "hr",
    };

    private static readonly HashSet<string> Invisible = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "head", "title", "svg",
    };

    /// <summary>Reads the article in <paramref name="html"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="html"/> is <c>null</c>.</exception>
    public static HtmlArticle Parse(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (MarkupScan.Depth(html) > MaxParseDepth)
            return new HtmlArticle(MarkupScan.Title(html), MarkupScan.Text(html), null, null);
        var parser = new HtmlParser();
        var document = parser.ParseDocument(html);
        // Our rules read the page before SmartReader, which removes and rewrites elements as it goes.
        var url = FindUrl(document);
        var published = FindPublished(document);
        var title = FallbackTitle(document);
        var read = Depth(document) <= MaxLibraryDepth ? ReadWithLibrary(document, url) : null;
        if (read is null)
        {
            // The library may have left the document half rewritten, so the page's own text comes from a fresh parse.
            var body = parser.ParseDocument(html).Body;
            return new HtmlArticle(title, body is null ? "" : PlainText(body), url, published);
        }
        // The metadata's author names the writer; the byline found in the text often carries "By", dates or a role.
        var byline = Clean(read.Author) ?? Clean(read.Byline);
        var siteName = Clean(read.SiteName);
        var text = string.IsNullOrWhiteSpace(read.Content) ? "" : PlainText(parser.ParseDocument(read.Content).Body!);
        return new HtmlArticle(
            WithoutSiteName(Clean(read.Title), siteName) ?? title,
            WithoutByline(text, Clean(read.Byline)),
            url,
            published ?? AsOffset(read.PublicationDate),
            byline,
            siteName,
            Clean(read.Language));
    }

    /// <summary>
    /// The visible text under <paramref name="node"/>: block elements become paragraphs separated by
    /// blank lines, white space inside a paragraph is collapsed, scripts and styles are left out.
    /// </summary>
    internal static string PlainText(INode node)
    {
        var builder = new StringBuilder();
        AppendText(node, builder);
        return Paragraphs(builder.ToString());
    }

    /// <summary>Each non-blank line of <paramref name="lines"/> as a paragraph, its white space collapsed, separated by blank lines.</summary>
    internal static string Paragraphs(string lines) =>
        string.Join("\n\n", lines.Split('\n').Select(l => Spaces().Replace(l, " ").Trim()).Where(l => l.Length > 0));

    private static SmartReader.Article? ReadWithLibrary(IHtmlDocument document, string? url)
    {
        try
        {
            var article = new SmartReader.Reader(url ?? NoAddress, document).GetArticle();
            return article.Completed ? article : null;
        }
        catch (Exception)
        {
            // A third-party reader failing on one odd page must not cost the caller the page's metadata.
            return null;
        }
    }

    // Iterative rather than recursive, so a page nested thousands of levels deep cannot overflow the stack.
    private static void AppendText(INode root, StringBuilder builder)
    {
        var pending = new Stack<(INode Node, bool Closing)>();
        pending.Push((root, false));
        while (pending.TryPop(out var item))
        {
            var (node, closing) = item;
            if (closing)
            {
                builder.Append('\n');
                continue;
            }
            if (node.NodeType == NodeType.Text)
            {
                builder.Append(node.TextContent.Replace('\n', ' '));
                continue;
            }
            var element = node as IElement;
            if (element is not null && Invisible.Contains(element.LocalName))
                continue;
            if (element?.LocalName == "br")
            {
                builder.Append('\n');
                continue;
            }
            var block = element is not null && BlockElements.Contains(element.LocalName);
            if (block)
            {
                builder.Append('\n');
                pending.Push((node, true));
            }
            for (var child = node.LastChild; child is not null; child = child.PreviousSibling)
                pending.Push((child, false));
        }
    }

    private static int Depth(IDocument document)
    {
        var deepest = 0;
        var pending = new Stack<(IElement Element, int Depth)>();
        if (document.DocumentElement is { } root)
            pending.Push((root, 1));
        while (pending.TryPop(out var item))
        {
            deepest = Math.Max(deepest, item.Depth);
            foreach (var child in item.Element.Children)
                pending.Push((child, item.Depth + 1));
        }
        return deepest;
    }

    // "Harbour reopens | Example News": the site's name after the headline says nothing about the article.
    private static string? WithoutSiteName(string? title, string? siteName)
    {
        if (title is null || siteName is null)
            return title;
        foreach (var separator in TitleSeparators)
        {
            var suffix = $" {separator} {siteName}";
            if (title.Length > suffix.Length && title.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                return title[..^suffix.Length].TrimEnd();
        }
        return title;
    }

    // On a short page the library retries with its cleaning relaxed and keeps the byline paragraph it found the first time.
    private static string WithoutByline(string text, string? byline)
    {
        if (byline is null)
            return text;
        var paragraphs = text.Split("\n\n");
        var kept = paragraphs.Where(p => !string.Equals(p, byline, StringComparison.OrdinalIgnoreCase)).ToArray();
        return kept.Length == paragraphs.Length ? text : string.Join("\n\n", kept);
    }

    private static string? FindUrl(IDocument document)
    {
        var candidates = new[] { document.QuerySelector("link[rel~='canonical' i]")?.GetAttribute("href"), Meta(document, "og:url") };
        foreach (var candidate in candidates)
        {
            if (Uri.TryCreate(candidate?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
                return uri.AbsoluteUri;
        }
        return null;
    }

    private static string? FallbackTitle(IDocument document) =>
        Clean(Meta(document, "og:title")) ?? Clean(document.QuerySelector("h1")?.TextContent) ?? Clean(document.Title);

    // JSON-LD first: its datePublished is stated as such, while sites reuse the meta tags for the last edit.
    private static DateTimeOffset? FindPublished(IDocument document)
    {
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json' i]"))
        {
            if (JsonLdDate(script.TextContent) is { } date)
                return date;
        }
        foreach (var key in DateMetaKeys)
        {
            if (DateParser.ParseMetadata(Meta(document, key)) is { } date)
                return date;
        }
        foreach (var time in document.QuerySelectorAll("time[datetime]"))
        {
            if (DateParser.ParseMetadata(time.GetAttribute("datetime")) is { } date)
                return date;
        }
        return null;
    }

    private static DateTimeOffset? AsOffset(DateTime? date) => date switch
    {
        null => null,
        { Kind: DateTimeKind.Unspecified } d => new DateTimeOffset(d, TimeSpan.Zero),
        { } d => new DateTimeOffset(d.ToUniversalTime(), TimeSpan.Zero),
    };

    private static DateTimeOffset? JsonLdDate(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(CDataWrapper().Replace(json, ""));
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

    /// <summary><paramref name="value"/> with its white space collapsed, or <c>null</c> when nothing is left.</summary>
    internal static string? Clean(string? value)
    {
        if (value is null)
            return null;
        var cleaned = Spaces().Replace(value, " ").Trim();
        return cleaned.Length > 0 ? cleaned : null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    // Some sites wrap the JSON in a CDATA section, which a script element keeps as text.
    [GeneratedRegex(@"^\s*<!\[CDATA\[|\]\]>\s*$")]
    private static partial Regex CDataWrapper();
}
