using OpenQA.Selenium;
using OpenQA.Selenium.Interactions;
using OpenQA.Selenium.Support.UI;

namespace Search.Host.Tests.Browser;

/// <summary>The article reader, the current-filter pills and the page on a phone-sized window.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReaderAndFiltersPageTests(LiveHost host)
{
    [ChromeFact]
    public void Reader_OpensAHitHighlightedAtItsOwnAddress_EscAndBackCloseIt()
    {
        using var browser = new BrowserSession(host.BaseAddress, width: 1400, height: 1000);
        browser.Open("?q=condemned");

        var link = browser.FindAll("#hits .hit-title a").Single(a => a.Text.StartsWith("Foreign Office condemns Lashkar-e-Taiba", StringComparison.Ordinal));
        link.Click();
        WaitForReader(browser);

        Assert.Equal(new Uri(host.BaseAddress, "?q=condemned#/article/fo-let-2019").ToString(), browser.Driver.Url);
        Assert.False(browser.Find(".layout").Displayed);
        Assert.Equal("Foreign Office condemns Lashkar-e-Taiba attack", browser.Find("#reader h2").Text);
        Assert.Equal(["condemns"], browser.FindAll("#reader h2 mark").Select(m => m.Text));
        Assert.Contains("condemned", browser.FindAll("#reader .reader-body mark").Select(m => m.Text));
        Assert.StartsWith("Foreign Office spokesman Mohammad Faisal said", browser.Find("#reader .reader-body").Text);
        Assert.Equal("2019-03-01", browser.Find("#reader .date").Text);
        Assert.Equal("https://example.org/fo-let-2019", browser.Find("#reader .reader-original").GetDomAttribute("href"));
        var evidence = browser.FindAll("#reader .reader-evidence dd").Select(d => d.Text).ToArray();
        Assert.Contains("He said militants of Lashkar-e-Taiba would face the ban in full.", evidence);
        Assert.Contains("Foreign Office spokesman Mohammad Faisal said Pakistan condemned the attack.", evidence);
        Assert.Equal("reader-title", browser.Driver.SwitchTo().ActiveElement().GetDomAttribute("class"));
        Assert.StartsWith("1 match · n / p", browser.Find("#reader .reader-hint").Text);
        new Actions(browser.Driver).SendKeys("n").Perform();
        Assert.Equal("condemned", browser.Driver.SwitchTo().ActiveElement().Text);
        browser.Screenshot("11-reader-1400");

        new Actions(browser.Driver).SendKeys(Keys.Escape).Perform();
        new WebDriverWait(browser.Driver, TimeSpan.FromSeconds(10)).Until(_ => !browser.Find("#reader").Displayed);
        Assert.Equal(new Uri(host.BaseAddress, "?q=condemned").ToString(), browser.Driver.Url);
        Assert.Equal("fo-let-2019", browser.Driver.SwitchTo().ActiveElement().GetDomAttribute("data-article"));

        browser.Driver.Navigate().Forward();
        WaitForReader(browser);
        browser.Driver.Navigate().Back();
        new WebDriverWait(browser.Driver, TimeSpan.FromSeconds(10)).Until(_ => browser.Find(".layout").Displayed);
        Assert.False(browser.Find("#reader").Displayed);
        Assert.StartsWith("1 result for “condemned”", browser.Find("#summary").Text);
    }

    [ChromeFact]
    public void Reader_OpenedFromASharedLink_ClosesToTheSearch()
    {
        using var browser = new BrowserSession(host.BaseAddress, width: 400, height: 860);
        browser.Open("?q=ban#/article/fo-let-2019");
        WaitForReader(browser);

        Assert.Contains("ban", browser.FindAll("#reader .reader-body mark").Select(m => m.Text));
        var overflow = Convert.ToInt64(browser.Script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;"));
        Assert.True(overflow <= 0, $"The reader is {overflow}px wider than the window.");
        browser.Screenshot("12-reader-400");

        browser.Find("#reader .reader-back").Click();
        new WebDriverWait(browser.Driver, TimeSpan.FromSeconds(10)).Until(_ => browser.Find(".layout").Displayed);
        Assert.Equal(new Uri(host.BaseAddress, "?q=ban").ToString(), browser.Driver.Url);
    }

    [ChromeFact]
    public void Reader_ForAMissingArticle_SaysSo()
    {
        using var browser = new BrowserSession(host.BaseAddress);
        browser.Open("#/article/no-such-article");
        WaitForReader(browser);

        Assert.Equal("Article not available", browser.Find("#reader h2").Text);
        Assert.Contains("no-such-article", browser.Find("#reader .error").Text);
    }

    [ChromeFact]
    public void Pills_ShowTheCurrentFiltersAndRemoveOneEach()
    {
        using var browser = new BrowserSession(host.BaseAddress, width: 1400, height: 1000);
        browser.Open("?group=Lashkar-e-Taiba&from=2016&to=2024");

        Assert.Equal(["Lashkar-e-Taiba ×", "Years 2016–2024 ×"], browser.FindAll("#pills button").Select(b => b.Text.Replace("\n", " ")));
        Assert.Equal("Remove filter: group Lashkar-e-Taiba", browser.FindAll("#pills button")[0].GetDomAttribute("aria-label"));
        // Without a query the list is newest first, and the sort box says so.
        Assert.Equal("newest", browser.Find("#sort").GetDomProperty("value"));
        Assert.Equal("any", browser.Find("#from").GetDomAttribute("placeholder"));
        browser.Screenshot("13-pills-1400");

        browser.FindAll("#pills button")[1].Click();
        browser.WaitUntilReady(d => !d.Url.Contains("from="));
        Assert.Equal(new Uri(host.BaseAddress, "?group=Lashkar-e-Taiba").ToString(), browser.Driver.Url);
        Assert.Equal("", browser.Find("#from").GetDomProperty("value"));
        browser.FindAll("#pills button")[0].Click();
        browser.WaitUntilReady(d => !d.Url.Contains("group="));
        Assert.False(browser.Find("#pills").Displayed);
    }

    [ChromeFact]
    public void Chips_ForGroupsAndSpeakersLookDifferent()
    {
        using var browser = new BrowserSession(host.BaseAddress, width: 1400, height: 1000);
        browser.Open("?q=condemned");

        var group = browser.Find("#hits .tag-group");
        var speaker = browser.Find("#hits .tag-speaker");
        Assert.NotEqual(group.GetCssValue("background-color"), speaker.GetCssValue("background-color"));
        Assert.NotEqual(group.GetCssValue("border-top-left-radius"), speaker.GetCssValue("border-top-left-radius"));
        Assert.Equal("Group: Lashkar-e-Taiba", group.GetDomAttribute("title"));
        Assert.Equal("Speaker: Mohammad Faisal", speaker.GetDomAttribute("title"));
        browser.Screenshot("14-chips-1400");
    }

    [ChromeFact]
    public void NarrowWindow_FirstResultOnTheFirstScreen_FiltersBehindAToggle()
    {
        using var browser = new BrowserSession(host.BaseAddress, width: 400, height: 800);
        browser.Open("?q=attack&year=2019");

        var overflow = Convert.ToInt64(browser.Script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;"));
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than the window.");
        Assert.False(browser.Find(".filters").Displayed);
        var firstHitTop = Convert.ToInt64(browser.Script("return Math.round(document.querySelector('#hits .hit').getBoundingClientRect().top);"));
        var screen = Convert.ToInt64(browser.Script("return window.innerHeight;"));
        Assert.Equal(400L, Convert.ToInt64(browser.Script("return window.innerWidth;")));
        Assert.True(firstHitTop < screen / 2, $"The first result starts {firstHitTop}px down a {screen}px screen.");
        var toggle = browser.Find("#filters-toggle");
        Assert.Equal("Filters (1)", toggle.Text);
        Assert.Equal(["Year 2019 ×"], browser.FindAll("#pills button").Select(b => b.Text.Replace("\n", " ")));
        browser.Screenshot("15-narrow-400");

        toggle.Click();
        Assert.True(browser.Find(".filters").Displayed);
        Assert.Equal("true", toggle.GetDomAttribute("aria-expanded"));
        browser.Screenshot("16-narrow-400-filters-open");
        browser.FacetCheckbox("year", "2019").Click();
        browser.WaitUntilReady(d => !d.Url.Contains("year="));
        Assert.Equal("Filters", browser.Find("#filters-toggle").Text);
    }

    private static void WaitForReader(BrowserSession browser) =>
        new WebDriverWait(browser.Driver, TimeSpan.FromSeconds(10)).Until(d =>
        {
            var reader = d.FindElement(By.Id("reader"));
            return reader.Displayed && reader.GetDomAttribute("data-status") == "ready";
        });
}
