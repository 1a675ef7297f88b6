using System.Diagnostics;

namespace Search.Cli.Tests.Shell;

/// <summary>Drives the real built <c>search shell</c> in a pseudo-terminal through tmux.</summary>
public sealed class ShellTerminalTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _socket = "search-cli-test-" + Guid.NewGuid().ToString("N")[..8];
    private string _target = "shell"; // the tmux session the keys go to and the screen is read from

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

    [TmuxFact]
    public void Shell_KeepsHistoryAcrossSessions_SearchesItWithCtrlR_CompletesWithTab()
    {
        var index = TestArticles.BuildIndex(_temp.Combine("index"));
        var state = _temp.Combine("state");
        Start(index, $"XDG_STATE_HOME='{state}'", height: 60);
        Tmux("send-keys", "-t", _target, "Saeed", "Enter");
        WaitFor(pane => pane.Contains("1 article in"), "the results of 'Saeed'");
        Tmux("send-keys", "-t", _target, "LeT", "Enter");
        WaitFor(pane => pane.Contains("2 articles in"), "the results of 'LeT'");
        Tmux("send-keys", "-t", _target, "C-d");
        WaitFor(pane => pane.Contains("exit=0"), "the first session to end");
        Assert.Equal(["Saeed", "LeT"], File.ReadAllLines(Path.Combine(state, "search", "history")));

        // A new session recalls the last one's lines.
        _target = "again";
        Start(index, $"XDG_STATE_HOME='{state}'", height: 60);
        Tmux("send-keys", "-t", _target, "Up");
        WaitFor(pane => pane.TrimEnd().EndsWith("search> LeT", StringComparison.Ordinal), "the previous session's last line");
        Tmux("send-keys", "-t", _target, "C-u", "C-r", "Sae");
        WaitFor(pane => pane.TrimEnd().EndsWith("(reverse-i-search)'Sae': Saeed", StringComparison.Ordinal), "Ctrl-R to find 'Saeed'");
        Tmux("send-keys", "-t", _target, "Enter");
        WaitFor(pane => pane.Contains("1 article in"), "the line found by Ctrl-R to run");

        var coloured = Tmux("capture-pane", "-p", "-e", "-t", _target, "-S", "-200");
        // Bold and underlined (SGR 1 and 4; tmux may send them as separate codes), never a colour
        // that fades on a light or dark background.
        var styles = System.Text.RegularExpressions.Regex.Matches(coloured, @"((?:\u001b\[[0-9;]*m)+)Saeed\u001b\[")
            .Select(m => System.Text.RegularExpressions.Regex.Matches(m.Groups[1].Value, "[0-9]+").Select(c => c.Value).ToHashSet())
            .ToArray();
        Assert.NotEmpty(styles);
        Assert.All(styles, codes => Assert.Contains("4", codes));
        Assert.All(styles, codes => Assert.DoesNotContain("33", codes));

        Tmux("send-keys", "-t", _target, ":fil", "Tab");
        WaitFor(pane => pane.TrimEnd().EndsWith("search> :filter", StringComparison.Ordinal), "Tab to complete ':filter'");
        Tmux("send-keys", "-t", _target, "sp", "Tab");
        WaitFor(pane => pane.TrimEnd().EndsWith("search> :filter speaker", StringComparison.Ordinal), "Tab to complete the facet name");
        Tmux("send-keys", "-t", _target, "Al", "Tab");
        WaitFor(pane => pane.TrimEnd().EndsWith("search> :filter speaker Alice Wells", StringComparison.Ordinal), "Tab to complete the facet value");
        Tmux("send-keys", "-t", _target, "Enter");
        WaitFor(pane => pane.Contains("search [speaker = Alice Wells]>") || pane.Contains("speaker: [3] Alice Wells (1) ✓"), "the completed filter to apply");
        Tmux("send-keys", "-t", _target, "C-d");
        WaitFor(pane => pane.Contains("exit=0"), "the session to end");
    }

    [TmuxFact]
    public void Shell_PagesTallOutput_HonoursNoColor_SaysAWarningOnce()
    {
        var index = TestArticles.BuildIndex(_temp.Combine("index"));
        Start(index, $"NO_COLOR=1 XDG_STATE_HOME='{_temp.Combine("state")}' PAGER=less", height: 12);

        Tmux("send-keys", "-t", _target, "LeT", "Enter");
        WaitFor(pane => pane.Contains("Lashkar") && !pane.Contains("2 articles in"), "less to show the first screen of a tall result");
        Tmux("send-keys", "-t", _target, "q");
        WaitFor(pane => pane.TrimEnd().EndsWith("search>", StringComparison.Ordinal), "the prompt after leaving the pager");

        var plain = Tmux("capture-pane", "-p", "-e", "-t", _target, "-S", "-200");
        Assert.DoesNotMatch(@"\u001b\[[0-9;]*(3[0-7]|9[0-7]|38;)", plain);

        Tmux("send-keys", "-t", _target, "\"drone", "Enter");
        WaitFor(pane => pane.Contains("1 article in"), "the results of an unclosed quote");
        Tmux("send-keys", "-t", _target, ":sort newest", "Enter");
        WaitFor(pane => CountOf(pane, "1 article in") == 2, "the sorted results");
        var pane = Tmux("capture-pane", "-p", "-t", _target, "-S", "-200");
        Assert.Equal(1, CountOf(pane, "note:"));
        Tmux("send-keys", "-t", _target, "C-d");
        WaitFor(pane => pane.Contains("exit=0"), "the session to end");
    }

    private void Start(string index, string environment, int height)
    {
        var search = Path.Combine(AppContext.BaseDirectory, "search.dll");
        Tmux("new-session", "-d", "-s", _target, "-x", "120", "-y", height.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"env {environment} dotnet '{search}' shell --index '{index}'; echo \"exit=$?\"; sleep 30");
        WaitFor(pane => pane.Contains("search>"), "the prompt");
    }

    private static int CountOf(string text, string value) => (text.Length - text.Replace(value, "").Length) / value.Length;

    private void WaitFor(Func<string, bool> condition, string what)
    {
        var pane = "";
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            pane = Tmux("capture-pane", "-p", "-t", _target, "-S", "-200");
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
