using System.Diagnostics;

namespace Search.Cli.Tests.Commands;

/// <summary>
/// On a terminal, <c>search index</c> draws a progress bar with a percentage and the time left;
/// piped, it prints plain lines. The terminal is a real pseudo-terminal from util-linux's
/// <c>script</c>, so the console sees what a person's shell would give it.
/// </summary>
public sealed class IndexProgressTests
{
    [Fact]
    public void Index_OnATerminal_DrawsAProgressBarWithPercentage()
    {
        if (!File.Exists("/usr/bin/script"))
        {
            Console.WriteLine("Skipped the progress bar check: util-linux's 'script' (a pseudo-terminal) is not installed.");
            return;
        }
        using var folder = new TempFolder();
        for (var i = 0; i < 30; i++)
            folder.Write($"a{i:D2}.txt", $"Talks number {i}\n\nOfficials met on Monday for round {i} of the talks, the ministry said.\n");
        var search = Path.Combine(AppContext.BaseDirectory, "search.dll");
        var index = folder.Combine("idx");
        var command = $"dotnet '{search}' index '{folder.Combine(".")}' --index '{index}'";
        var start = new ProcessStartInfo("/usr/bin/script", ["-qec", command, "/dev/null"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["TERM"] = "xterm-256color";
        start.Environment.Remove("NO_COLOR");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "search index did not finish.");

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("\u001b[", output);
        Assert.Matches(@"\d+%", output);
        Assert.Contains("Added: 30", output);
    }
}
