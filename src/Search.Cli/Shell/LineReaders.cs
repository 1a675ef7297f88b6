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

/// <summary>What Tab offers: candidates that replace the line from <paramref name="Start"/> to the cursor.</summary>
/// <param name="Start">Where the text being completed starts in the line.</param>
/// <param name="Candidates">Whole replacements for that text, in the order to list them.</param>
internal sealed record Completion(int Start, IReadOnlyList<string> Candidates)
{
    /// <summary>Nothing to offer.</summary>
    public static Completion None { get; } = new(0, []);
}

/// <summary>
/// A small line editor for a terminal: a prompt (coloured unless <c>colour</c> is off), cursor
/// movement (arrows, Home/End, Ctrl-A/E), deleting (Backspace, Delete, Ctrl-U, Ctrl-K, Ctrl-W),
/// history with the up and down arrows, Ctrl-R reverse search of the history and Tab completion.
/// Ctrl-C clears the line, or leaves on an empty one; Ctrl-D on an empty line leaves.
/// Keys come from a function so tests can type at it.
/// </summary>
internal sealed class TerminalLineEditor : ILineReader
{
    private const string Reset = "\u001b[0m";

    private readonly TextWriter _output;
    private readonly Func<ConsoleKeyInfo> _readKey;
    private readonly List<string> _history = [];
    private readonly Func<string, Completion> _complete;
    private readonly Action<string> _remember;
    private readonly string _promptStyle;

    /// <summary>
    /// Creates an editor writing to <paramref name="output"/> and reading keys with <paramref name="readKey"/>,
    /// starting with the lines of <paramref name="history"/> (oldest first). Each new history line is
    /// passed to <paramref name="remember"/> (to keep it across sessions); Tab asks
    /// <paramref name="complete"/> about the text before the cursor.
    /// </summary>
    public TerminalLineEditor(
        TextWriter output, Func<ConsoleKeyInfo> readKey, IEnumerable<string>? history = null,
        Action<string>? remember = null, Func<string, Completion>? complete = null, bool colour = true)
    {
        _output = output;
        _readKey = readKey;
        _history.AddRange(history ?? []);
        _remember = remember ?? (_ => { });
        _complete = complete ?? (_ => Completion.None);
        _promptStyle = colour ? "\u001b[1;36m" : "";
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
                    {
                        _history.Add(line);
                        _remember(line);
                    }
                    return line;
                case ConsoleKey.R when control:
                    if (ReverseSearch(buffer) is not { } accepted)
                        break;
                    cursor = buffer.Length;
                    if (accepted)
                    {
                        Redraw(prompt, buffer, cursor);
                        goto case ConsoleKey.Enter;
                    }
                    break;
                case ConsoleKey.Tab:
                    cursor = Complete(prompt, buffer, cursor);
                    break;
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

    /// <summary>
    /// Ctrl-R: searches the history backwards for lines containing what is typed; Ctrl-R again
    /// goes further back. Enter runs the found line (<c>true</c>); Esc or an arrow key keeps it in the
    /// buffer for editing (<c>false</c>); Ctrl-G or Ctrl-C gives up and leaves the buffer as it was (<c>null</c>).
    /// </summary>
    private bool? ReverseSearch(StringBuilder buffer)
    {
        var pattern = new StringBuilder();
        var at = _history.Count;
        var found = "";
        var failed = false;
        while (true)
        {
            _output.Write($"\r{(failed ? "(failed reverse-i-search)" : "(reverse-i-search)")}'{pattern}': {found}\u001b[K");
            _output.Flush();
            var key = _readKey();
            var control = key.Modifiers.HasFlag(ConsoleModifiers.Control);
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    buffer.Clear().Append(found);
                    return true;
                case ConsoleKey.G or ConsoleKey.C when control:
                    return null;
                case ConsoleKey.R when control:
                    failed = !Find(at - 1);
                    break;
                case ConsoleKey.Backspace:
                    if (pattern.Length > 0)
                        pattern.Length--;
                    at = _history.Count;
                    failed = !Find(at - 1);
                    break;
                case ConsoleKey.Escape or ConsoleKey.LeftArrow or ConsoleKey.RightArrow or ConsoleKey.UpArrow or ConsoleKey.DownArrow or ConsoleKey.Home or ConsoleKey.End:
                    buffer.Clear().Append(found);
                    return false;
                default:
                    if (!control && !char.IsControl(key.KeyChar))
                    {
                        pattern.Append(key.KeyChar);
                        failed = !Find(Math.Min(at, _history.Count - 1));
                    }
                    break;
            }
        }

        bool Find(int from)
        {
            for (var i = from; i >= 0; i--)
            {
                if (_history[i].Contains(pattern.ToString(), StringComparison.OrdinalIgnoreCase))
                {
                    at = i;
                    found = _history[i];
                    return true;
                }
            }
            return false;
        }
    }

    /// <summary>
    /// Tab: one candidate replaces the text being completed; several fill in what they share and,
    /// when that adds nothing, are listed under the line. Returns the new cursor.
    /// </summary>
    private int Complete(string prompt, StringBuilder buffer, int cursor)
    {
        var completion = _complete(buffer.ToString(0, cursor));
        if (completion.Candidates.Count == 0)
            return cursor;
        var typed = buffer.ToString(completion.Start, cursor - completion.Start);
        var shared = completion.Candidates.Count == 1 ? completion.Candidates[0] + " " : SharedPrefix(completion.Candidates);
        if (shared.Length > typed.Length)
        {
            buffer.Remove(completion.Start, cursor - completion.Start).Insert(completion.Start, shared);
            return completion.Start + shared.Length;
        }
        _output.Write("\r\n" + string.Join("  ", completion.Candidates) + "\r\n");
        return cursor;
    }

    private static string SharedPrefix(IReadOnlyList<string> candidates)
    {
        var prefix = candidates[0];
        foreach (var candidate in candidates)
        {
            var length = 0;
            while (length < prefix.Length && length < candidate.Length && char.ToLowerInvariant(prefix[length]) == char.ToLowerInvariant(candidate[length]))
                length++;
            prefix = prefix[..length];
        }
        return prefix;
    }

    private void Redraw(string prompt, StringBuilder buffer, int cursor)
    {
        // Back to column 0, prompt and text, erase what is left of a longer line, then step back to the cursor.
        _output.Write($"\r{_promptStyle}{prompt}{(_promptStyle.Length > 0 ? Reset : "")}{buffer}\u001b[K");
        if (cursor < buffer.Length)
            _output.Write($"\u001b[{buffer.Length - cursor}D");
        _output.Flush();
    }
}
