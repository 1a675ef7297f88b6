namespace Search.Cli.Tests.Commands;

/// <summary><c>--elasticsearch</c> on the one-shot search and the shell, without a cluster: what a person reads when it is wrong or away.</summary>
public sealed class ClusterOptionTests
{
    [Fact]
    public void Search_WithAnAddressThatIsNotAUrl_IsAUsageError()
    {
        var run = Cli.Run(["LeT", "--elasticsearch", "localhost-9200"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("'localhost-9200' is not a cluster address; give one such as http://localhost:9200.\n", run.Error);
    }

    [Fact]
    public void Search_WhenTheClusterIsAway_SaysWhereItLooked()
    {
        // Port 9 (discard) has nothing listening on a test machine.
        var run = Cli.Run(["LeT", "--elasticsearch", "http://127.0.0.1:9", "--es-index", "archive"]);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("The cluster at http://127.0.0.1:9/ cannot be reached (", run.Error);
        Assert.EndsWith("). Check the address and that it is running.\n", run.Error);
    }

    [Fact]
    public void Shell_OverACluster_RefusesCommandsThatNeedTheLocalIndexWithoutCallingIt()
    {
        var run = Cli.Run(["shell", "--elasticsearch", "http://127.0.0.1:9"], input: ":quotes ban\n:saved\n:quit\n");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            "This command needs the local index, and the shell is searching a cluster; start the shell without --elasticsearch to use it.\n"
            + "This command needs the local index, and the shell is searching a cluster; start the shell without --elasticsearch to use it.\n",
            run.Error);
    }

    [Fact]
    public void Shell_WhenTheClusterIsAway_SaysSoAndGoesOn()
    {
        var run = Cli.Run(["shell", "--elasticsearch", "http://127.0.0.1:9"], input: "LeT\n:pivot group year\n:quit\n");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("The cluster at http://127.0.0.1:9/ cannot be reached (", lines[0]);
        Assert.StartsWith("This command needs the local index", lines[1]);
    }
}
