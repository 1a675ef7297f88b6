using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Search.Core.Tests;

/// <summary>
/// Random query strings, mostly query syntax (regular expressions, fuzzy terms, wildcards, ranges,
/// groups), never escape the library as anything but its own errors with a sentence, and never run
/// past the time budget.
/// </summary>
public sealed class QueryFuzzPropertyTests : IClassFixture<QueryFuzzPropertyTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public TestIndex Index { get; } = new(Articles.Sample);
        public void Dispose() => Index.Dispose();
    }

    private static readonly string[] Pieces =
        ["a", "b", "z", "hackers", "attack", "*", "?", "~", "~2", "/", "[", "]", "{", "}", "(", ")", "\"", ":", "^", "+", "-", "!",
         "&&", "||", " ", " ", " ", "TO", "AND", "OR", "NOT", "\\", ".", ",", "title:", "body:", "group:", "year:", "2016", "é", "\u0000", "中", "[ab]*", "{20}", ".*"];

    private readonly TestIndex _index;

    public QueryFuzzPropertyTests(Fixture fixture) => _index = fixture.Index;

    public static Arbitrary<string> Queries() =>
        Gen.ListOf(Gen.Elements(Pieces)).Select(parts => string.Concat(parts)).ToArbitrary();

    [Property(MaxTest = 300, Arbitrary = [typeof(QueryFuzzPropertyTests)])]
    public void Search_ForAnyQuery_AnswersOrRefusesWithASentence(string query)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            var response = _index.Search(query);
            Assert.True(response.Total >= 0);
        }
        catch (SearchException e)
        {
            Assert.Matches(@"^['A-Z].*\.$", e.Message.Replace("\n", " "));
        }
        Assert.True(clock.Elapsed < SearchLimits.DefaultTimeBudget + TimeSpan.FromSeconds(5), $"'{query}' took {clock.Elapsed}.");
    }
}
