using Spectre.Console;

namespace Search.Cli;

/// <summary>
/// Where the command reads and writes: standard output as a Spectre console (ANSI only on a
/// terminal), raw standard output for machine-readable text, standard error and standard input.
/// Tests build one over string writers to capture everything a command prints.
/// </summary>
internal sealed class CliConsole
{
    // Wide enough that nothing a command prints is wrapped when the output is not a terminal.
    private const int UnwrappedWidth = 100_000;

    private CliConsole(IAnsiConsole output, TextWriter rawOutput, TextWriter error, TextReader input, bool inputIsTerminal)
    {
        Output = output;
        RawOutput = rawOutput;
        Error = error;
        Input = input;
        InputIsTerminal = inputIsTerminal;
    }

    /// <summary>Human-readable output: markup is rendered as ANSI on a terminal and stripped elsewhere.</summary>
    public IAnsiConsole Output { get; }

    /// <summary>Standard output as plain text, for JSON and help (never wrapped or styled).</summary>
    public TextWriter RawOutput { get; }

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>Standard input.</summary>
    public TextReader Input { get; }

    /// <summary>Whether standard input is a terminal a person types at (line editing, prompts).</summary>
    public bool InputIsTerminal { get; }

    /// <summary>Whether output understands ANSI escape codes (colour, progress bars).</summary>
    public bool SupportsAnsi => Output.Profile.Capabilities.Ansi;

    /// <summary>Whether the user asked for no colour (<c>NO_COLOR</c> set and not empty, see no-color.org).</summary>
    public static bool NoColor => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>
    /// The process's console: ANSI when standard output is a terminal, plain text otherwise. With
    /// <c>NO_COLOR</c> a terminal keeps ANSI (line editing, bold and underline) but gets no colour.
    /// </summary>
    public static CliConsole FromSystem()
    {
        var outputIsTerminal = !Console.IsOutputRedirected;
        var output = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = outputIsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = outputIsTerminal && !NoColor ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = outputIsTerminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(Console.Out),
        });
        if (!outputIsTerminal)
            output.Profile.Width = UnwrappedWidth;
        return new CliConsole(output, Console.Out, Console.Error, Console.In, !Console.IsInputRedirected);
    }

    /// <summary>A console over writers, for tests: plain text unless <paramref name="ansi"/>.</summary>
    public static CliConsole Create(TextWriter output, TextWriter error, TextReader? input = null, bool ansi = false, bool inputIsTerminal = false)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = ansi ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = ansi ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = UnwrappedWidth;
        return new CliConsole(console, output, error, input ?? TextReader.Null, inputIsTerminal);
    }
}
