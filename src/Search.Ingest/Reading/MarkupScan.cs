using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Search.Ingest.Reading;

/// <summary>
/// One linear pass over a page's tags, without building a document: how deep its elements nest, and
/// its text for a page too deep to parse. An HTML parser checks the stack of open elements for each
/// new one, so its time grows with the square of the nesting: 20,000 nested &lt;div&gt;s (220 KB)
/// took AngleSharp 9 s, and a 10 MB file of them would take hours.
/// </summary>
internal static partial class MarkupScan
{
    // Elements that never hold others, and those whose content is text up to their end tag.
    private static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "template", "svg",
    };

    // Looked up by span, so scanning a page makes no string per tag.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> VoidNames = Void.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> RawTextNames = RawText.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BlockNames = HtmlArticleParser.BlockElements.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The deepest nesting of the page's elements: every start tag that is not void or self-closed
    /// opens a level, and an end tag closes the levels down to the element it names, as a parser's
    /// does; an end tag naming no open element closes nothing ("&lt;/br&gt;" after each of 20,000
    /// &lt;div&gt;s must not hide them). Elements a parser closes by itself (a second &lt;p&gt;) count
    /// as still open, so this is at least the parser's depth.
    /// </summary>
    public static int Depth(string html)
    {
        // Each open element as where its name stands in the page.
        var open = new List<(int Start, int Length)>();
        // How many of each name are open, so an end tag learns at once whether it closes anything.
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        var deepest = 0;
        foreach (var tag in Tags(html))
        {
            var name = html.AsSpan(tag.NameStart, tag.NameLength);
            if (tag.Closing)
            {
                if (!counts.TryGetValue(name, out var count) || count == 0)
                    continue;
                ReadOnlySpan<char> closed;
                do
                {
                    var (start, length) = open[^1];
                    open.RemoveAt(open.Count - 1);
                    closed = html.AsSpan(start, length);
                    counts[closed]--;
                }
                while (!closed.Equals(name, StringComparison.OrdinalIgnoreCase));
            }
            else if (tag.Opens)
            {
                open.Add((tag.NameStart, tag.NameLength));
                counts[name] = counts.TryGetValue(name, out var count) ? count + 1 : 1;
                deepest = Math.Max(deepest, open.Count);
            }
        }
        return deepest;
    }

    /// <summary>The page's visible text: paragraphs at block elements, separated by blank lines; scripts, styles and comments left out.</summary>
    public static string Text(string html)
    {
        var builder = new StringBuilder();
        var from = 0;
        foreach (var tag in Tags(html))
        {
            builder.Append(WebUtility.HtmlDecode(html[from..tag.Start]));
            var name = html.AsSpan(tag.NameStart, tag.NameLength);
            if (BlockNames.Contains(name) || name.Equals("br", StringComparison.OrdinalIgnoreCase))
                builder.Append('\n');
            from = tag.End;
        }
        builder.Append(WebUtility.HtmlDecode(html[from..]));
        return HtmlArticleParser.Paragraphs(builder.ToString());
    }

    /// <summary>The text of the page's first &lt;title&gt;, or <c>null</c>.</summary>
    public static string? Title(string html) =>
        TitleElement().Match(html) is { Success: true } match ? HtmlArticleParser.Clean(WebUtility.HtmlDecode(match.Groups[1].Value)) : null;

    /// <param name="Start">Where the tag (or comment) starts.</param>
    /// <param name="End">Just past it; for an element whose content is raw text, just past its end tag.</param>
    /// <param name="NameStart">Where the element's name starts.</param>
    /// <param name="NameLength">The name's length; 0 for a comment or declaration.</param>
    /// <param name="Closing">An end tag.</param>
    /// <param name="Opens">A start tag that opens a level: not void, not self-closed, not raw text.</param>
    private readonly record struct Tag(int Start, int End, int NameStart, int NameLength, bool Closing, bool Opens);

    private static IEnumerable<Tag> Tags(string html)
    {
        var at = 0;
        while ((at = html.IndexOf('<', at)) >= 0 && at + 1 < html.Length)
        {
            var next = html[at + 1];
            if (next == '!' || next == '?')
            {
                var end = html.AsSpan(at).StartsWith("<!--") ? IndexAfter(html, "-->", at + 4) : IndexAfter(html, ">", at);
                yield return new Tag(at, end, at, 0, false, false);
                at = end;
                continue;
            }
            var closing = next == '/';
            var nameStart = at + (closing ? 2 : 1);
            if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
            {
                at++;
                continue;
            }
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':'))
                nameEnd++;
            var close = html.IndexOf('>', nameEnd);
            if (close < 0)
                yield break;
            var name = html.AsSpan(nameStart, nameEnd - nameStart);
            if (!closing && RawTextNames.Contains(name))
            {
                var end = html.IndexOf(string.Concat("</", name), close, StringComparison.OrdinalIgnoreCase);
                end = end < 0 ? html.Length : IndexAfter(html, ">", end);
                yield return new Tag(at, end, nameStart, nameEnd - nameStart, false, false);
                at = end;
                continue;
            }
            var opens = !closing && !VoidNames.Contains(html.AsSpan(nameStart, nameEnd - nameStart)) && html[close - 1] != '/';
            yield return new Tag(at, close + 1, nameStart, nameEnd - nameStart, closing, opens);
            at = close + 1;
        }
    }

    private static int IndexAfter(string html, string value, int from)
    {
        var found = html.IndexOf(value, from, StringComparison.Ordinal);
        return found < 0 ? html.Length : found + value.Length;
    }

    [GeneratedRegex(@"<title\b[^>]*>([^<]*)</title", RegexOptions.IgnoreCase)]
    private static partial Regex TitleElement();
}
