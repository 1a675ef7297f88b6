using System.Globalization;
using System.Text.Json;
using Search.Core;

namespace Search.Benchmarks;

/// <summary>
/// Writes the Reuters-21578 stories that have a body as one JSON Lines file (id, title, body, date):
/// the input of the end-to-end <c>search index</c> measurement. Stated facets are left out, so
/// extraction runs on every story as it would on a real feed. The file holds third-party text:
/// write it outside the repository.
/// </summary>
public static class ReutersJsonLines
{
    /// <summary>The verb that writes the file.</summary>
    public const string Verb = "reuters-jsonl";

    /// <summary>Writes the stories of <paramref name="corpus"/> to <paramref name="path"/> and returns how many.</summary>
    public static int Write(IEnumerable<Article> corpus, string path)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = File.Create(path);
        var count = 0;
        foreach (var story in corpus.Where(s => !string.IsNullOrWhiteSpace(s.Body)))
        {
            using (var json = new Utf8JsonWriter(stream))
            {
                json.WriteStartObject();
                json.WriteString("id", story.Id);
                json.WriteString("title", story.Title);
                json.WriteString("body", story.Body);
                if (story.Published is { } published)
                    json.WriteString("date", published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteEndObject();
            }
            stream.WriteByte((byte)'\n');
            count++;
        }
        return count;
    }
}
