using System.Text;

namespace Search.Core.Tests.Batch;

public sealed class BatchSearchTests : IDisposable
{
    private static Article Dated(string id, string title, string body, int year, int month, int day, string[]? groups = null) =>
        Articles.Make(id, title, body, year, groups) with { Published = new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero) };

    private readonly TestIndex _index = new(
    [
        Dated("saeed-2008", "UN lists Jamaat-ud-Dawa", "The council named Hafiz Saeed and Jamaat-ud-Dawa.", 2008, 12, 11, ["Jamaat-ud-Dawa"]),
        Dated("saeed-2019", "Hafiz Saeed arrested", "Police in Lahore arrested Hafiz Saeed on terror financing charges.", 2019, 7, 17),
        Dated("saeed-2022", "Saeed sentenced again", "A court sentenced Hafiz Muhammad Saeed to prison.", 2022, 4, 8),
        Dated("masood-2019", "Masood Azhar listed", "The council listed Masood Azhar after months of talks.", 2019, 5, 1),
        Articles.Make("undated-saeed", "Note on Saeed", "An undated note that names Hafiz Saeed.", 2021),
    ]);

    public void Dispose() => _index.Dispose();

    private BatchResult[] Run(BatchMatching matching, params string[] entries) =>
        _index.Index.SearchBatch(BatchRequest.For(entries, matching)).Results.ToArray();

    [Fact]
    public void SearchBatch_EachEntry_CountsAndDatesItsMatchesLikeASearch()
    {
        var results = Run(new BatchMatching(), "\"Hafiz Saeed\"", "Masood", "nobody");

        Assert.Equal(["\"Hafiz Saeed\"", "Masood", "nobody"], results.Select(r => r.Entry));
        Assert.Equal([3, 1, 0], results.Select(r => r.Total));
        Assert.Equal([_index.Search("\"Hafiz Saeed\"").Total, _index.Search("Masood").Total, 0], results.Select(r => r.Total));
        // The undated article of 2021 counts from 1 January of its year.
        Assert.Equal(new DateTimeOffset(2008, 12, 11, 0, 0, 0, TimeSpan.Zero), results[0].First);
        Assert.Equal(new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero), results[0].Last);
        Assert.Equal(new DateTimeOffset(2019, 5, 1, 0, 0, 0, TimeSpan.Zero), results[1].First);
        Assert.Equal(results[1].First, results[1].Last);
        Assert.Null(results[2].First);
        Assert.Null(results[2].Last);
        Assert.All(results, r => Assert.Null(r.Error));
    }

    [Fact]
    public void SearchBatch_MalformedEntries_AreReportedInTheirRowsWhileTheOthersComplete()
    {
        var results = Run(new BatchMatching(), "\"Hafiz Saeed", "/[ab]*a[ab]{20}/", "Masood", "   ");

        Assert.Equal("A quote is not closed.", results[0].Error);
        Assert.StartsWith("The regular expression is too complex", results[1].Error);
        Assert.Null(results[2].Error);
        Assert.Equal(1, results[2].Total);
        Assert.Equal("The entry is empty; there is nothing to search for.", results[3].Error);
        Assert.Equal([0, 0, 1, 0], results.Select(r => r.Total));
    }

    [Theory]
    [InlineData(false, 0, 0, "Hafiz Saeed", "Hafiz Saeed")]
    [InlineData(true, 0, 0, "Hafiz \"Saeed\"", "\"Hafiz Saeed\"")]
    [InlineData(true, 0, 1, "Hafiz Saeed", "\"Hafiz Saeed\"~1")]
    [InlineData(false, 0, 2, "Hafiz Saeed", "\"Hafiz Saeed\"~2")]
    [InlineData(false, 1, 0, "Hafiz Saeed", "+Hafiz~1 +Saeed~1")]
    [InlineData(false, 2, 0, "Jamaat-ud-Dawa (JuD)", "+Jamaat\\-ud\\-Dawa~2 +JuD~2")]
    public void SearchBatch_Matching_TurnsTheEntryIntoThisQuery(bool phrase, int fuzzy, int proximity, string entry, string query)
    {
        var result = Run(new BatchMatching { Phrase = phrase, Fuzzy = fuzzy, Proximity = proximity }, entry).Single();

        Assert.Equal(query, result.Query);
    }

    [Fact]
    public void SearchBatch_ProximityAndFuzzy_FindWhatAnExactPhraseMisses()
    {
        var exact = Run(new BatchMatching { Phrase = true }, "Hafiz Saeed", "Hafis Saeed").Select(r => r.Total);
        var near = Run(new BatchMatching { Proximity = 1 }, "Hafiz Saeed").Single().Total;
        var fuzzy = Run(new BatchMatching { Fuzzy = 1 }, "Hafis Saeed").Single().Total;

        // "Hafiz Muhammad Saeed" is one word off the phrase; "Hafis" one edit off "Hafiz".
        Assert.Equal([3, 0], exact);
        Assert.Equal(4, near);
        Assert.Equal(4, fuzzy);
    }

    [Fact]
    public void SearchBatch_PerEntryMatching_OverridesTheBatchDefault()
    {
        var request = new BatchRequest
        {
            Entries = [new BatchEntry("Hafiz Saeed"), new BatchEntry("Hafiz Saeed", new BatchMatching { Phrase = true })],
            Matching = new BatchMatching { Fuzzy = 1, Phrase = false },
        };

        var results = _index.Index.SearchBatch(request).Results;

        Assert.Equal(["+Hafiz~1 +Saeed~1", "\"Hafiz Saeed\""], results.Select(r => r.Query));
        Assert.Equal("Fuzzy words do not combine with a phrase; use the proximity to let a phrase's words move, or fuzzy without the phrase.",
            _index.Index.SearchBatch(request with { Entries = [new BatchEntry("x", new BatchMatching { Fuzzy = 1, Phrase = true })] }).Results.Single().Error);
    }

    [Fact]
    public void SearchBatch_SharedFiltersHitsAndFacets_ApplyToEveryEntry()
    {
        var request = BatchRequest.For(["Saeed", "council"]) with
        {
            Search = new SearchRequest { Ranges = Facets.Years(2019, null), Sort = SortOrder.Oldest },
            Hits = 2,
            Facets = ["year"],
        };

        var results = _index.Index.SearchBatch(request).Results;

        Assert.Equal([3, 1], results.Select(r => r.Total));
        Assert.Equal(["saeed-2019", "undated-saeed"], results[0].Hits.Select(h => h.Id));
        Assert.Equal(["masood-2019"], results[1].Hits.Select(h => h.Id));
        Assert.Equal(["2019", "2021", "2022"], results[0].Facets.Single().Values.Select(v => v.Value).Order());
    }

    [Theory]
    [InlineData(0, "The batch has no entries; give at least one name or phrase.")]
    [InlineData(10_001, "The batch has 10,001 entries; the limit is 10,000. Split it into several batches.")]
    public void SearchBatch_WithNoneOrTooManyEntries_IsRefusedWithASentence(int count, string message)
    {
        var request = BatchRequest.For(Enumerable.Repeat("Saeed", count));

        var error = Assert.Throws<InvalidSearchRequestException>(() => _index.Index.SearchBatch(request));

        Assert.Equal(message, error.Message);
        Assert.Equal("Entries", error.Parameter);
    }

    [Fact]
    public void SearchBatch_ReportsProgressForEveryEntry()
    {
        var seen = new List<int>();
        var progress = new SynchronousProgress(seen);

        _index.Index.SearchBatch(BatchRequest.For(["Saeed", "Masood", "council"]) with { Parallelism = 1 }, progress);

        Assert.Equal([1, 2, 3], seen);
    }

    [Fact]
    public void SearchBatch_WhenAnEntryRunsOutOfTime_ReportsItInItsRow()
    {
        var request = BatchRequest.For(["Saeed", "Masood"]) with { Search = new SearchRequest { TimeBudget = TimeSpan.FromTicks(1) } };

        var results = _index.Index.SearchBatch(request).Results;

        Assert.All(results, r => Assert.Equal("The search was stopped after its time budget of 0 ms; make the query more specific (fewer patterns or fuzzy terms, a filter) and try again.", r.Error));
    }

    [Fact]
    public void SearchBatch_WhenCallerCancels_ThrowsCancellation()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => _index.Index.SearchBatch(BatchRequest.For(["Saeed"]), null, cancelled.Token));
    }

    [Fact]
    public async Task WriteCsv_WritesARowPerEntry_WithErrorsAndFormulaCellsAsText()
    {
        var response = _index.Index.SearchBatch(BatchRequest.For(["\"Hafiz Saeed\"", "=cmd", "\"open"]));
        using var output = new MemoryStream();

        var rows = await BatchExporter.WriteCsvAsync(response.Results, output);

        Assert.Equal(3, rows);
        Assert.Equal(
            "\uFEFFentry,total,first,last,query,error\r\n"
            + "\"\"\"Hafiz Saeed\"\"\",3,2008-12-11,2021-01-01,\"\"\"Hafiz Saeed\"\"\",\r\n"
            + "\"'=cmd\",0,,,\"'=cmd\",\r\n"
            + "\"\"\"open\",,,,\"\"\"open\",A quote is not closed.\r\n",
            Encoding.UTF8.GetString(output.ToArray()));
    }

    private sealed class SynchronousProgress(List<int> seen) : IProgress<int>
    {
        public void Report(int value) => seen.Add(value);
    }
}
