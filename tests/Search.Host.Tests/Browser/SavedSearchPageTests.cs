using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Search.Core;
using Search.Host.Tests.Infrastructure;

namespace Search.Host.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SavedSearchPageTests : IAsyncLifetime
{
    private const string Key = "browser-key-0123456789";
    private readonly string _indexPath = TestCorpus.BuildIndex();
    private WebApplication? _app;
    private Uri _base = null!;

    public async Task InitializeAsync()
    {
        _app = SearchHost.Build(new SearchHostOptions { IndexPath = _indexPath, Urls = "http://127.0.0.1:0", ApiKey = Key });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _base = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Directory.Delete(_indexPath, recursive: true);
    }

    [ChromeFact]
    public void SaveThisSearch_ThenNewMatches_ShowABadgeThatOpeningClears()
    {
        using var browser = new BrowserSession(_base, width: 1400);
        browser.Open("?q=Pompeo");
        browser.WaitUntilReady(d => d.FindElements(OpenQA.Selenium.By.CssSelector("#saved-list li")).Count > 0);

        browser.Find("#save-search").Click();
        browser.Driver.SwitchTo().Alert().SendKeys("pompeo");
        browser.Driver.SwitchTo().Alert().Accept();
        browser.Driver.SwitchTo().Alert().SendKeys(Key);
        browser.Driver.SwitchTo().Alert().Accept();
        browser.WaitUntilReady(d => d.FindElement(OpenQA.Selenium.By.CssSelector("#saved-status")).Text == "Saved as pompeo.");
        var index = _app!.Services.GetRequiredService<SearchIndex>();
        using (var writer = index.OpenWriter())
        {
            writer.Upsert(new Article { Id = "new-1", Title = "Pompeo on talks", Body = "Mike Pompeo said talks would resume." });
            writer.Upsert(new Article { Id = "new-2", Title = "Pompeo on aid", Body = "Mike Pompeo said aid would continue." });
            writer.Commit("browser test");
        }
        browser.Open("?q=Pompeo");
        browser.WaitUntilReady(d => d.FindElements(OpenQA.Selenium.By.CssSelector("#saved-list .saved-badge")).Count > 0);

        Assert.Equal("2 new", browser.Find("#saved-list .saved-badge").Text);
        Assert.Equal("pompeo", browser.Find("#saved-list a").Text);
        browser.Screenshot("saved-1400");
        browser.Driver.Manage().Window.Size = new System.Drawing.Size(400, 900);
        browser.Screenshot("saved-400");

        browser.Find("#saved-list a").Click();
        browser.WaitUntilReady(d => d.Url.EndsWith("?q=Pompeo", StringComparison.Ordinal) && d.FindElements(OpenQA.Selenium.By.CssSelector("#saved-list a")).Count > 0);
        Assert.Empty(browser.FindAll("#saved-list .saved-badge"));
        Assert.Equal(0, new SavedSearches(index).List()[0].New);
    }
}
