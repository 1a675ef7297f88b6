using Lucene.Net.Util.Automaton;
using Search.Core.Querying;

namespace Search.Core.Tests;

public sealed class RegexCostTests
{
    private static DeterminizationBudget Budget() => new(SearchLimits.MaxDeterminizedStates);

    [Theory]
    [InlineData("lashkar")]
    [InlineData("[a-z]+ing")]
    [InlineData("colou?r")]
    [InlineData("(pompeo|miller)&~(miller)")]
    [InlineData("[^x]ackers?")]
    [InlineData("<1-100>")]
    [InlineData("\"a.b\"@")]
    [InlineData("a{2,}b{0,3}")]
    [InlineData("()#|x")]
    [InlineData("[ab]*a[ab]{8}")]
    public void Check_WhenExpressionIsSmall_PassesAndLuceneAgrees(string regex)
    {
        var budget = Budget();
        RegexCost.Check(regex, budget);
        Assert.True(budget.Remaining < SearchLimits.MaxDeterminizedStates);
        Assert.NotNull(new RegExp(regex).ToAutomaton());
    }

    [Theory]
    [InlineData("[ab]*a[ab]{20}")]
    [InlineData("[ab]*a[ab]{16}")]
    [InlineData("(.*a){14}.{9}")]
    [InlineData("(a{1000}){1000}")]
    [InlineData("a{99999999999}")]
    public void Check_WhenExpressionDeterminizesPastTheBudget_ThrowsNamingTheLimit(string regex)
    {
        var error = Assert.Throws<QueryLimitException>(() => RegexCost.Check(regex, Budget()));
        Assert.Equal(nameof(SearchLimits.MaxDeterminizedStates), error.Limit);
    }

    [Theory]
    [InlineData("[abc")]
    [InlineData("(abc")]
    [InlineData("abc)")]
    [InlineData("a{2")]
    [InlineData("a{,2}")]
    [InlineData("[z-a]")]
    [InlineData("\"open")]
    [InlineData("<name>")]
    [InlineData("a|")]
    [InlineData("\\")]
    public void Check_WhenExpressionIsMalformed_ThrowsArgumentExceptionAsLuceneDoes(string regex)
    {
        Assert.Throws<ArgumentException>(() => RegexCost.Check(regex, Budget()));
        Assert.ThrowsAny<Exception>(() => new RegExp(regex).ToAutomaton());
    }

    [Fact]
    public void Check_OnRandomExpressions_OnlyPassesOrThrowsItsTwoExceptions()
    {
        const string alphabet = "ab.*+?|()[]{}0129,^~&#@<>-\\\"";
        var random = new Random(17);
        var outcomes = new Dictionary<string, int>();
        for (var i = 0; i < 3000; i++)
        {
            var regex = new string(Enumerable.Range(0, random.Next(1, 24)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var outcome = "passed";
            try
            {
                RegexCost.Check(regex, Budget());
            }
            catch (QueryLimitException)
            {
                outcome = "limit";
            }
            catch (ArgumentException)
            {
                outcome = LuceneAccepts(regex) ? "malformed here only" : "malformed";
            }
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }
        Assert.Equal(["malformed", "passed"], outcomes.Keys.Where(k => k != "limit").Order());
    }

    private static bool LuceneAccepts(string regex)
    {
        try
        {
            new RegExp(regex).ToAutomaton();
            return true;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            return false;
        }
    }
}
