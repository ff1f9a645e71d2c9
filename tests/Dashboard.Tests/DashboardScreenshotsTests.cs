using OpenQA.Selenium;
using Xunit.Abstractions;

namespace NasOrleans.Dashboard.Tests;

/// <summary>
/// PNG screenshots of the studies list and a study page. They go to NAS_DASHBOARD_SCREENSHOTS when it is set
/// (<c>NAS_DASHBOARD_SCREENSHOTS=$PWD/docs/images dotnet test tests/Dashboard.Tests --filter DashboardScreenshots</c>
/// renews the README's images), else to a temporary directory.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardScreenshotsTests(DashboardFixture fx, ITestOutputHelper log)
{
    private static readonly byte[] PngMagic = [0x89, (byte)'P', (byte)'N', (byte)'G'];

    [Fact]
    public async Task Save_ListAndStudyPage_WritesPngFiles()
    {
        var configured = Environment.GetEnvironmentVariable("NAS_DASHBOARD_SCREENSHOTS");
        var directory = string.IsNullOrEmpty(configured) ? Path.Combine(fx.Host.Directory, "screenshots") : configured;
        Directory.CreateDirectory(directory);
        var running = await fx.Host.SubmitAsync("dash-shot-running", "alice", trials: 400, parallel: 2, durationMs: 500, algorithm: "evolution");
        try
        {
            fx.LoginAs(fx.Host.Keys.AliceWrite);
            fx.Go("/ui/");
            var list = Save(directory, "dashboard-studies.png");

            fx.Go("/ui/studies/" + DashboardFixture.DoneStudy);
            DashboardFixture.WaitUntil(() => fx.Driver.FindElement(By.Id("charts")).GetAttribute("data-drawn") == "true", "the plots drawn");
            var study = Save(directory, "dashboard-study.png");

            foreach (var file in new[] { list, study })
            {
                var bytes = await File.ReadAllBytesAsync(file);
                Assert.True(bytes.Length > 10_000, $"{file}: {bytes.Length} bytes");
                Assert.Equal(PngMagic, bytes[..4]);
                log.WriteLine($"{file}: {bytes.Length} bytes");
            }
        }
        finally
        {
            await running.CancelAsync();
        }
    }

    private string Save(string directory, string name)
    {
        // The whole page, not only the window: grow the window to the document's height first.
        var height = Convert.ToInt32(((IJavaScriptExecutor)fx.Driver).ExecuteScript("return document.documentElement.scrollHeight;"), System.Globalization.CultureInfo.InvariantCulture);
        fx.Driver.Manage().Window.Size = new System.Drawing.Size(1280, Math.Clamp(height + 20, 600, 2600));
        var path = Path.Combine(directory, name);
        ((ITakesScreenshot)fx.Driver).GetScreenshot().SaveAsFile(path);
        fx.Driver.Manage().Window.Size = new System.Drawing.Size(1280, 1000);
        return path;
    }
}
