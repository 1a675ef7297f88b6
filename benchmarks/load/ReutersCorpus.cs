using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Search.Core;
using Search.Ingest.Extraction;

namespace Search.Load;

/// <summary>
/// Reads Reuters-21578 (SGML, Latin-1): each &lt;REUTERS&gt; element's NEWID, DATE, TITLE and BODY.
/// Stories without a body are left out. Facets are extracted through Search.Ingest like any article.
/// </summary>
internal static partial class ReutersCorpus
{
    public static IEnumerable<Article> Read(string folder)
    {
        var latin1 = Encoding.Latin1;
        foreach (var file in Directory.EnumerateFiles(folder, "reut2-*.sgm").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file, latin1);
            foreach (Match story in StoryPattern().Matches(text))
            {
                var body = Element(story.Value, "BODY");
                if (string.IsNullOrWhiteSpace(body))
                    continue;
                var input = new ArticleInput
                {
                    Id = "reuters-" + story.Groups["id"].Value,
                    Text = body,
                    Title = Element(story.Value, "TITLE"),
                    Source = Path.GetFileName(file),
                    Published = ParseDate(Element(story.Value, "DATE")),
                };
                yield return ArticleExtractor.Default.Extract(input);
            }
        }
    }

    private static string? Element(string story, string name)
    {
        var start = story.IndexOf($"<{name}>", StringComparison.Ordinal);
        if (start < 0)
            return null;
        start += name.Length + 2;
        var end = story.IndexOf($"</{name}>", start, StringComparison.Ordinal);
        var raw = end < 0 ? story[start..] : story[start..end];
        // Bodies end with a control-character trailer ("&#3;") and use SGML entities for < > &.
        return WebUtility.HtmlDecode(raw).Replace("\u0003", "", StringComparison.Ordinal).Trim();
    }

    private static DateTimeOffset? ParseDate(string? value)
    {
        if (value is null)
            return null;
        var trimmed = value.Trim();
        var dot = trimmed.IndexOf('.');
        if (dot > 0)
            trimmed = trimmed[..dot];
        return DateTime.TryParseExact(trimmed, "d-MMM-yyyy HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)
            ? new DateTimeOffset(date, TimeSpan.Zero)
            : null;
    }

    [GeneratedRegex("""<REUTERS[^>]*NEWID="(?<id>\d+)"[^>]*>.*?</REUTERS>""", RegexOptions.Singleline)]
    private static partial Regex StoryPattern();
}
