using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Search.Core;

/// <summary>A search kept under a name with the index: the query, filters and sort, and how far its matches have been seen.</summary>
public sealed record SavedSearch
{
    /// <summary>The name: letters, digits, <c>-</c>, <c>_</c> and <c>.</c>, at most 64 characters, starting with a letter or digit.</summary>
    public required string Name { get; init; }

    /// <summary>The query, as in <see cref="SearchRequest.Query"/>.</summary>
    public string Query { get; init; } = "";

    /// <summary>The filters, as in <see cref="SearchRequest.Filters"/>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The ranges, as in <see cref="SearchRequest.Ranges"/>.</summary>
    public IReadOnlyDictionary<string, FacetRange> Ranges { get; init; } = new Dictionary<string, FacetRange>();

    /// <summary>The order, as in <see cref="SearchRequest.Sort"/>.</summary>
    public SortOrder? Sort { get; init; }

    /// <summary>When it was saved.</summary>
    public DateTimeOffset SavedAt { get; init; }

    /// <summary>
    /// The commit time of the index when the search was saved or last run: matches indexed after it are
    /// new (<see cref="SearchRequest.IndexedAfter"/>). <c>null</c> when the index recorded no commit time.
    /// </summary>
    public DateTimeOffset? SeenUntil { get; init; }

    /// <summary>The entries and matching of a saved batch (<see cref="SavedSearches.SaveBatch"/>); <c>null</c> for a single search.</summary>
    public SavedBatch? Batch { get; init; }

    /// <summary>The search as a request (first page, default size and highlighting).</summary>
    public SearchRequest ToRequest() => new() { Query = Query, Filters = Filters, Ranges = Ranges, Sort = Sort };
}

/// <summary>What a saved batch keeps beside the filters, ranges and sort of its <see cref="SavedSearch"/>.</summary>
/// <param name="Entries">The entries, in order.</param>
/// <param name="Matching">How entries without their own matching become queries.</param>
/// <param name="Hits">Top hits per entry.</param>
public sealed record SavedBatch(IReadOnlyList<BatchEntry> Entries, BatchMatching Matching, int Hits);

/// <summary>The result of running a saved batch.</summary>
/// <param name="Search">The saved batch as it was before this run (its <see cref="SavedSearch.SeenUntil"/> is the mark that "new" was measured from).</param>
/// <param name="OnlyNew">Whether only new matches were counted.</param>
/// <param name="Response">The batch's results.</param>
public sealed record SavedBatchRun(SavedSearch Search, bool OnlyNew, BatchResponse Response);

/// <summary>A saved search with its current counts.</summary>
/// <param name="Search">The saved search.</param>
/// <param name="Matches">Articles matching it now (for a saved batch, the sum of its entries' matches).</param>
/// <param name="New">Of those, articles indexed since it was saved or last run.</param>
public sealed record SavedSearchSummary(SavedSearch Search, int Matches, int New);

/// <summary>The result of running a saved search.</summary>
/// <param name="Search">The saved search as it was before this run (its <see cref="SavedSearch.SeenUntil"/> is the mark that "new" was measured from).</param>
/// <param name="OnlyNew">Whether only new matches were asked for.</param>
/// <param name="Response">The matches.</param>
public sealed record SavedSearchRun(SavedSearch Search, bool OnlyNew, SearchResponse Response);

/// <summary>No saved search has the name asked for.</summary>
public sealed class SavedSearchNotFoundException(string name)
    : SearchException($"No saved search is called '{name}'. List them with 'search saved' or GET /api/saved.")
{
    /// <summary>The name asked for.</summary>
    public string Name { get; } = name;
}

/// <summary>
/// The saved searches of an index, kept in <see cref="FileName"/> in the index folder. Running one marks
/// its matches seen, so the next run with "only new" returns exactly the articles indexed since.
/// </summary>
/// <remarks>
/// A JSON file beside the index rather than Lucene commit data: saving, removing and marking seen must
/// not need the index's single writer (held for minutes by <c>search index --watch</c>), nor make a
/// commit per run. The file is replaced atomically (written aside, then renamed over), so a reader never
/// sees half of it; two processes changing it at the same instant can lose one change, the later wins.
/// </remarks>
public sealed partial class SavedSearches
{
    /// <summary>The file in the index folder that holds the saved searches.</summary>
    public const string FileName = "saved-searches.json";

