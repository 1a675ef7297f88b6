using OpenQA.Selenium;
using OpenQA.Selenium.Interactions;

namespace Search.Host.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SearchPageTests(LiveHost host)
{
    [ChromeFact]
    public void Search_TypeQueryAndTickFacet_ShowsCountsHighlightsAndUpdatesUrl()
    {
        using var browser = new BrowserSession(host.BaseAddress);
        browser.Open();
        Assert.Equal("8 results", browser.Find("#summary").Text.Split(" · ")[0]);
        browser.Screenshot("01-start");

        var box = browser.Find("#q");
        box.SendKeys("Pompeo");
        box.SendKeys(Keys.Enter);
        browser.WaitUntilReady(d => d.Url.Contains("q=Pompeo"));

        Assert.StartsWith("2 results for “Pompeo” · ", browser.Find("#summary").Text);
        Assert.Contains("ms", browser.Find("#summary").Text);
        Assert.NotEmpty(browser.FindAll("#hits .passage mark"));
        Assert.All(browser.FindAll("#hits .passage mark"), m => Assert.Equal("Pompeo", m.Text));
        Assert.Equal("1", browser.FacetCount("group", "Lashkar-e-Taiba"));
        Assert.Equal("1", browser.FacetCount("group", "Tehrik-i-Taliban Pakistan"));
        browser.Screenshot("02-query");

        browser.FacetCheckbox("group", "Lashkar-e-Taiba").Click();
        browser.WaitUntilReady(d => d.Url.Contains("group=Lashkar-e-Taiba"));

        Assert.StartsWith("1 result for “Pompeo”", browser.Find("#summary").Text);
        Assert.True(browser.FacetCheckbox("group", "Lashkar-e-Taiba").Selected);
        // Drill-sideways: the other group stays visible with its count, ready to be added.
        Assert.Equal("1", browser.FacetCount("group", "Tehrik-i-Taliban Pakistan"));
        Assert.False(browser.FacetCheckbox("group", "Tehrik-i-Taliban Pakistan").Selected);
        Assert.Equal(new Uri(host.BaseAddress, "?q=Pompeo&group=Lashkar-e-Taiba").ToString(), browser.Driver.Url);
        browser.Screenshot("03-facet-selected");

        browser.FacetCheckbox("group", "Tehrik-i-Taliban Pakistan").Click();
        browser.WaitUntilReady(d => d.Url.Contains("group=Tehrik"));
        Assert.StartsWith("2 results for “Pompeo”", browser.Find("#summary").Text);
    }

    [ChromeFact]
    public void BackButton_RestoresThePreviousSearch()
    {
        using var browser = new BrowserSession(host.BaseAddress);
        browser.Open("?q=said");
        var before = browser.Find("#summary").Text.Split(" · ")[0];

        browser.FacetCheckbox("year", "2019").Click();
        browser.WaitUntilReady(d => d.Url.Contains("year=2019"));
        var filtered = browser.Find("#summary").Text.Split(" · ")[0];
        browser.Find("#sort").SendKeys("Oldest first");
        browser.WaitUntilReady(d => d.Url.Contains("sort=oldest"));

        browser.Driver.Navigate().Back();
        browser.WaitUntilReady(d => !d.Url.Contains("sort=") && d.Url.Contains("year=2019"));
        Assert.Equal("", browser.Find("#sort").GetDomProperty("value"));
        Assert.Equal(filtered, browser.Find("#summary").Text.Split(" · ")[0]);

        browser.Driver.Navigate().Back();
        browser.WaitUntilReady(d => !d.Url.Contains("year="));
        Assert.Equal(before, browser.Find("#summary").Text.Split(" · ")[0]);
        Assert.NotEqual(before, filtered);
        Assert.False(browser.FacetCheckbox("year", "2019").Selected);
        Assert.Equal("said", browser.Find("#q").GetDomProperty("value"));

        browser.Driver.Navigate().Forward();
        browser.WaitUntilReady(d => d.Url.Contains("year=2019"));
        Assert.True(browser.FacetCheckbox("year", "2019").Selected);
    }

