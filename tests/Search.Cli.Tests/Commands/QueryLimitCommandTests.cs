namespace Search.Cli.Tests.Commands;

/// <summary>A query over a cost limit ends the command with one line naming the limit; in the shell the session goes on.</summary>
public sealed class QueryLimitCommandTests : IDisposable
{
    private const string Message = "The regular expression is too complex: matching it would need more than 5,000 automaton states (the limit for one query). Make it more specific, for example with fewer repetitions after a '*' or '+'.";

    private readonly TempFolder _temp = new();
    private readonly string _index;

    public QueryLimitCommandTests() => _index = TestArticles.BuildIndex(_temp.Combine("index"));

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Search_WithARegexOverTheStateLimit_ExitsTwoWithOneLine()
    {
        var run = Cli.Run(["/[ab]*a[ab]{20}/", "--index", _index]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Equal($"the query: {Message}\n", run.Error);
    }

    [Fact]
    public void Shell_WithARegexOverTheStateLimit_PrintsOneLineAndGoesOn()
    {
        var run = Cli.Run(["shell", "--index", _index], "/[ab]*a[ab]{16}/\nDrone\n");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Message + "\n", run.Error);
        Assert.Contains("1. Drone strike kills TTP commander (2016)", run.Output);
    }
}
