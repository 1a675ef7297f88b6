namespace Search.Cli.Tests.Commands;

public sealed class FirstUseTests : IDisposable
{
    private readonly TempFolder _repo = new();

    public FirstUseTests()
    {
        _repo.Write("Search.sln", "");
        _repo.Write("index/samples/wells.txt", "ISLAMABAD, February 12, 2020: Alice Wells said the conviction of Hafiz Saeed, the founder of LeT, was a step forward.\n");
        _repo.Write("index/samples/drone.txt", "PESHAWAR, June 3, 2016: A drone strike killed a commander of the Pakistani Taliban, officials said.\n");
        Directory.CreateDirectory(_repo.Combine("src"));
    }

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Search_WithoutIndexOnFirstUse_BuildsTheSampleIndexOnceAndSearchesIt()
    {
        var first = Cli.Run(["Saeed"], workingDirectory: _repo.Combine("src"));
        var second = Cli.Run(["Saeed"], workingDirectory: _repo.Combine("src"));

        Assert.Equal(0, first.ExitCode);
        Assert.Equal("Building the sample index from index/samples (first use)…\n", first.Error);
        Assert.StartsWith("1. ", first.Output);
        Assert.Contains("1 article in", first.Output);
        Assert.True(Directory.Exists(_repo.Combine("index", ".index")));
        Assert.Equal(0, second.ExitCode);
        Assert.Equal("", second.Error);
        Assert.Equal(Cli.WithoutTimings(first.Output), Cli.WithoutTimings(second.Output));
    }

    [Fact]
    public void Stats_WithoutIndex_DescribesTheSampleIndex()
    {
        var run = Cli.Run(["stats"], workingDirectory: _repo.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"Index: {_repo.Combine("index", ".index")}\nArticles: 2\n", run.Output);
        Assert.Contains("Last commit: ", run.Output);
        Assert.Contains(" by search (first use)\n", run.Output);
    }
}

/// <summary>The README's first command, against the samples the repository ships, when they are there.</summary>
public sealed class SamplesEndToEndTests
{
    [Fact]
    public void Search_LeT_OnTheShippedSamples_FindsArticles()
    {
        var root = new IndexLocator(AppContext.BaseDirectory).FindRepositoryRoot();
        if (root is null || !Directory.EnumerateFiles(Path.Combine(root, "index", "samples")).Any())
        {
            Console.WriteLine("Skipped: no index/samples above the test folder.");
            return;
        }

        var run = Cli.Run(["LeT", "--json"], workingDirectory: root);

        Assert.Equal(0, run.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(run.Output);
        Assert.True(json.RootElement.GetProperty("total").GetInt32() > 0);
    }
}
