namespace Search.Core.Tests;

public class SmokeTests
{
    [Fact]
    public void Search_WhenAcronymQuery_FindsFullNameAndNotTheVerb()
    {
        using var index = new TestIndex(Articles.Sample);
        var response = index.Search("LeT");
        var ids = response.Hits.Select(h => h.Id).ToArray();
        Assert.Contains("lashkar-2018", ids);
        Assert.Contains("let-2022", ids);
        Assert.DoesNotContain("verb-2016", ids);
        foreach (var hit in response.Hits)
            Console.WriteLine($"{hit.Id} {hit.Score} | {string.Join(" / ", hit.Passages.Select(p => p.Html))}");
        foreach (var f in response.Facets)
            Console.WriteLine($"{f.Name}: {string.Join(", ", f.Values.Select(v => $"{v.Value}={v.Count}{(v.Selected ? "*" : "")}"))}");
    }
}
