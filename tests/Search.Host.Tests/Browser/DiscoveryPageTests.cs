using OpenQA.Selenium;

namespace Search.Host.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class DiscoveryPageTests(LiveHost host)
{
    [ChromeFact]
    public void DidYouMean_OneClickSearchesTheSuggestion()
    {
        using var browser = new BrowserSession(host.BaseAddress, width: 1400);
        browser.Open("?q=Lashkar-e-Tayba");

        Assert.Equal("Did you mean Lashkar-e-Taiba? (2 results)", browser.Find("#discovery-notice .suggestion").Text);
        browser.Screenshot("discovery-1400-did-you-mean");
        browser.Find("#discovery-notice .suggestion-query").Click();
        browser.WaitUntilReady(d => d.Url.Contains("q=Lashkar-e-Taiba"));

        Assert.StartsWith("2 results for “Lashkar-e-Taiba”", browser.Find("#summary").Text);
        Assert.True(browser.Find("#discovery-notice").GetDomProperty("hidden") == "True");
    }

    [ChromeFact]
    public void SimilarButton_ListsRelatedArticlesAndBackReturns()
    {
        using var browser = new BrowserSession(host.BaseAddress, width: 400);
        browser.Open("?q=Faisal");
        browser.Find("#hits .hit .similar-link").Click();
        browser.WaitUntilReady(d => d.Url.Contains("similar=fo-let-2019"));

        Assert.StartsWith("Articles like fo-let-2019", browser.Find("#discovery-notice .similar-banner").Text);
        Assert.Equal("Washington urges action against Lashkar-e-Taiba and Jaish-e-Mohammed", browser.Find("#hits .hit-title").Text);
        browser.Screenshot("discovery-400-similar");

        browser.Find("#discovery-notice .similar-banner button").Click();
        browser.WaitUntilReady(d => !d.Url.Contains("similar="));
        Assert.StartsWith("1 result for “Faisal”", browser.Find("#summary").Text);
    }
}
