using Search.Core;

namespace Search.Cli.Tests.Shell;

public sealed class ShellSavedSearchTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _index;

    public ShellSavedSearchTests() => _index = TestArticles.BuildIndex(_temp.Combine("index"));

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void SaveSavedRun_KeepTheSearchAndShowWhatIsNew()
    {
        var saved = Cli.Run(["shell", "--index", _index], "Saeed\n:save saeed\n:quit\n");
        using (var writer = ArticleWriter.Open(_index))
        {
            writer.Upsert(new Article { Id = "saeed-new", Title = "Saeed appeal heard", Body = "The court heard the appeal of Hafiz Saeed on Monday." });
            writer.Commit("tests");
        }

        var run = Cli.Run(["shell", "--index", _index], ":saved\n:run saeed\n:state\n:run saeed\n:run nobody\n:quit\n");

        Assert.Equal("", saved.Error);
        Assert.Contains("Saved saeed: \"Saeed\"\n", saved.Output);
        Assert.Contains("saeed: \"Saeed\" — 2 matches, 1 new\n", run.Output);
        Assert.Contains("1 new in saeed since ", run.Output);
        Assert.Contains("Saeed appeal heard", run.Output);
        Assert.Contains("query: Saeed\n", run.Output);
        Assert.Contains("0 new in saeed since ", run.Output);
        Assert.Equal("No saved search is called 'nobody'. List them with 'search saved' or GET /api/saved.\n", run.Error);
    }
}