    [ChromeFact]
    public void HostileArticleText_IsShownEscapedAndNeverRuns()
    {
        using var browser = new BrowserSession(host.BaseAddress);
        browser.Open("?q=ceasefire");

        Assert.Equal("undefined", browser.Script("return typeof window.__xss;"));
        var hit = browser.Find("#hits .hit");
        Assert.Contains("<script>window.__xss=1</script>", hit.FindElement(By.CssSelector(".hit-title")).Text);
        Assert.Contains("<img src=x onerror=\"window.__xss=2\">", hit.Text);
        Assert.Empty(browser.FindAll("#hits script, #hits img"));
        Assert.NotEmpty(browser.FindAll("#hits mark"));
        browser.Screenshot("04-hostile-text-escaped");
        Assert.Equal("undefined", browser.Script("return typeof window.__xss;"));
    }

    [ChromeFact]
    public void KeyboardAlone_CanSearchFilterAndPage()
    {
        using var browser = new BrowserSession(host.BaseAddress);
        browser.Open();
        var keys = new Actions(browser.Driver);

        keys.SendKeys(Keys.Tab).SendKeys(Keys.Tab).Perform();
        Assert.Equal("q", browser.Driver.SwitchTo().ActiveElement().GetDomAttribute("id"));
        keys.SendKeys("said").SendKeys(Keys.Enter).Perform();
        browser.WaitUntilReady(d => d.Url.Contains("q=said"));

        for (var i = 0; i < 30 && browser.Driver.SwitchTo().ActiveElement().GetDomAttribute("type") != "checkbox"; i++)
            keys.SendKeys(Keys.Tab).Perform();
        var focused = browser.Driver.SwitchTo().ActiveElement();
        Assert.Equal("checkbox", focused.GetDomAttribute("type"));
        keys.SendKeys(Keys.Space).Perform();
        browser.WaitUntilReady(d => d.Url.Contains("group="));

        // The re-rendered list keeps focus on the same checkbox, now ticked.
        var after = browser.Driver.SwitchTo().ActiveElement();
        Assert.Equal("checkbox", after.GetDomAttribute("type"));
        Assert.True(after.Selected);
        var outline = browser.Script("return getComputedStyle(document.activeElement).outlineStyle;");
        Assert.Equal("solid", outline);
        browser.Screenshot("05-keyboard-focus");
    }

    [ChromeFact]
    public void NarrowWindow_FoldsFiltersWithoutSideScrolling()
    {
        using var browser = new BrowserSession(host.BaseAddress, width: 390, height: 1100);
        browser.Open("?q=attack");

        var overflow = Convert.ToInt64(browser.Script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;"));
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than the window.");
        Assert.True(browser.Find("#filters-toggle").Displayed, "On a narrow window the filters fold behind a toggle.");
        browser.Screenshot("06-narrow-window");
    }

    [ChromeFact]
    public void SpeakerFindBox_ListsSpeakersWithAWordStartingWithThePrefix()
    {
        using var browser = new BrowserSession(host.BaseAddress);
        browser.Open();

        browser.Find("fieldset[data-facet='speaker'] input[type='search']").SendKeys("Mi");
        new OpenQA.Selenium.Support.UI.WebDriverWait(browser.Driver, TimeSpan.FromSeconds(10)).Until(_ =>
            browser.FindAll("fieldset[data-facet='speaker'] .value").Count == 2);

        Assert.Equal(["Mike Pompeo", "Matthew Miller"], browser.FindAll("fieldset[data-facet='speaker'] .value").Select(v => v.Text));
        browser.FacetCheckbox("speaker", "Matthew Miller").Click();
        browser.WaitUntilReady(d => d.Url.Contains("speaker=Matthew+Miller"));
        Assert.StartsWith("1 result", browser.Find("#summary").Text);
    }

    [ChromeFact]
    public void BadYear_ShowsTheServersSentence()
    {
        using var browser = new BrowserSession(host.BaseAddress);
        browser.Open();

        browser.Find("#from").SendKeys("2023");
        browser.Find("#to").SendKeys("2019");
        browser.Find("#to").SendKeys(Keys.Enter);
        new OpenQA.Selenium.Support.UI.WebDriverWait(browser.Driver, TimeSpan.FromSeconds(10))
            .Until(d => d.FindElement(By.Id("results")).GetDomAttribute("data-status") == "error");

        Assert.Equal("The year range starts after it ends (2023 to 2019).", browser.Find("#error").Text);
        Assert.Contains("from=2023&to=2019", browser.Driver.Url);
    }
}
