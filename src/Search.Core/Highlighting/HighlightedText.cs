using System.Net;
using System.Text;

namespace Search.Core;

/// <summary>
/// Text with the places a query matched. The text is plain; rendering to HTML (or to a terminal)
/// happens at the edge, from the same ranges.
/// </summary>
/// <param name="Text">Plain text, with "…" where surrounding text was left out.</param>
/// <param name="Matches">Matched ranges: sorted, non-overlapping, within <paramref name="Text"/>.</param>
public sealed record HighlightedText(string Text, IReadOnlyList<TextRange> Matches)
{
    /// <summary>Text without any match.</summary>
    public static HighlightedText Plain(string text) => new(text, []);

    /// <summary>The text HTML-escaped, with each match wrapped in <c>&lt;mark&gt;…&lt;/mark&gt;</c>. Safe to insert as HTML.</summary>
    public string Html => Render(WebUtility.HtmlEncode, "<mark>", "</mark>");

    /// <summary>Renders the text with a custom escape and match delimiters (for example ANSI codes for a terminal).</summary>
    public string Render(Func<string, string> escape, string open, string close)
    {
        ArgumentNullException.ThrowIfNull(escape);
        var builder = new StringBuilder(Text.Length + Matches.Count * (open.Length + close.Length));
        var at = 0;
        foreach (var match in Matches)
        {
            builder.Append(escape(Text[at..match.Start])).Append(open).Append(escape(Text.Substring(match.Start, match.Length))).Append(close);
            at = match.End;
        }
        return builder.Append(escape(Text[at..])).ToString();
    }
}

/// <summary>A range of characters.</summary>
/// <param name="Start">Offset of the first character.</param>
/// <param name="Length">Number of characters.</param>
public readonly record struct TextRange(int Start, int Length)
{
    /// <summary>Offset just past the last character.</summary>
    public int End => Start + Length;

    /// <summary>Sorts ranges and merges those that overlap or touch.</summary>
    public static IReadOnlyList<TextRange> Merge(IEnumerable<TextRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        var sorted = new List<TextRange>(ranges is IReadOnlyCollection<TextRange> known ? known.Count : 4);
        foreach (var range in ranges)
        {
            if (range.Length > 0)
                sorted.Add(range);
        }
        // Ranges equal in start and length are the same range, so an unstable sort orders them as a stable one would.
        sorted.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var merged = new List<TextRange>(sorted.Count);
        foreach (var range in sorted)
        {
            if (merged.Count > 0 && range.Start <= merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = new TextRange(last.Start, Math.Max(last.End, range.End) - last.Start);
            }
            else
            {
                merged.Add(range);
            }
        }
        return merged;
    }
}
