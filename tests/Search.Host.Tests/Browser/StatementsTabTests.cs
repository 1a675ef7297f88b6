namespace Search.Host.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class StatementsTabTests(LiveHost host)
{
    [ChromeFact]
    public void StatementsTab_SearchesStatementsWithTheSameQueryAndBack()
    {
        using var browser = new BrowserSession(host.BaseAddress);
        browser.Open("?q=Pompeo");
        Assert.Equal("true", browser.Find("#tab-articles").GetAttribute("aria-selected"));

        browser.Find("#tab-statements").Click();
        browser.WaitUntilReady(d => d.Url.Contains("view=statements"));

        Assert.Equal(new Uri(host.BaseAddress, "?q=Pompeo&view=statements").ToString(), browser.Driver.Url);
        Assert.Equal("true", browser.Find("#tab-statements").GetAttribute("aria-selected"));
        // The test corpus's articles carry no statements.
        Assert.StartsWith("0 results for “Pompeo”", browser.Find("#summary").Text);
        Assert.Equal("No statements match. Try fewer words, or clear some filters.", browser.Find("#hits .empty").Text);
        Assert.Equal(["speaker", "group", "year"], browser.FindAll("#facets fieldset").Select(f => f.GetAttribute("data-facet")));
        browser.Screenshot("statements-tab");

        browser.Find("#tab-articles").Click();
        browser.WaitUntilReady(d => !d.Url.Contains("view="));
        Assert.StartsWith("2 results for “Pompeo”", browser.Find("#summary").Text);
    }
}
