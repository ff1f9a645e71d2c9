using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace NasOrleans.Dashboard.Tests;

/// <summary>
/// Debian's headless Chromium (/usr/bin/chromium) through Debian's chromium-driver (/usr/bin/chromedriver), with the
/// flags it needs as root and with no network, and a fresh profile directory.
/// </summary>
public sealed class Chromium : IDisposable
{
    private const string Browser = "/usr/bin/chromium";
    private const string DriverPath = "/usr/bin/chromedriver";

    private readonly string _profile;

    private Chromium(ChromeDriver driver, string profile)
    {
        Driver = driver;
        _profile = profile;
    }

    public ChromeDriver Driver { get; }

    public static Chromium Start()
    {
        if (!File.Exists(Browser) || !File.Exists(DriverPath))
        {
            throw new InvalidOperationException($"The browser tests need Debian's chromium and chromium-driver ({Browser}, {DriverPath}): run scripts/setup.sh or apt-get install chromium chromium-driver.");
        }

        var profile = Path.Combine(Path.GetTempPath(), "nas-chromium-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(profile);
        var options = new ChromeOptions { BinaryLocation = Browser };
        options.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + profile);
        // The page's console, so that a test can see script errors and refused (CSP) loads.
        options.SetLoggingPreference(LogType.Browser, OpenQA.Selenium.LogLevel.All);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(60);
        driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(20);
        return new Chromium(driver, profile);
    }

    /// <summary>The page's console errors since the last call (script errors, refused loads, failed requests).</summary>
    public IReadOnlyList<string> ConsoleErrors() =>
        [.. Driver.Manage().Logs.GetLog(LogType.Browser).Where(e => e.Level == OpenQA.Selenium.LogLevel.Severe).Select(e => e.Message)];

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try
        {
            System.IO.Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium's last writes may race the delete; the temporary directory is the system's to clean.
        }
    }
}
