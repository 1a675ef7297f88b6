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

    [Fact]
    public void ReadLine_WithoutColour_WritesAPlainPrompt()
    {
        var output = new StringWriter();
        var editor = new TerminalLineEditor(output, new Queue<ConsoleKeyInfo>([Key(ConsoleKey.Enter)]).Dequeue, colour: false);

        editor.ReadLine("search> ");

        Assert.StartsWith("\rsearch> \u001b[K", output.ToString());
    }

    [Fact]
    public void ReadLine_StartsWithTheGivenHistoryAndPassesOnNewLines()
    {
        var remembered = new List<string>();
        var keys = new Queue<ConsoleKeyInfo>([Key(ConsoleKey.UpArrow), Key(ConsoleKey.Enter), .. Type("TTP"), Key(ConsoleKey.Enter)]);
        var editor = new TerminalLineEditor(new StringWriter(), keys.Dequeue, ["Saeed", "LeT"], remembered.Add);

        Assert.Equal("LeT", editor.ReadLine("> "));
        Assert.Equal("TTP", editor.ReadLine("> "));
        Assert.Equal(["TTP"], remembered);
    }

    [Fact]
    public void ReadLine_CtrlRFindsTheLatestMatchingLine_AgainGoesFurtherBack()
    {
        var keys = new Queue<ConsoleKeyInfo>([Key(ConsoleKey.R, control: true), .. Type("e"), Key(ConsoleKey.R, control: true), Key(ConsoleKey.Enter)]);
        var editor = new TerminalLineEditor(new StringWriter(), keys.Dequeue, ["Saeed", "TTP", "LeT"]);

        Assert.Equal("Saeed", editor.ReadLine("> "));
    }

    [Fact]
    public void ReadLine_CtrlRThenEscape_KeepsTheFoundLineForEditing()
    {
        var keys = new Queue<ConsoleKeyInfo>([Key(ConsoleKey.R, control: true), .. Type("tt"), Key(ConsoleKey.Escape), Key('!'), Key(ConsoleKey.Enter)]);
        var editor = new TerminalLineEditor(new StringWriter(), keys.Dequeue, ["Saeed", "TTP", "LeT"]);

        Assert.Equal("TTP!", editor.ReadLine("> "));
    }

    [Fact]
    public void ReadLine_TabWithOneCandidate_ReplacesTheWordAndAddsASpace()
    {
        var keys = new Queue<ConsoleKeyInfo>([.. Type(":fil"), Key(ConsoleKey.Tab), .. Type("x"), Key(ConsoleKey.Enter)]);
        var editor = new TerminalLineEditor(new StringWriter(), keys.Dequeue, complete: text => new Completion(0, [":filter"]));

        Assert.Equal(":filter x", editor.ReadLine("> "));
    }

    [Fact]
    public void ReadLine_TabWithSeveralCandidates_FillsTheSharedStartThenListsThem()
    {
        var keys = new Queue<ConsoleKeyInfo>([.. Type(":u"), Key(ConsoleKey.Tab), Key(ConsoleKey.Tab), Key(ConsoleKey.Enter)]);
        var output = new StringWriter();
        var editor = new TerminalLineEditor(output, keys.Dequeue, complete: text => new Completion(0, [":unfilter", ":unfold"]));

        Assert.Equal(":unf", editor.ReadLine("> "));
        Assert.Contains("\r\n:unfilter  :unfold\r\n", output.ToString());
    }
}
