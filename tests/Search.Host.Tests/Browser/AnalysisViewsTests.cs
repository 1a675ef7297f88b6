using OpenQA.Selenium;

namespace Search.Host.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class AnalysisViewsTests(LiveHost host)
{
    [ChromeFact]
    public void TimelineBar_Click_FiltersToThatYearInTheUrlAndTheResults()
    {
        using var browser = new BrowserSession(host.BaseAddress, width: 1400);
        browser.Open();
        Assert.Equal("8 results", browser.Find("#summary").Text.Split(" · ")[0]);
        Assert.Equal(["2019", "2020", "2021", "2022", "2023"], browser.FindAll(".chart .bar").Select(b => b.GetDomAttribute("data-key")));
        Assert.Equal("2019: 3 of 3 articles (100%)", browser.Find(".chart .bar[data-key='2019']").GetDomAttribute("title"));
        // The month is the date shown first on each hit, not a tag beside it.
        Assert.Empty(browser.FindAll("#hits .tag-month"));
        Assert.NotEmpty(browser.FindAll("#hits .tag-group"));
        browser.Screenshot("analysis-01-timeline-1400");

        browser.Find(".chart .bar[data-key='2019']").Click();
        browser.WaitUntilReady(d => d.Url.Contains("year=2019"));

        Assert.Equal("3 results", browser.Find("#summary").Text.Split(" · ")[0]);
        // Drill-sideways over time: the other years keep their bars, the chosen one is marked.
        Assert.Equal(5, browser.FindAll(".chart .bar").Count);
        Assert.Contains("selected", browser.Find(".chart .bar[data-key='2019']").GetDomAttribute("class"));
    }

    [ChromeFact]
    public void MonthChartAsShare_IsKeptInTheUrl()
    {
        using var browser = new BrowserSession(host.BaseAddress);
        browser.Open("?q=Pompeo&chart=month&measure=share");

        var bars = browser.FindAll(".chart .bar");
        Assert.Equal("2019-03", bars[0].GetDomAttribute("data-key"));
        // The range is the index's: every month from its first dated article to its last, empty ones included.
        Assert.Equal("2023-05", bars[^1].GetDomAttribute("data-key"));
        Assert.Equal(51, bars.Count);
        Assert.Equal("2019-06: 1 of 1 articles (100%)", browser.Find(".chart .bar[data-key='2019-06']").GetDomAttribute("title"));
        Assert.Equal("share", browser.Find("#chart-measure").GetDomProperty("value"));
    }

    [ChromeFact]
    public void PivotCell_Click_FiltersToThatPair()
    {
        using var browser = new BrowserSession(host.BaseAddress, width: 1400);
        browser.Open("?pivot_rows=speaker&pivot_cols=group");
        browser.WaitUntilReady(d => d.FindElements(By.CssSelector(".pivot-table")).Count > 0);

        var pompeo = browser.FindAll(".pivot-table tbody tr").First(r => r.FindElement(By.CssSelector("th")).Text == "Mike Pompeo");
        Assert.Equal("2", pompeo.FindElement(By.CssSelector("th")).GetDomAttribute("title")!.Split(' ')[0]);
        browser.Screenshot("analysis-02-pivot-1400");
        pompeo.FindElements(By.CssSelector("td button")).First(b => b.GetDomAttribute("title")!.StartsWith("Mike Pompeo and Lashkar-e-Taiba", StringComparison.Ordinal)).Click();
        browser.WaitUntilReady(d => d.Url.Contains("speaker=Mike+Pompeo") && d.Url.Contains("group=Lashkar-e-Taiba"));

        Assert.Equal("1 result", browser.Find("#summary").Text.Split(" · ")[0]);
        Assert.Equal(["us-let-jem-2019"], browser.FindAll("#hits .hit-title a").Select(a => a.GetDomAttribute("href")!.Split('/')[^1]));
    }

    [ChromeFact]
    public void Downloads_LinkToTheExportOfTheCurrentSearch()
    {
        using var browser = new BrowserSession(host.BaseAddress, width: 400);
        browser.Open("?q=Lashkar&group=Lashkar-e-Taiba");

        Assert.Equal(
            ["api/export?q=Lashkar&group=Lashkar-e-Taiba&format=csv", "api/export?q=Lashkar&group=Lashkar-e-Taiba&format=jsonl"],
            browser.FindAll(".downloads a").Select(a => a.GetDomAttribute("href")));
        browser.Screenshot("analysis-03-narrow-400");
    }
}
