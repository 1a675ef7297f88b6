using System.Text.Json;
using Search.Core;

namespace Search.Cli.Tests.Commands;

public sealed class DiscoveryCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _index;

    private static readonly Article Copy = TestArticles.Designation with
    {
        Id = "trf-designation-copy",
        Url = "https://copies.example/trf",
        Body = "WASHINGTON: " + TestArticles.Designation.Body + " Read more on our site.",
    };

    public DiscoveryCommandTests() =>
        _index = TestArticles.BuildIndex(_temp.Combine("index"), TestArticles.Designation, TestArticles.Saeed, TestArticles.Drone, Copy);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Similar_WithJson_ListsRelatedArticlesWithoutTheArticleOrItsCopies()
    {
        var run = Cli.Run(["similar", "trf-designation", "--json", "--index", _index]);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var ids = json.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()).ToArray();
        Assert.Equal("saeed-jailed", ids[0]);
        Assert.DoesNotContain("trf-designation", ids);
        Assert.DoesNotContain("trf-designation-copy", ids);
    }

    [Fact]
    public void Similar_OfAnUnknownId_SaysSoWithTheUsageCode()
    {
        var run = Cli.Run(["similar", "nope", "--index", _index]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("No article has the id 'nope'. Ids are listed in the 'id' field of 'search --json' hits.\n", run.Error.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Duplicates_ListsTheClusterWithItsSites()
    {
        var run = Cli.Run(["duplicates", "--index", _index]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            """
            trf-designation: 2 articles (copies.example, example.org)
              trf-designation
              trf-designation-copy

            """.Replace("\r\n", "\n"),
            run.Output.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Search_FoldsTheCopyIntoTheBestHit_AndAllCopiesShowsBoth()
    {
        var folded = Cli.Run(["TRF", "--index", _index]);
        var all = Cli.Run(["TRF", "--all-copies", "--json", "--index", _index]);

        Assert.Contains("   + 1 copy of this story: ", folded.Output);
        Assert.Equal(1, folded.Output.Split('\n').Count(l => l.Contains("US designates TRF", StringComparison.Ordinal)));
        using var json = JsonDocument.Parse(all.Output);
        Assert.Equal(2, json.RootElement.GetProperty("hits").GetArrayLength());
    }

    [Fact]
    public void Search_WithExplain_PrintsTheScoreLinesAndTheEvidence()
    {
        var run = Cli.Run(["Saeed", "--explain", "--index", _index]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("   score:\n", run.Output.Replace("\r\n", "\n"));
        Assert.Matches(@"\n     [0-9.]+  title:saee?d\s", run.Output.Replace("\r\n", "\n"));
        Assert.Matches(@"\n     = [0-9.]+\n", run.Output.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Search_ForAMisspeltGroup_SaysDidYouMean()
    {
        var run = Cli.Run(["Lashkar-e-Tayba", "--index", _index]);

        Assert.Contains("Did you mean Lashkar-e-Taiba? (3 articles)", run.Output);
    }
}
