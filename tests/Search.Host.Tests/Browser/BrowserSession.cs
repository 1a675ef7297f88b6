using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Search.Host.Tests.Browser;

/// <summary>A headless Chromium with a fresh profile, and helpers to wait for the page and save screenshots.</summary>
internal sealed class BrowserSession : IDisposable
{
    private readonly string _profile = Path.Combine(Path.GetTempPath(), "search-host-chrome-" + Guid.NewGuid().ToString("N"));

    public BrowserSession(Uri baseAddress, int width = 1280, int height = 900)
    {
        BaseAddress = baseAddress;
        var options = new ChromeOptions { BinaryLocation = Chrome.Binary };
        options.AddArguments(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            $"--window-size={width},{height}", $"--user-data-dir={_profile}");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Chrome.Driver)!, Path.GetFileName(Chrome.Driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        // Headless Chromium will not make a window narrower than about 500 px; emulate the width
        // so a "400 px" test really lays the page out at 400 CSS pixels.
        Driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object>
        {
            ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false,
        });
    }

    public ChromeDriver Driver { get; }

    public Uri BaseAddress { get; }

    /// <summary>Where screenshots go: tests/Search.Host.Tests/TestResults/screenshots.</summary>
    public static string ScreenshotFolder { get; } = FindScreenshotFolder();

    public void Open(string relative = "")
    {
        Driver.Navigate().GoToUrl(new Uri(BaseAddress, relative));
        WaitUntilReady();
    }

    /// <summary>Waits until the page has rendered a response and <paramref name="condition"/> holds.</summary>
    public void WaitUntilReady(Func<IWebDriver, bool>? condition = null)
    {
        var wait = new WebDriverWait(Driver, TimeSpan.FromSeconds(10));
        // A click that navigates replaces the page while the wait looks at it: an element found on the
        // old page goes stale, which means "not yet", not a failure.
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException), typeof(NoSuchElementException));
        wait.Until(d =>
        {
            try
            {
                return d.FindElement(By.Id("results")).GetDomAttribute("data-status") == "ready" && (condition?.Invoke(d) ?? true);
            }
            catch (UnknownErrorException e) when (e.Message.Contains("does not belong to the document", StringComparison.Ordinal))
            {
                // Chromium sometimes reports an element of the page being replaced this way rather
                // than as stale: the same "not yet".
                return false;
            }
        });
    }

    public IWebElement Find(string css) => Driver.FindElement(By.CssSelector(css));

    public IReadOnlyList<IWebElement> FindAll(string css) => Driver.FindElements(By.CssSelector(css));

    public object? Script(string script) => Driver.ExecuteScript(script);

    public IWebElement FacetCheckbox(string facet, string value) =>
        FindAll($"fieldset[data-facet='{facet}'] label").Single(l => l.FindElement(By.CssSelector(".value")).Text == value).FindElement(By.TagName("input"));

    public string FacetCount(string facet, string value) =>
        FindAll($"fieldset[data-facet='{facet}'] label").Single(l => l.FindElement(By.CssSelector(".value")).Text == value).FindElement(By.CssSelector(".count")).Text;

    public string Screenshot(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        Driver.GetScreenshot().SaveAsFile(path);
        return path;
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be releasing its profile; a leftover temp folder is harmless.
        }
    }

    private static string FindScreenshotFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Search.Host.Tests.csproj")))
                return Path.Combine(dir.FullName, "TestResults", "screenshots");
        }
        return Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
    }
}
