namespace Search.Cli.Shell;

/// <summary>
/// The shell's history kept across sessions, one line per entry, in the user's state folder
/// (<c>$XDG_STATE_HOME/search/history</c>, else <c>~/.local/state/search/history</c>), as psql and
/// fish keep theirs. A history that cannot be read or written costs only the recall, never the session.
/// </summary>
internal sealed class ShellHistoryFile(string path)
{
    /// <summary>How many lines are loaded at start; older ones stay in the file but are not recalled.</summary>
    public const int MaxLines = 1000;

    /// <summary>The file's path.</summary>
    public string Path { get; } = path;

    /// <summary>The history file in the user's state folder, or <c>null</c> when there is no home to put it in.</summary>
    public static ShellHistoryFile? ForUser()
    {
        var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        if (string.IsNullOrEmpty(state) || !System.IO.Path.IsPathRooted(state))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            if (string.IsNullOrEmpty(home))
                return null;
            state = System.IO.Path.Combine(home, ".local", "state");
        }
        return new ShellHistoryFile(System.IO.Path.Combine(state, "search", "history"));
    }

    /// <summary>The last <see cref="MaxLines"/> lines, oldest first; none when the file is missing or unreadable.</summary>
    public IReadOnlyList<string> Load()
    {
        try
        {
            return File.Exists(Path) ? File.ReadLines(Path).Where(l => l.Length > 0).TakeLast(MaxLines).ToArray() : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>Adds a line at the end, creating the folder and file when needed.</summary>
    public void Append(string line)
    {
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            File.AppendAllText(Path, line.ReplaceLineEndings(" ") + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Losing a history line is better than interrupting a search.
        }
    }
}
