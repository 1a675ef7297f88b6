using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Search.Core.Tests;

public sealed class ReadmeExampleTests
{
    [Fact]
    public void ReadmeExample_WhenRun_PrintsTheHighlightedHitAndFacets()
    {
        var folder = Path.Combine(Directory.CreateTempSubdirectory("search-readme-").FullName, "my-index");
        Assert.Equal(
            """
            US sees progress on prosecutions in Pakistan: Donald Lu said the United States wants <mark>LeT</mark> and JeM dismantled.
            group: Jaish-e-Mohammed (1), Lashkar-e-Taiba (1)
            speaker: Donald Lu (1)
            year: 2022 (1)
            month: 2022-09 (1)

            """.ReplaceLineEndings(),
            ReadmeExample.Run(folder));
    }

    [Fact]
    public void ReadmeExample_IsTheCodeTheReadmeShows()
    {
        var source = File.ReadAllText(SourcePath("ReadmeExample.cs"));
        var readme = File.ReadAllText(Path.Combine(RepoRoot(), "README.md"));
        var example = Normalize(Between(source, "// example:start", "// example:end").Replace("output.WriteLine", "Console.WriteLine"));
        var shown = Normalize(Regex.Match(readme, "<!-- example:library -->\\s*```csharp(.*?)```", RegexOptions.Singleline).Groups[1].Value);
        Assert.Contains(example, shown);
    }

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal) + start.Length;
        return text[from..text.IndexOf(end, from, StringComparison.Ordinal)];
    }

    private static string Normalize(string code) =>
        string.Join('\n', code.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    private static string SourcePath(string file, [CallerFilePath] string caller = "") =>
        Path.Combine(Path.GetDirectoryName(caller)!, file);

    private static string RepoRoot([CallerFilePath] string caller = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(caller)!, "..", ".."));
}
