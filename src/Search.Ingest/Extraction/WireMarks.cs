using System.Text.RegularExpressions;

namespace Search.Ingest.Extraction;

/// <summary>
/// Wire copy marks companies and tickers with angle brackets ("&lt;Nichols National Bank&gt;",
/// "&lt;IBM&gt;"). The index keeps them, so a company is found by its name; extraction reads the
/// text without them, because a bracketed name is a company's, not a speaker's, and a ticker can
/// spell a group's acronym ("&lt;BLA&gt;").
/// </summary>
internal static partial class WireMarks
{
    /// <summary><paramref name="text"/> without its angle-bracketed spans, each line's spaces left single and trimmed.</summary>
    public static string Hide(string text)
    {
        if (!text.Contains('<'))
            return text;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains('<'))
                lines[i] = DoubledSpace().Replace(Bracketed().Replace(lines[i], ""), " ").Trim();
        }
        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"<[^<>\n]{1,200}>")]
    private static partial Regex Bracketed();

    [GeneratedRegex(" {2,}")]
    private static partial Regex DoubledSpace();
}
