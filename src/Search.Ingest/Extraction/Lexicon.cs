using System.Reflection;

namespace Search.Ingest.Extraction;

/// <summary>
/// A word list embedded beside the extractor (<c>Extraction/Lexicons/NAME.txt</c>): one entry a
/// line, <c>#</c> starts a comment, and a trailing <c>+</c> marks an entry as belonging to the
/// list's narrower sense (for reporting verbs: may stand before its speaker). Loaded once.
/// </summary>
internal sealed class Lexicon
{
    private Lexicon(IReadOnlyList<string> entries, IReadOnlyList<string> marked)
    {
        Entries = entries;
        Marked = marked;
    }

    /// <summary>Every entry, lower case, without its mark.</summary>
    public IReadOnlyList<string> Entries { get; }

    /// <summary>The entries marked with <c>+</c>.</summary>
    public IReadOnlyList<string> Marked { get; }

    public static Lexicon Load(string name)
    {
        var resource = $"Search.Ingest.Extraction.Lexicons.{name}.txt";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded word list '{resource}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var entries = new List<string>();
        var marked = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var text = line.Trim();
            if (text.Length == 0 || text[0] == '#')
                continue;
            var isMarked = text.EndsWith('+');
            var entry = (isMarked ? text[..^1] : text).Trim().ToLowerInvariant();
            entries.Add(entry);
            if (isMarked)
                marked.Add(entry);
        }
        return new Lexicon(entries, marked);
    }
}
