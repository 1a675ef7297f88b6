using System.Text.RegularExpressions;
using Search.Core;

namespace Search.Cli.Tests;

/// <summary>A folder under the temp path, deleted when disposed.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "search-cli-tests", Guid.NewGuid().ToString("N")));

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public string Write(string relative, string content)
    {
        var file = Combine(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
        return file;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a dying child process; the temp folder is cleaned eventually.
        }
    }
}

/// <summary>What one in-process run of <c>search</c> printed.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error);

/// <summary>Runs the app in-process with captured consoles.</summary>
internal static class Cli
{
    public static CliRun Run(string[] args, string? input = null, string? workingDirectory = null, bool ansi = false)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var console = CliConsole.Create(output, error, new StringReader(input ?? ""), ansi);
        // An empty folder has no repository above it, so nothing falls back to the real samples by accident.
        var locator = new IndexLocator(workingDirectory ?? Path.GetTempPath());
        var code = CliApp.RunAsync(args, new CliContext(console, locator)).GetAwaiter().GetResult();
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>The output with the time taken replaced by "N", so it can be compared exactly.</summary>
    public static string WithoutTimings(string text) => Regex.Replace(text, @"in \d+ ms", "in N ms");
}

/// <summary>A small index of articles written in the tests.</summary>
internal static class TestArticles
{
    public static readonly Article Designation = new()
    {
        Id = "trf-designation",
        Title = "US designates TRF as a front for LeT",
        Body = "The State Department on Thursday designated The Resistance Front. Secretary Marco Rubio said TRF was a proxy for LeT. Pakistan said it would cooperate.",
        Published = new DateTimeOffset(2025, 7, 17, 0, 0, 0, TimeSpan.Zero),
        Facets = new Dictionary<string, IReadOnlyList<string>>
        {
            ["group"] = ["The Resistance Front", "Lashkar-e-Taiba"],
            ["speaker"] = ["Marco Rubio"],
            ["year"] = ["2025"],
        },
        Url = "https://example.org/trf",
        Evidence =
        [
            new FacetEvidence("group", "Lashkar-e-Taiba", "Secretary Marco Rubio said TRF was a proxy for LeT."),
            new FacetEvidence("speaker", "Marco Rubio", "Secretary Marco Rubio said TRF was a proxy for LeT."),
        ],
    };

    public static readonly Article Saeed = new()
    {
        Id = "saeed-jailed",
        Title = "Hafiz Saeed jailed in terror financing cases",
        Body = "A court in Lahore sentenced Hafiz Saeed, the founder of LeT. Alice Wells called it a step forward.",
        Facets = new Dictionary<string, IReadOnlyList<string>>
        {
            ["group"] = ["Lashkar-e-Taiba", "Jamaat-ud-Dawa"],
            ["speaker"] = ["Alice Wells"],
            ["year"] = ["2020"],
        },
    };

    public static readonly Article Drone = new()
    {
        Id = "drone-strike",
        Title = "Drone strike kills TTP commander",
        Body = "A drone strike in North Waziristan killed a commander of the Pakistani Taliban, officials said.",
        Facets = new Dictionary<string, IReadOnlyList<string>>
        {
            ["group"] = ["Tehrik-i-Taliban Pakistan"],
            ["speaker"] = [],
            ["year"] = ["2016"],
        },
    };

    /// <summary>Writes the articles to a new index in <paramref name="path"/>.</summary>
    public static string BuildIndex(string path, params Article[] articles)
    {
        using var writer = ArticleWriter.Open(path);
        foreach (var article in articles.Length == 0 ? [Designation, Saeed, Drone] : articles)
            writer.Upsert(article);
        writer.Commit("tests");
        return path;
    }

    /// <summary><paramref name="count"/> articles mentioning LeT, numbered, years 2001 onwards.</summary>
    public static Article[] Numbered(int count) => Enumerable.Range(1, count).Select(i => new Article
    {
        Id = $"a{i:00}",
        Title = $"Statement {i:00} on LeT",
        Body = $"Officials discussed LeT in statement number {i}.",
        Facets = new Dictionary<string, IReadOnlyList<string>>
        {
            ["group"] = ["Lashkar-e-Taiba"],
            ["year"] = [(2000 + i).ToString()],
        },
    }).ToArray();
}
