namespace Search.Benchmarks.Corpora;

/// <summary>
/// Finds the shared third-party corpora (<c>shared/corpora/NAME</c>), which live beside the
/// repository rather than in it. Callers decide what to do when a corpus is absent (tests skip).
/// </summary>
public static class SharedCorpora
{
    /// <summary>
    /// The folder <c>shared/corpora/<paramref name="corpus"/></c> found in the working folder, the
    /// program's folder or any of their parents; <c>null</c> when there is none.
    /// </summary>
    public static string? Find(string corpus)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(corpus);
        return FindUp(Path.Combine("shared", "corpora", corpus));
    }

    /// <summary>A relative folder looked up from the working folder and the program's folder upwards; <c>null</c> when absent.</summary>
    public static string? FindUp(string relative)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(relative);
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (Directory.Exists(candidate))
                    return candidate;
            }
        }
        return null;
    }
}
