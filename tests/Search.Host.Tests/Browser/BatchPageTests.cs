using OpenQA.Selenium;

namespace Search.Host.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class BatchPageTests(LiveHost host)
{
    private static void RunBatch(BrowserSession browser, string entries)
    {
        browser.Find("#batch-entries").SendKeys(entries);
        browser.Find("#batch-run").Click();
        browser.WaitUntilReady(d => d.FindElements(By.CssSelector("#batch-table tbody tr")).Count > 0);
    }

    private static string[] Column(BrowserSession browser, int column) =>
        browser.FindAll($"#batch-table tbody tr td:nth-child({column})").Select(c => c.Text).ToArray();

    [ChromeFact]
    public void BatchTab_RunsAPastedList_SortsTheTable_AndOpensAnEntrysSearch()
    {
        using var browser = new BrowserSession(host.BaseAddress, width: 1400);
        browser.Open();
        browser.Find("#tab-batch").Click();
        browser.WaitUntilReady(d => d.Url.Contains("view=batch"));
        Assert.Equal("true", browser.Find("#tab-batch").GetAttribute("aria-selected"));
        Assert.False(browser.Find("#hits").Displayed);

        RunBatch(browser, "Pompeo\nHaqqani Network\n\"Lashkar\nceasefire\n");

        Assert.Equal("4 entries, 3 with matches, 1 with errors.", browser.Find("#batch-status").Text);
        // Most matches first; the malformed entry has no count and says why.
        Assert.Equal(["2", "1", "1", ""], Column(browser, 2));
        Assert.Equal("Pompeo", Column(browser, 1)[0]);
        Assert.Equal("2019-06-10", Column(browser, 3)[0]);
        Assert.Equal("2020-02-02", Column(browser, 4)[0]);
        Assert.Equal("A quote is not closed.", browser.Find("#batch-table .batch-error-text").Text);
        browser.Screenshot("batch-01-table-1400");

        browser.Find(".batch-sort[data-key='entry']").Click();
        Assert.Equal(["\"Lashkar\nA quote is not closed.", "ceasefire", "Haqqani Network", "Pompeo"], Column(browser, 1));
        Assert.Equal("ascending", browser.Find("#batch-table th:nth-child(1)").GetAttribute("aria-sort"));

        browser.FindAll("#batch-table a.batch-entry").Single(a => a.Text == "Haqqani Network").Click();
        browser.WaitUntilReady(d => d.Url.Contains("q=Haqqani"));
        Assert.StartsWith("1 result for “Haqqani Network”", browser.Find("#summary").Text);
    }

    [ChromeFact]
    public void BatchTab_AtPhoneWidth_FitsTheTable()
    {
        using var browser = new BrowserSession(host.BaseAddress, width: 400);
        browser.Open("?view=batch");

        RunBatch(browser, "Pompeo\nJaish-e-Mohammed\n");

        Assert.Equal(["2", "2"], Column(browser, 2));
        var width = Convert.ToInt64(browser.Script("return document.documentElement.scrollWidth;"));
        Assert.True(width <= 400, $"The page is {width} px wide at 400 px.");
        browser.Screenshot("batch-02-narrow-400");
    }
}
