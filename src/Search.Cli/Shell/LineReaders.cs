using System.Text;

namespace Search.Cli.Shell;

/// <summary>Where the shell's lines come from.</summary>
internal interface ILineReader
{
    /// <summary>The next line, or <c>null</c> when the input ends or the person leaves (Ctrl-D, Ctrl-C on an empty line).</summary>
    string? ReadLine(string prompt);
}

/// <summary>Lines from a pipe or file: no prompt, no echo, no escape codes.</summary>
internal sealed class PipedLineReader(TextReader input) : ILineReader
{
    /// <inheritdoc />
    public string? ReadLine(string prompt) => input.ReadLine();
}

/// <summary>
/// A small line editor for a terminal: a coloured prompt, cursor movement (arrows, Home/End,
/// Ctrl-A/E), deleting (Backspace, Delete, Ctrl-U, Ctrl-K, Ctrl-W) and history with the up and down
/// arrows. Ctrl-C clears the line, or leaves on an empty one; Ctrl-D on an empty line leaves.
/// Keys come from a function so tests can type at it.
/// </summary>
internal sealed class TerminalLineEditor : ILineReader
{
    private const string PromptStyle = "\u001b[1;36m";
    private const string Reset = "\u001b[0m";

    private readonly TextWriter _output;
    private readonly Func<ConsoleKeyInfo> _readKey;
    private readonly List<string> _history = [];

    /// <summary>Creates an editor writing to <paramref name="output"/> and reading keys with <paramref name="readKey"/>.</summary>
    public TerminalLineEditor(TextWriter output, Func<ConsoleKeyInfo> readKey)
    {
        _output = output;
        _readKey = readKey;
    }

    /// <summary>Lines entered so far, oldest first (repeats of the previous line are not kept twice).</summary>
    public IReadOnlyList<string> History => _history;

    /// <inheritdoc />
    public string? ReadLine(string prompt)
    {
        var buffer = new StringBuilder();
        var cursor = 0;
        var historyIndex = _history.Count;
        var draft = "";
        Redraw(prompt, buffer, cursor);
        while (true)
        {
            var key = _readKey();
            var control = key.Modifiers.HasFlag(ConsoleModifiers.Control);
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    _output.Write("\r\n");
                    _output.Flush();
                    var line = buffer.ToString();
                    if (line.Trim().Length > 0 && (_history.Count == 0 || _history[^1] != line))
                        _history.Add(line);
                    return line;
                case ConsoleKey.C when control:
                    if (buffer.Length == 0)
                    {
                        _output.Write("\r\n");
                        _output.Flush();
                        return null;
                    }
                    _output.Write("^C\r\n");
                    buffer.Clear();
                    cursor = 0;
                    historyIndex = _history.Count;
                    break;
                case ConsoleKey.D when control:
                    if (buffer.Length == 0)
                    {
                        _output.Write("\r\n");
                        _output.Flush();
                        return null;
                    }
                    if (cursor < buffer.Length)
                        buffer.Remove(cursor, 1);
                    break;
                case ConsoleKey.Backspace:
                    if (cursor > 0)
                        buffer.Remove(--cursor, 1);
                    break;
                case ConsoleKey.Delete:
                    if (cursor < buffer.Length)
                        buffer.Remove(cursor, 1);
                    break;
                case ConsoleKey.LeftArrow or ConsoleKey.B when key.Key == ConsoleKey.LeftArrow || control:
                    cursor = Math.Max(0, cursor - 1);
                    break;
                case ConsoleKey.RightArrow or ConsoleKey.F when key.Key == ConsoleKey.RightArrow || control:
                    cursor = Math.Min(buffer.Length, cursor + 1);
                    break;
                case ConsoleKey.Home or ConsoleKey.A when key.Key == ConsoleKey.Home || control:
                    cursor = 0;
                    break;
                case ConsoleKey.End or ConsoleKey.E when key.Key == ConsoleKey.End || control:
                    cursor = buffer.Length;
                    break;
                case ConsoleKey.U when control:
                    buffer.Remove(0, cursor);
                    cursor = 0;
                    break;
                case ConsoleKey.K when control:
                    buffer.Remove(cursor, buffer.Length - cursor);
                    break;
                case ConsoleKey.W when control:
                    var start = cursor;
                    while (start > 0 && buffer[start - 1] == ' ')
                        start--;
                    while (start > 0 && buffer[start - 1] != ' ')
                        start--;
                    buffer.Remove(start, cursor - start);
                    cursor = start;
                    break;
                case ConsoleKey.UpArrow or ConsoleKey.P when key.Key == ConsoleKey.UpArrow || control:
                    if (historyIndex > 0)
                    {
                        if (historyIndex == _history.Count)
                            draft = buffer.ToString();
                        historyIndex--;
                        buffer.Clear().Append(_history[historyIndex]);
                        cursor = buffer.Length;
                    }
                    break;
                case ConsoleKey.DownArrow or ConsoleKey.N when key.Key == ConsoleKey.DownArrow || control:
                    if (historyIndex < _history.Count)
                    {
                        historyIndex++;
                        buffer.Clear().Append(historyIndex == _history.Count ? draft : _history[historyIndex]);
                        cursor = buffer.Length;
                    }
                    break;
                default:
                    if (!control && !char.IsControl(key.KeyChar))
                        buffer.Insert(cursor++, key.KeyChar);
                    break;
            }
            Redraw(prompt, buffer, cursor);
        }
    }

    private void Redraw(string prompt, StringBuilder buffer, int cursor)
    {
        // Back to column 0, prompt and text, erase what is left of a longer line, then step back to the cursor.
        _output.Write($"\r{PromptStyle}{prompt}{Reset}{buffer}\u001b[K");
        if (cursor < buffer.Length)
            _output.Write($"\u001b[{buffer.Length - cursor}D");
        _output.Flush();
    }
}
