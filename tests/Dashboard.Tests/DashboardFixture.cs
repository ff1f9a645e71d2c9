using System.Diagnostics;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;
using OpenQA.Selenium;

namespace NasOrleans.Dashboard.Tests;

/// <summary>One silo with the dashboard and one headless Chromium for all browser tests (they run one after another).</summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    /// <summary>A completed reinforce study of alice's with learning curves and a policy.</summary>
    public const string DoneStudy = "dash-done";

    private DashboardHost? _host;
    private Chromium? _browser;

    public DashboardHost Host => _host ?? throw new InvalidOperationException("not started");

    public IWebDriver Driver => Browser.Driver;

    public Chromium Browser => _browser ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        var started = Stopwatch.GetTimestamp();
        _host = await DashboardHost.StartAsync();
        var browser = Task.Run(Chromium.Start);
        var done = await Host.SubmitAsync(DoneStudy, "alice", trials: 40, parallel: 4, algorithm: "reinforce", epochs: 4);
        await DashboardHost.WaitForAsync(done, StudyStatus.Completed, TimeSpan.FromSeconds(60));
        _browser = await browser;
        Console.WriteLine($"dashboard fixture ready in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
    }

    public async Task DisposeAsync()
    {
        _browser?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>Opens <paramref name="path"/> (under the host, such as /ui/).</summary>
    public void Go(string path) => Driver.Navigate().GoToUrl(Host.BaseUrl + path);

    /// <summary>Logs in through the login form with <paramref name="key"/> and lands on the studies list.</summary>
    public void LoginAs(string key)
    {
        Go("/ui/login");
        var field = Driver.FindElement(By.Id("api-key"));
        field.SendKeys(key);
        Driver.FindElement(By.Id("login")).Click();
        WaitUntil(() => !Driver.Url.Contains("/ui/login", StringComparison.Ordinal) || Driver.FindElements(By.Id("login-error")).Count > 0, "the login to go through");
    }

    /// <summary>Waits until <paramref name="condition"/> holds (polling every 50 ms, 20 s at most).</summary>
    public static void WaitUntil(Func<bool> condition, string what, double seconds = 20)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        while (true)
        {
            try
            {
                if (condition())
                {
                    return;
                }
            }
            catch (StaleElementReferenceException)
            {
                // The page moved on under the probe; look again.
            }

            Assert.True(Stopwatch.GetTimestamp() < deadline, $"not seen within {seconds} s: {what}");
            Thread.Sleep(50);
        }
    }

    /// <summary>The text of the element with <paramref name="id"/>.</summary>
    public string Text(string id) => Driver.FindElement(By.Id(id)).Text;

    /// <summary>The trial ids of the trials table's rows, in order.</summary>
    public IReadOnlyList<long> TrialRows() =>
        [.. Driver.FindElements(By.CssSelector("#trials-table tbody tr")).Select(r => long.Parse(r.GetAttribute("data-trial")!, System.Globalization.CultureInfo.InvariantCulture))];

    public IStudyGrain Study(string id) => Host.Grains.GetGrain<IStudyGrain>(id);
}
