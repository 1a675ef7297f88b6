namespace Search.Ingest.Extraction;

/// <summary>
/// The people a whole collection names in full, for a second pass over its speakers: a speaker
/// known only by surname in one article ("President Reagan said") becomes the full name when the
/// collection credits exactly one person with that surname ("Ronald Reagan"). Learn every
/// article's speakers first, then resolve. Not thread-safe while learning; resolving is read-only.
/// </summary>
public sealed class SpeakerDirectory
{
    // Folded surname → the full names credited under it, each with how many articles credit it.
    private readonly Dictionary<string, Dictionary<string, int>> _bySurname = new(StringComparer.Ordinal);

    /// <summary>Records the full names (two words or more) among one article's speakers.</summary>
    public void Learn(IEnumerable<string> speakers)
    {
        ArgumentNullException.ThrowIfNull(speakers);
        foreach (var speaker in speakers)
        {
            var words = PersonNames.Words(speaker);
            if (words.Count < 2)
                continue;
            if (!_bySurname.TryGetValue(words[^1], out var names))
                _bySurname[words[^1]] = names = new Dictionary<string, int>(StringComparer.Ordinal);
            names[speaker] = names.GetValueOrDefault(speaker) + 1;
        }
    }

    /// <summary>
    /// The full name a speaker stands for: a bare surname becomes the one person the collection
    /// credits under it (its most frequent spelling when nicknames vary: "Jim Baker", "James Baker");
    /// any other name, or a surname shared by different people, is returned unchanged.
    /// </summary>
    public string Resolve(string speaker)
    {
        ArgumentNullException.ThrowIfNull(speaker);
        var words = PersonNames.Words(speaker);
        if (words.Count != 1 || !_bySurname.TryGetValue(words[0], out var names))
            return speaker;
        string? best = null;
        var bestCount = 0;
        foreach (var (name, count) in names)
        {
            if (best is not null && !PersonNames.SamePerson(best, name))
                return speaker;
            if (count > bestCount)
                (best, bestCount) = (name, count);
        }
        return best ?? speaker;
    }

    /// <summary>One article's speakers resolved, in order, each person once.</summary>
    public IReadOnlyList<string> Resolve(IEnumerable<string> speakers)
    {
        ArgumentNullException.ThrowIfNull(speakers);
        var resolved = new List<string>();
        foreach (var speaker in speakers)
        {
            var name = Resolve(speaker);
            if (!resolved.Contains(name, StringComparer.Ordinal))
                resolved.Add(name);
        }
        return resolved;
    }
}
