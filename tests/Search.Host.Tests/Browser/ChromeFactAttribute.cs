namespace Search.Host.Tests.Browser;

/// <summary>A fact that needs headless Chromium and chromedriver; skipped, with the reason, when either is missing.</summary>
public sealed class ChromeFactAttribute : FactAttribute
{
    public ChromeFactAttribute()
    {
        if (Chrome.MissingReason() is { } reason)
            Skip = reason;
    }
}

/// <summary>Where the browser and its driver are expected (Debian's chromium and chromium-driver packages).</summary>
internal static class Chrome
{
    public static string Binary => Environment.GetEnvironmentVariable("CHROME_BIN") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static string Driver => Environment.GetEnvironmentVariable("CHROMEDRIVER") is { Length: > 0 } path ? path : "/usr/bin/chromedriver";

    public static string? MissingReason()
    {
        if (!File.Exists(Binary))
            return $"Browser test skipped: no Chromium at {Binary} (apt-get install -y chromium chromium-driver).";
        if (!File.Exists(Driver))
            return $"Browser test skipped: no chromedriver at {Driver} (apt-get install -y chromium-driver).";
        return null;
    }
}
