using System.ComponentModel;
using System.Diagnostics;
using Spectre.Console;

namespace Search.Cli.Shell;

/// <summary>
/// Shows output taller than the terminal through a pager (<c>$PAGER</c>, else <c>less</c>), as psql
/// does; shorter output, or output when no pager can be started, is written straight to the screen.
/// </summary>
internal sealed class ShellPager(IAnsiConsole screen, TextWriter rawOutput, Func<int> terminalHeight)
{
    /// <summary>Renders <paramref name="write"/> as the screen would show it, then pages it if it is too tall.</summary>
    public void Show(Action<IAnsiConsole> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var buffer = new StringWriter();
        var capabilities = screen.Profile.Capabilities;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = capabilities.Ansi ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = Enum.Parse<ColorSystemSupport>(capabilities.ColorSystem.ToString()),
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(buffer),
        });
        console.Profile.Width = screen.Profile.Width;
        write(console);
        var text = buffer.ToString();
        var lines = text.Count(c => c == '\n');
        // Leave a row for the prompt that follows.
        if (lines < terminalHeight() - 1 || !TryPage(text))
        {
            rawOutput.Write(text);
            rawOutput.Flush();
        }
    }

    private static bool TryPage(string text)
    {
        var pager = Environment.GetEnvironmentVariable("PAGER");
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(string.IsNullOrWhiteSpace(pager) ? "less" : pager);
        // less: keep colours (-R), leave the text on screen after quitting (-X), quit at once if it fits (-F).
        if (Environment.GetEnvironmentVariable("LESS") is null)
            start.Environment["LESS"] = "FRX";
        try
        {
            using var process = Process.Start(start);
            if (process is null)
                return false;
            try
            {
                process.StandardInput.Write(text);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The person quit the pager before reading everything; that is fine.
            }
            process.WaitForExit();
            return process.ExitCode != 127; // 127: the shell found no such pager
        }
        catch (Win32Exception)
        {
            return false;
        }
    }
}
