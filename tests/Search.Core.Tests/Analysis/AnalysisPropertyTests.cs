using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Search.Core.Tests.Analysis;

/// <summary>Date histograms and pivots checked against brute-force counting over the same random articles.</summary>
public sealed class AnalysisPropertyTests : IClassFixture<AnalysisPropertyTests.Fixture>
{
    private static readonly string[] GroupPool = ["Lashkar-e-Taiba", "Jaish-e-Mohammed", "Taliban", "al-Qaeda"];
    private static readonly string[] SpeakerPool = ["Ann Lee", "Bo Chen", "Cy Diaz", "Di Eze"];
    private static readonly string[] MonthPool = ["2016-11", "2017-01", "2017-02", "2018-12"];

    public sealed class Fixture : IDisposable
    {
        public Fixture()
        {
            var random = new Random(7);
            Articles = Enumerable.Range(0, 150).Select(i =>
            {
                // A fifth undated; the rest in six months of each year of 2016-2018, so the month histogram has empty months to fill.
                DateTimeOffset? published = random.Next(5) == 0
                    ? null
                    : new DateTimeOffset(2016 + random.Next(3), 1 + random.Next(12) / 4 * 4 + random.Next(2), 1 + random.Next(28), 12, 0, 0, TimeSpan.Zero);
                return new Article
                {
                    Id = $"a{i:D3}",
                    Title = $"Article {i}",
                    Body = i % 3 == 0 ? "sanctions were discussed" : "talks were held",
                    Published = published,
                    Facets = Facets.Of(
                        groups: GroupPool.Where(_ => random.Next(3) == 0).ToArray(),
                        speakers: SpeakerPool.Where(_ => random.Next(3) == 0).ToArray(),
                        year: published?.Year),
                };
            }).ToArray();
            Index = TestIndex.InTwoSegments(Articles, 70);
        }

        public Article[] Articles { get; }
        public TestIndex Index { get; }
        public void Dispose() => Index.Dispose();
    }

    private readonly Fixture _fixture;

    public AnalysisPropertyTests(Fixture fixture) => _fixture = fixture;

    public static Arbitrary<(bool[] Groups, bool[] Speakers, bool[] Months, bool Query, bool Monthly)> Selections() =>
        (from g in Gen.ArrayOf(Gen.Elements(true, false, false), GroupPool.Length)
         from s in Gen.ArrayOf(Gen.Elements(true, false, false), SpeakerPool.Length)
         from m in Gen.ArrayOf(Gen.Elements(true, false, false), MonthPool.Length)
         from q in Gen.Elements(true, false)
         from monthly in Gen.Elements(true, false)
         select (g, s, m, q, monthly)).ToArbitrary();

    [Property(MaxTest = 50, Arbitrary = [typeof(AnalysisPropertyTests)])]
    public void Histogram_ForRandomFilters_EqualsBruteForceCountsAndShares((bool[] Groups, bool[] Speakers, bool[] Months, bool Query, bool Monthly) pick)
    {
        var groups = GroupPool.Where((_, i) => pick.Groups[i]).ToArray();
        var months = MonthPool.Where((_, i) => pick.Months[i]).ToArray();
        var interval = pick.Monthly ? CalendarInterval.Month : CalendarInterval.Year;
        var response = _fixture.Index.Index.Search(new SearchRequest
        {
            Query = pick.Query ? "sanctions" : "",
            Filters = new Dictionary<string, IReadOnlyList<string>> { ["group"] = groups, ["month"] = months },
            Size = 0,
            Histogram = new HistogramOptions { Interval = interval },
        });

        string? KeyOf(Article a) => a.Published is { } p ? CalendarPeriod.Of(p, interval).Key : null;
        bool Matches(Article a) => (!pick.Query || a.Body.Contains("sanctions")) && (groups.Length == 0 || a.Values("group").Intersect(groups).Any());
        var dated = _fixture.Articles.Where(a => a.Published is not null).ToArray();
        // Every period from the earliest dated article's to the latest's, gaps included.
        var first = dated.Min(a => CalendarPeriod.Of(a.Published!.Value, interval));
        var last = dated.Max(a => CalendarPeriod.Of(a.Published!.Value, interval));
        var expectedKeys = new List<string>();
        for (var period = first; period.CompareTo(last) <= 0; period = period.Next())
            expectedKeys.Add(period.Key);

        var histogram = Assert.IsType<DateHistogram>(response.Histogram);
        Assert.Equal(interval, histogram.Interval);
        Assert.Equal(expectedKeys, histogram.Buckets.Select(b => b.Key));
        foreach (var bucket in histogram.Buckets)
        {
            var total = dated.Count(a => KeyOf(a) == bucket.Key);
            var count = dated.Count(a => KeyOf(a) == bucket.Key && Matches(a));
            Assert.Equal((bucket.Key, count, total), (bucket.Key, bucket.Count, bucket.Total));
            Assert.Equal(total == 0 ? 0 : (double)count / total, bucket.Share, 12);
        }
        // Without a date filter the bars hold every dated match.
        if (months.Length == 0)
            Assert.Equal(response.Total - _fixture.Articles.Count(a => a.Published is null && Matches(a)), histogram.Buckets.Sum(b => b.Count));
    }

    [Property(MaxTest = 50, Arbitrary = [typeof(AnalysisPropertyTests)])]
    public void Pivot_ForRandomFilters_EqualsBruteForceCounts((bool[] Groups, bool[] Speakers, bool[] Months, bool Query, bool Monthly) pick)
    {
        var groups = GroupPool.Where((_, i) => pick.Groups[i]).ToArray();
        var speakers = SpeakerPool.Where((_, i) => pick.Speakers[i]).ToArray();
        var months = MonthPool.Where((_, i) => pick.Months[i]).ToArray();
        var table = _fixture.Index.Index.Pivot(new PivotRequest
        {
            Rows = "speaker",
            Columns = "group",
            TopRows = 3,
            Search = new SearchRequest
            {
                Query = pick.Query ? "sanctions" : "",
                Filters = new Dictionary<string, IReadOnlyList<string>> { ["group"] = groups, ["speaker"] = speakers, ["month"] = months },
            },
        });

        // The filters on the two pivoted facets are ignored; the month filter applies.
        var matching = _fixture.Articles
            .Where(a => (!pick.Query || a.Body.Contains("sanctions")) && (months.Length == 0 || a.Published is { } p && months.Contains(CalendarPeriod.Of(p, CalendarInterval.Month).Key)))
            .ToArray();
        var rowTotals = SpeakerPool.ToDictionary(s => s, s => matching.Count(a => a.Values("speaker").Contains(s)));
        var columnTotals = GroupPool.ToDictionary(g => g, g => matching.Count(a => a.Values("group").Contains(g)));
        var expectedRows = rowTotals.Where(r => r.Value > 0).OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).Take(3).Select(r => r.Key);
        var expectedColumns = columnTotals.Where(c => c.Value > 0).OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key);

        Assert.Equal(matching.Length, table.Total);
        Assert.Equal(expectedRows, table.Rows);
        Assert.Equal(expectedColumns, table.Columns);
        Assert.Equal(table.Rows.Select(r => rowTotals[r]), table.RowTotals);
        Assert.Equal(table.Columns.Select(c => columnTotals[c]), table.ColumnTotals);
        for (var r = 0; r < table.Rows.Count; r++)
        {
            for (var c = 0; c < table.Columns.Count; c++)
                Assert.Equal(matching.Count(a => a.Values("speaker").Contains(table.Rows[r]) && a.Values("group").Contains(table.Columns[c])), table.Counts[r][c]);
        }
    }
}