    /// <summary>The longest name accepted.</summary>
    public const int MaxNameLength = 64;

    private static readonly Lock FileLock = new();

    private readonly SearchIndex _index;
    private readonly string _file;

    /// <summary>The saved searches of <paramref name="index"/>.</summary>
    public SavedSearches(SearchIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        _index = index;
        _file = Path.Combine(index.Path, FileName);
    }

    /// <summary>Every saved search, by name, with its match and new-match counts.</summary>
    public IReadOnlyList<SavedSearchSummary> List(CancellationToken cancellation = default) =>
        Load().Values
            .OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
            .Select(s => new SavedSearchSummary(s, Count(s, false, cancellation), Count(s, true, cancellation)))
            .ToArray();

    /// <summary>The saved search called <paramref name="name"/> (ignoring case), or <c>null</c>.</summary>
    public SavedSearch? Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Load().GetValueOrDefault(name);
    }

    /// <summary>
    /// Saves the query, filters, ranges and sort of <paramref name="request"/> under <paramref name="name"/>,
    /// replacing a search of that name. What the index holds now counts as seen.
    /// </summary>
    /// <exception cref="InvalidSearchRequestException">The name is not valid, or the request is out of bounds.</exception>
    public SavedSearch Save(string name, SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckName(name);
        var probe = _index.Search(request with { Page = 1, Size = 0, Cursor = null, IndexedAfter = null });
        var saved = new SavedSearch
        {
            Name = name,
            Query = request.Query,
            Filters = request.Filters,
            Ranges = request.Ranges,
            Sort = request.Sort,
            SavedAt = DateTimeOffset.UtcNow,
            SeenUntil = probe.CommittedAt,
        };
        Update(all => all[name] = saved);
        return saved;
    }

    /// <summary>Removes the saved search called <paramref name="name"/>; false when there was none.</summary>
    public bool Remove(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var removed = false;
        Update(all => removed = all.Remove(name));
        return removed;
    }

    /// <summary>
    /// Runs the saved search: all its matches, or with <paramref name="onlyNew"/> those indexed since it was
    /// saved or last run. Either way the matches it could see are marked seen.
    /// </summary>
    /// <param name="name">The saved search.</param>
    /// <param name="onlyNew">Only matches indexed since the last run.</param>
    /// <param name="shape">Paging and highlighting for the run (its query, filters and sort are the saved ones); <c>null</c> for the defaults.</param>
    /// <param name="cancellation">Cancels the search.</param>
    /// <exception cref="SavedSearchNotFoundException">No saved search has the name.</exception>
    public SavedSearchRun Run(string name, bool onlyNew, SearchRequest? shape = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        var saved = Get(name) ?? throw new SavedSearchNotFoundException(name);
        if (saved.Batch is not null)
            throw new InvalidSearchRequestException("Name", $"'{saved.Name}' is a saved batch; run it with 'search run {saved.Name}'.");
        shape ??= new SearchRequest();
        var response = _index.Search(shape with
        {
            Query = saved.Query,
            Filters = saved.Filters,
            Ranges = saved.Ranges,
            Sort = saved.Sort,
            IndexedAfter = onlyNew ? saved.SeenUntil : null,
        }, cancellation);
        MarkSeen(saved, response.CommittedAt);
        return new SavedSearchRun(saved, onlyNew, response);
    }

    /// <summary>
    /// Saves a batch (its entries, matching, hits per entry, and the filters, ranges and sort of its
    /// <see cref="BatchRequest.Search"/>) under <paramref name="name"/>, replacing a search of that name.
    /// What the index holds now counts as seen.
    /// </summary>
    /// <exception cref="InvalidSearchRequestException">The name is not valid, or the batch is out of bounds.</exception>
    public SavedSearch SaveBatch(string name, BatchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckName(name);
        var probe = _index.SearchBatch(request with { Hits = 0, Facets = [], Search = request.Search with { IndexedAfter = null } });
        var saved = new SavedSearch
        {
            Name = name,
            Filters = request.Search.Filters,
            Ranges = request.Search.Ranges,
            Sort = request.Search.Sort,
            SavedAt = DateTimeOffset.UtcNow,
            SeenUntil = probe.CommittedAt,
            Batch = new SavedBatch(request.Entries, request.Matching, request.Hits),
        };
        Update(all => all[name] = saved);
        return saved;
    }

    /// <summary>
    /// Runs a saved batch: every entry's matches, or with <paramref name="onlyNew"/> only those indexed
    /// since it was saved or last run. Either way the matches it could see are marked seen.
    /// </summary>
    /// <exception cref="SavedSearchNotFoundException">No saved search has the name.</exception>
    /// <exception cref="InvalidSearchRequestException">The saved search is not a batch.</exception>
    public SavedBatchRun RunBatch(string name, bool onlyNew, IProgress<int>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        var saved = Get(name) ?? throw new SavedSearchNotFoundException(name);
        if (saved.Batch is null)
            throw new InvalidSearchRequestException("Name", $"'{saved.Name}' is a saved search, not a batch; run it with 'search run {saved.Name}'.");
        var response = _index.SearchBatch(ToBatchRequest(saved, onlyNew), progress, cancellation);
        MarkSeen(saved, response.CommittedAt);
        return new SavedBatchRun(saved, onlyNew, response);
    }

    private static BatchRequest ToBatchRequest(SavedSearch saved, bool onlyNew) => new()
    {
        Entries = saved.Batch!.Entries,
        Matching = saved.Batch.Matching,
        Hits = saved.Batch.Hits,
        Search = saved.ToRequest() with { IndexedAfter = onlyNew ? saved.SeenUntil : null },
    };

    private void MarkSeen(SavedSearch saved, DateTimeOffset? committedAt)
    {
        if (committedAt is { } seen && (saved.SeenUntil is null || seen > saved.SeenUntil))
            Update(all =>
            {
                if (all.TryGetValue(saved.Name, out var current))
                    all[current.Name] = current with { SeenUntil = seen };
            });
    }

    private int Count(SavedSearch search, bool onlyNew, CancellationToken cancellation) =>
        search.Batch is not null
            ? _index.SearchBatch(ToBatchRequest(search, onlyNew) with { Hits = 0 }, null, cancellation).Results.Sum(r => r.Total)
            : _index.Search(search.ToRequest() with { Size = 0, IndexedAfter = onlyNew ? search.SeenUntil : null, Highlight = new HighlightOptions { Enabled = false } }, cancellation).Total;

    private static void CheckName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength || !NamePattern().IsMatch(name))
            throw new InvalidSearchRequestException("Name", $"'{name}' is not a usable name for a saved search; use up to {MaxNameLength} letters, digits, '-', '_' or '.', starting with a letter or digit.");
    }

    [GeneratedRegex(@"^[\p{L}\p{Nd}][\p{L}\p{Nd}._-]*$")]
    private static partial Regex NamePattern();

    private Dictionary<string, SavedSearch> Load()
    {
        lock (FileLock)
            return Read();
    }

    private Dictionary<string, SavedSearch> Read()
    {
        var all = new Dictionary<string, SavedSearch>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(_file))
            return all;
        SavedSearchFile? stored;
        try
        {
            stored = JsonSerializer.Deserialize(File.ReadAllText(_file), CoreJson.SavedSearches.SavedSearchFile);
        }
        catch (JsonException e)
        {
            throw new SearchException($"The saved searches in '{_file}' cannot be read ({e.Message}). Fix or delete the file.", e);
        }
        foreach (var search in stored?.Searches ?? [])
            all[search.Name] = search;
        return all;
    }

    private void Update(Action<Dictionary<string, SavedSearch>> change)
    {
        lock (FileLock)
        {
            var all = Read();
            change(all);
            var text = JsonSerializer.Serialize(new SavedSearchFile(all.Values.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToArray()), CoreJson.SavedSearches.SavedSearchFile);
            var aside = _file + "." + Guid.NewGuid().ToString("N") + ".tmp";
            try
            {
                File.WriteAllText(aside, text);
                File.Move(aside, _file, overwrite: true);
            }
            finally
            {
                File.Delete(aside);
            }
        }
    }

    internal sealed record SavedSearchFile(IReadOnlyList<SavedSearch> Searches);
}
