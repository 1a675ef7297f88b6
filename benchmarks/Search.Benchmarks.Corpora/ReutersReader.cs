using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Search.Core;

namespace Search.Benchmarks.Corpora;

/// <summary>
/// Reads the Reuters-21578 SGML distribution (<c>reut2-*.sgm</c>) as articles. The files are not
/// XML, so each story is cut out with patterns and read leniently as Latin-1. PEOPLE labels become
/// speakers ("james-baker" → "James Baker"), ORGS labels become groups (upper case: "imf" →
/// "IMF"), and DATE gives <see cref="Article.Published"/> and the year. Ids are <c>reuters-NEWID</c>.
/// </summary>
public static partial class ReutersReader
{
    private static readonly Encoding Latin1 = Encoding.Latin1;

    /// <summary>Streams every story of the <c>reut2-*.sgm</c> files in a folder, in file-name order.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static IEnumerable<Article> ReadFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"There is no Reuters folder at '{folder}'.");
        return Directory.EnumerateFiles(folder, "reut2-*.sgm").Order(StringComparer.Ordinal).SelectMany(ReadFile);
    }

    /// <summary>Reads the stories of one <c>.sgm</c> file (one file holds at most about 1.5 MB).</summary>
    public static IEnumerable<Article> ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Parse(File.ReadAllText(path, Latin1), Path.GetFileName(path));
    }

    /// <summary>Parses the stories in SGML text.</summary>
    /// <param name="sgml">The file's text, decoded as Latin-1.</param>
    /// <param name="source">Recorded as each article's <see cref="Article.Source"/>.</param>
    public static IEnumerable<Article> Parse(string sgml, string source)
    {
        ArgumentNullException.ThrowIfNull(sgml);
        foreach (Match story in StoryPattern().Matches(sgml))
        {
            var attributes = story.Groups["attrs"].Value;
            var inner = story.Groups["inner"].Value;
            var newId = NewIdPattern().Match(attributes);
            if (!newId.Success)
                continue;
            var published = ParseDate(Element(inner, "DATE"));
            var body = Element(inner, "BODY");
            if (body is null && UnprocessedPattern().Match(inner) is { Success: true } unprocessed)
                body = unprocessed.Groups[1].Value;
            yield return new Article
            {
                Id = "reuters-" + newId.Groups[1].Value,
                Title = Clean(Element(inner, "TITLE") ?? ""),
                Body = Clean(body ?? ""),
                Source = source,
                Published = published,
                Facets = new Dictionary<string, IReadOnlyList<string>>
                {
                    [FacetNames.Year] = published is { } date ? [date.Year.ToString(CultureInfo.InvariantCulture)] : [],
                    [FacetNames.Speaker] = Labels(inner, "PEOPLE").Select(PersonName).ToArray(),
                    [FacetNames.Group] = Labels(inner, "ORGS").Select(o => o.ToUpperInvariant()).ToArray(),
                },
            };
        }
    }

    private static string? Element(string text, string name)
    {
        var start = text.IndexOf("<" + name + ">", StringComparison.Ordinal);
        if (start < 0)
            return null;
        start += name.Length + 2;
        var end = text.IndexOf("</" + name + ">", start, StringComparison.Ordinal);
        return end < 0 ? null : text[start..end];
    }

    private static IEnumerable<string> Labels(string text, string name) =>
        Element(text, name) is { } list ? LabelPattern().Matches(list).Select(m => m.Groups[1].Value.Trim()).Where(v => v.Length > 0) : [];

    private static string PersonName(string label) =>
        string.Join(' ', label.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private static DateTimeOffset? ParseDate(string? text)
    {
        if (text is null)
            return null;
        // "26-FEB-1987 15:01:01.79"; some stories have two spaces before the time, stray characters
        // after the fraction, or a malformed time ("605:12:19"), which leaves just the day.
        var match = DatePattern().Match(text);
        if (!match.Success)
            return null;
        const DateTimeStyles utc = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;
        if (DateTime.TryParseExact(match.Groups[1].Value + " " + match.Groups[2].Value, "d-MMM-yyyy HH:mm:ss", CultureInfo.InvariantCulture, utc, out var date)
            || DateTime.TryParseExact(match.Groups[1].Value, "d-MMM-yyyy", CultureInfo.InvariantCulture, utc, out date))
            return new DateTimeOffset(date, TimeSpan.Zero);
        return null;
    }

    /// <summary>Resolves the entities the collection uses and drops its control-character references.</summary>
    internal static string Clean(string text)
    {
        var decoded = EntityPattern().Replace(text, m => m.Groups[1].Value switch
        {
            "lt" => "<",
            "gt" => ">",
            "amp" => "&",
            "quot" => "\"",
            var number when number.StartsWith('#') && int.TryParse(number.AsSpan(1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var code)
                => code >= 32 ? ((char)code).ToString() : "",
            _ => m.Value,
        });
        decoded = decoded.Trim();
        // The wire's sign-off closes most bodies and is not part of the story.
        if (decoded.EndsWith("Reuter", StringComparison.Ordinal))
            decoded = decoded[..^"Reuter".Length].TrimEnd();
        return decoded;
    }

    [GeneratedRegex(@"<REUTERS(?<attrs>[^>]*)>(?<inner>.*?)</REUTERS>", RegexOptions.Singleline)]
    private static partial Regex StoryPattern();

    [GeneratedRegex(@"NEWID=""(\d+)""")]
    private static partial Regex NewIdPattern();

    [GeneratedRegex(@"<D>(.*?)</D>", RegexOptions.Singleline)]
    private static partial Regex LabelPattern();

    [GeneratedRegex(@"<TEXT TYPE=""UNPROC"">(.*?)</TEXT>", RegexOptions.Singleline)]
    private static partial Regex UnprocessedPattern();

    [GeneratedRegex(@"(\d{1,2}-[A-Za-z]{3}-\d{4})\s+([\d:]+)")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"&(#\d+|lt|gt|amp|quot);")]
    private static partial Regex EntityPattern();
}
