using Search.Cli.Shell;

namespace Search.Cli.Tests.Shell;

public sealed class TerminalLineEditorTests
{
    private static ConsoleKeyInfo Key(char c) => new(c, char.IsLetter(c) ? (ConsoleKey)char.ToUpperInvariant(c) : ConsoleKey.Spacebar, false, false, false);

    private static ConsoleKeyInfo Key(ConsoleKey key, bool control = false) => new(control ? (char)(key - ConsoleKey.A + 1) : '\0', key, false, false, control);

    private static (TerminalLineEditor Editor, StringWriter Output) Editor(params ConsoleKeyInfo[] keys)
    {
        var queue = new Queue<ConsoleKeyInfo>(keys);
        var output = new StringWriter();
        return (new TerminalLineEditor(output, queue.Dequeue), output);
    }

    private static ConsoleKeyInfo[] Type(string text) => text.Select(Key).ToArray();

    [Fact]
    public void ReadLine_InsertsAtTheCursorAfterMovingLeft()
    {
        var (editor, _) = Editor([.. Type("LT"), Key(ConsoleKey.LeftArrow), Key('e'), Key(ConsoleKey.Enter)]);

        Assert.Equal("LeT", editor.ReadLine("search> "));
    }

    [Fact]
    public void ReadLine_UpArrowRecallsThePreviousLine()
    {
        var (editor, _) = Editor([.. Type("LeT"), Key(ConsoleKey.Enter), .. Type("TTP"), Key(ConsoleKey.Enter), Key(ConsoleKey.UpArrow), Key(ConsoleKey.UpArrow), Key(ConsoleKey.Enter)]);

        editor.ReadLine("> ");
        editor.ReadLine("> ");

        Assert.Equal("LeT", editor.ReadLine("> "));
        Assert.Equal(["LeT", "TTP", "LeT"], editor.History);
    }

    [Fact]
    public void ReadLine_BackspaceHomeAndEndEdit()
    {
        var (editor, _) = Editor([.. Type("drones"), Key(ConsoleKey.Backspace), Key(ConsoleKey.Home), Key('a'), Key(' '), Key(ConsoleKey.End), Key('!'), Key(ConsoleKey.Enter)]);

        Assert.Equal("a drone!", editor.ReadLine("> "));
    }

    [Fact]
    public void ReadLine_CtrlDOnAnEmptyLine_Ends()
    {
        var (editor, _) = Editor(Key(ConsoleKey.D, control: true));

        Assert.Null(editor.ReadLine("> "));
    }

    [Fact]
    public void ReadLine_CtrlCClearsTheLineThenEndsOnAnEmptyOne()
    {
        var (editor, output) = Editor([.. Type("abc"), Key(ConsoleKey.C, control: true), Key(ConsoleKey.C, control: true)]);

        Assert.Null(editor.ReadLine("> "));
        Assert.Contains("^C", output.ToString());
    }

    [Fact]
    public void ReadLine_ColoursThePrompt()
    {
        var (editor, output) = Editor(Key(ConsoleKey.Enter));

        editor.ReadLine("search> ");

        Assert.StartsWith("\r\u001b[1;36msearch> \u001b[0m", output.ToString());
    }
}
