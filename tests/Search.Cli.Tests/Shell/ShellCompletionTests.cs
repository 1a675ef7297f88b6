using Search.Cli.Rendering;
using Search.Cli.Shell;
using Search.Core;

namespace Search.Cli.Tests.Shell;

public sealed class ShellCompletionTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly SearchIndex _index;
    private readonly ShellCompletion _completion;

    public ShellCompletionTests()
    {
        _index = SearchIndex.Open(TestArticles.BuildIndex(_temp.Combine("index")));
        _completion = new ShellCompletion(_index, () => new ShellState());
    }

    public void Dispose()
    {
        _index.Dispose();
        _temp.Dispose();
    }

    [Theory]
    [InlineData(":fi", 0, new[] { ":filter" })]
    [InlineData(":s", 0, new[] { ":sort", ":similar", ":save", ":saved", ":state" })]
    [InlineData(":filter sp", 8, new[] { "speaker" })]
    [InlineData(":values g", 8, new[] { "group" })]
    [InlineData(":sort n", 6, new[] { "newest" })]
    [InlineData(":filter speaker Al", 16, new[] { "Alice Wells" })]
    [InlineData(":f group lashkar", 9, new[] { "Lashkar-e-Taiba" })]
    public void Complete_OffersTheCandidatesForWhatIsTyped(string typed, int start, string[] candidates)
    {
        var completion = _completion.Complete(typed);

        Assert.Equal(start, completion.Start);
        Assert.Equal(candidates, completion.Candidates);
    }

    [Theory]
    [InlineData("LeT")]
    [InlineData(":open 1")]
    [InlineData(":filter nosuchfacet x")]
    public void Complete_OffersNothingForQueriesAndUnknownFacets(string typed)
    {
        Assert.Empty(_completion.Complete(typed).Candidates);
    }

    [Fact]
    public void CommandNames_ComeFromTheHelpTable()
    {
        Assert.Contains(":filter", ShellCompletion.CommandNames);
        Assert.Contains(":f", ShellCompletion.CommandNames);
        Assert.Contains(":quit", ShellCompletion.CommandNames);
        Assert.DoesNotContain("|", ShellCompletion.CommandNames);
    }

    [Fact]
    public void PackItems_BreaksOnlyBetweenItems()
    {
        var items = new[] { "[1] Lashkar-e-Taiba (2)", "[2] Jamaat-ud-Dawa (1)", "[3] The Resistance Front (1)" }.Select(t => (t, t.Length)).ToArray();

        Assert.Equal(
            ["[1] Lashkar-e-Taiba (2)  [2] Jamaat-ud-Dawa (1)", "[3] The Resistance Front (1)"],
            ResultRenderer.PackItems(items, 50));
    }

    [Fact]
    public void HistoryFile_AppendsAndLoadsLinesCreatingItsFolder()
    {
        var file = new ShellHistoryFile(_temp.Combine("state/search/history"));

        Assert.Empty(file.Load());
        file.Append("Saeed");
        file.Append("LeT");

        Assert.Equal(["Saeed", "LeT"], file.Load());
    }
}
