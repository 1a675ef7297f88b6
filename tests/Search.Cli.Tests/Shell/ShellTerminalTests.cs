using System.Diagnostics;

namespace Search.Cli.Tests.Shell;

/// <summary>Drives the real built <c>search shell</c> in a pseudo-terminal through tmux.</summary>
public sealed class ShellTerminalTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _socket = "search-cli-test-" + Guid.NewGuid().ToString("N")[..8];

    public void Dispose()
    {
        Tmux("kill-server");
        _temp.Dispose();
    }

    [TmuxFact]
    public void Shell_OnATerminal_EditsLinesRecallsHistoryAndColoursMatches()
    {
        var index = TestArticles.BuildIndex(_temp.Combine("index"));
        var search = Path.Combine(AppContext.BaseDirectory, "search.dll");
        Assert.True(File.Exists(search), $"The built app is missing: {search}");

        Tmux("new-session", "-d", "-s", "shell", "-x", "200", "-y", "60", $"dotnet '{search}' shell --index '{index}'; echo \"exit=$?\"; sleep 30");
        WaitFor(pane => pane.Contains("search>"), "the prompt");

        Tmux("send-keys", "-t", "shell", "L", "T", "Left", "e", "Enter");
        WaitFor(pane => pane.Contains("2 articles in"), "the results of 'LeT'");

        Tmux("send-keys", "-t", "shell", "Up");
        WaitFor(pane => pane.TrimEnd().EndsWith("search> LeT", StringComparison.Ordinal), "the previous query recalled by the up arrow");
        Tmux("send-keys", "-t", "shell", "Enter");
        WaitFor(pane => CountOf(pane, "2 articles in") == 2, "the results of the recalled query");

        var coloured = Tmux("capture-pane", "-p", "-e", "-t", "shell", "-S", "-200");
        Assert.Contains("\u001b[", coloured);
        Assert.Matches("\u001b\\[[0-9;]*m(LeT|Lashkar-e-Taiba)\u001b\\[", coloured);

        Tmux("send-keys", "-t", "shell", "C-d");
        WaitFor(pane => pane.Contains("exit=0"), "the shell to leave with exit code 0 on Ctrl-D");
    }

    private static int CountOf(string text, string value) => (text.Length - text.Replace(value, "").Length) / value.Length;

    private void WaitFor(Func<string, bool> condition, string what)
    {
        var pane = "";
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            pane = Tmux("capture-pane", "-p", "-t", "shell", "-S", "-200");
            if (condition(pane))
                return;
            Thread.Sleep(100);
        }
        Assert.Fail($"Timed out waiting for {what}. The terminal showed:\n{pane}");
    }

    internal static bool TmuxAvailable()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("tmux", "-V") { RedirectStandardOutput = true, RedirectStandardError = true });
            process!.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private string Tmux(params string[] args)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-L");
        start.ArgumentList.Add(_socket);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "";
        }
    }
}

/// <summary>A test that needs tmux; skipped, with the reason, where tmux is not installed.</summary>
public sealed class TmuxFactAttribute : FactAttribute
{
    public TmuxFactAttribute()
    {
        if (!ShellTerminalTests.TmuxAvailable())
            Skip = "tmux is not installed, so the shell cannot be driven in a pseudo-terminal (apt-get install -y tmux).";
    }
}
