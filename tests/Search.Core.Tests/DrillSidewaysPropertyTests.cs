using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Search.Core.Tests;

/// <summary>Drill-sideways counts and hits checked against brute-force counting over the same articles.</summary>
public sealed class DrillSidewaysPropertyTests : IClassFixture<DrillSidewaysPropertyTests.Fixture>
{
    private static readonly string[] GroupPool = ["Lashkar-e-Taiba", "Jaish-e-Mohammed", "Taliban", "al-Qaeda"];
    private static readonly string[] SpeakerPool = ["Ann Lee", "Bo Chen", "Cy Diaz", "Di Eze", "Ed Fox"];
    private static readonly int[] YearPool = [2015, 2016, 2017, 2018];

    public sealed class Fixture : IDisposable
    {
        public Fixture()
        {
            var random = new Random(42);
            Articles = Enumerable.Range(0, 120).Select(i => new Article
            {
                Id = $"a{i:D3}",
                Title = $"Article {i}",
                Body = i % 3 == 0 ? "sanctions were discussed" : "talks were held",
                Facets = Facets.Of(
                    groups: GroupPool.Where(_ => random.Next(3) == 0).ToArray(),
                    speakers: SpeakerPool.Where(_ => random.Next(4) == 0).ToArray(),
                    year: random.Next(5) == 0 ? null : YearPool[random.Next(YearPool.Length)]),
            }).ToArray();
            Index = TestIndex.InTwoSegments(Articles, 60);
        }

        public Article[] Articles { get; }
        public TestIndex Index { get; }
        public void Dispose() => Index.Dispose();
    }

    private readonly Fixture _fixture;

    public DrillSidewaysPropertyTests(Fixture fixture) => _fixture = fixture;

    public static Arbitrary<(bool[] Groups, bool[] Speakers, bool[] Years, bool Query)> Selections() =>
        (from g in Gen.ArrayOf(Gen.Elements(true, false, false), GroupPool.Length)
         from s in Gen.ArrayOf(Gen.Elements(true, false, false), SpeakerPool.Length)
         from y in Gen.ArrayOf(Gen.Elements(true, false, false), YearPool.Length)
         from q in Gen.Elements(true, false)
         select (g, s, y, q)).ToArbitrary();

    [Property(MaxTest = 60, Arbitrary = [typeof(DrillSidewaysPropertyTests)])]
    public void Facets_ForRandomFilters_EqualBruteForceCounts((bool[] Groups, bool[] Speakers, bool[] Years, bool Query) pick)
    {
        var groups = GroupPool.Where((_, i) => pick.Groups[i]).ToArray();
        var speakers = SpeakerPool.Where((_, i) => pick.Speakers[i]).ToArray();
        var years = YearPool.Where((_, i) => pick.Years[i]).ToArray();
        var request = new SearchRequest
        {
            Query = pick.Query ? "sanctions" : "",
            Filters = new Dictionary<string, IReadOnlyList<string>>
            {
                ["group"] = groups,
                ["speaker"] = speakers,
                ["year"] = years.Select(y => y.ToString()).ToArray(),
            },
            Size = 100,
            Facets = new FacetOptions { TopN = 100 },
        };
        var response = _fixture.Index.Index.Search(request);

        bool MatchesQuery(Article a) => !pick.Query || a.Body.Contains("sanctions");
        bool InGroups(Article a) => groups.Length == 0 || a.Values("group").Intersect(groups).Any();
        bool InSpeakers(Article a) => speakers.Length == 0 || a.Values("speaker").Intersect(speakers).Any();
        bool InYears(Article a) => years.Length == 0 || a.Values("year").Any(y => years.Contains(int.Parse(y)));

        var matching = _fixture.Articles.Where(a => MatchesQuery(a) && InGroups(a) && InSpeakers(a) && InYears(a)).ToArray();
        Assert.Equal(matching.Length, response.Total);
        // A page holds at most 100 hits; which 100 depends on the sort, so beyond that check membership only.
        Assert.Equal(Math.Min(100, matching.Length), response.Hits.Count);
        Assert.Subset(matching.Select(a => a.Id).ToHashSet(), response.Hits.Select(h => h.Id).ToHashSet());

        var expectedGroups = Count(_fixture.Articles.Where(a => MatchesQuery(a) && InSpeakers(a) && InYears(a)).SelectMany(a => a.Values("group")));
        var expectedSpeakers = Count(_fixture.Articles.Where(a => MatchesQuery(a) && InGroups(a) && InYears(a)).SelectMany(a => a.Values("speaker")));
        var expectedYears = Count(_fixture.Articles.Where(a => MatchesQuery(a) && InGroups(a) && InSpeakers(a)).SelectMany(a => a.Values("year")));

        Assert.Equal(expectedGroups, Actual(response, "group"));
        Assert.Equal(expectedSpeakers, Actual(response, "speaker"));
        Assert.Equal(expectedYears, Actual(response, "year"));
    }

    private static Dictionary<string, int> Count(IEnumerable<string> values) =>
        values.GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());

    private static Dictionary<string, int> Actual(SearchResponse response, string facet) =>
        response.Facets.Single(f => f.Name == facet).Values.Where(v => v.Count > 0).ToDictionary(v => v.Value, v => v.Count);
}
