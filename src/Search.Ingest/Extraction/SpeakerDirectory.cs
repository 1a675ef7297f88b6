using Search.Core;

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
            Learn(speaker, 1);
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

    /// <summary>Records a full name credited in <paramref name="articles"/> articles read earlier (an index's stored speakers).</summary>
    public void Learn(string speaker, int articles)
    {
        ArgumentNullException.ThrowIfNull(speaker);
        ArgumentOutOfRangeException.ThrowIfLessThan(articles, 1);
        var words = PersonNames.Words(speaker);
        if (words.Count < 2)
            return;
        if (!_bySurname.TryGetValue(words[^1], out var names))
            _bySurname[words[^1]] = names = new Dictionary<string, int>(StringComparer.Ordinal);
        names[speaker] = names.GetValueOrDefault(speaker) + articles;
    }

    /// <summary>Records the full names among an article's speakers (see <see cref="Learn(IEnumerable{string})"/>).</summary>
    public void Learn(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        Learn(article.Values(FacetNames.Speaker));
    }

    /// <summary>Whether any of the article's speakers is a bare surname, which a later <see cref="Resolve(Article)"/> may join to a full name.</summary>
    public static bool HasBareSurname(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return article.Values(FacetNames.Speaker).Any(s => PersonNames.Words(s).Count == 1);
    }

    /// <summary>
    /// The article with its bare-surname speakers joined to the full names the collection knows. Each
    /// joined speaker's evidence keeps its sentence and says why the name changed; the content hash
    /// stays that of the extraction, so an unchanged file is still recognised as unchanged. The
    /// article itself is returned when nothing changes.
    /// </summary>
    public Article Resolve(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var speakers = article.Values(FacetNames.Speaker);
        var joined = speakers.Select(s => (From: s, To: Resolve(s))).Where(p => p.To != p.From).ToList();
        if (joined.Count == 0)
            return article;
        var facets = new Dictionary<string, IReadOnlyList<string>>(article.Facets, StringComparer.Ordinal)
        {
            [FacetNames.Speaker] = Resolve(speakers),
        };
        var evidence = new List<FacetEvidence>();
        foreach (var item in article.Evidence)
        {
            var join = item.Facet == FacetNames.Speaker ? joined.Find(p => p.From == item.Value) : default;
            var replaced = join.To is null ? item : item with { Value = join.To, Sentence = $"{item.Sentence} [\"{join.From}\" is {join.To}: the one person of that surname the collection names in full]" };
            // The full name may have evidence of its own in this article already; keep the first.
            if (join.To is null || !evidence.Exists(e => e.Facet == replaced.Facet && e.Value == replaced.Value))
                evidence.Add(replaced);
        }
        return article with { Facets = facets, Evidence = evidence };
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
