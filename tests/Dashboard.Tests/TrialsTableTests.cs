using System.Diagnostics;
using System.Globalization;
using NasOrleans.Grains.Interfaces.Messages;
using OpenQA.Selenium;
using Xunit.Abstractions;

namespace NasOrleans.Dashboard.Tests;

/// <summary>The trials table of a 100k-trial study in Chromium: one page of rows in the DOM, paged on the server.</summary>
[Collection(DashboardCollection.Name)]
public sealed class TrialsTableTests(DashboardFixture fx, ITestOutputHelper log)
{
    private const string Study = "dash-big";
    private const int Trials = 100_000;

    /// <summary>A metric name and an error text that would run script if a page forgot to encode them.</summary>
    private const string Hostile = "<img src=x onerror=window.__nasOwned=1>";

    [Fact]
    public async Task Render_100kTrialStudy_DomHoldsOnePageAndNextPreviousPage()
    {
        await SeedAsync();
        fx.LoginAs(fx.Host.Keys.AliceWrite);

        var watch = Stopwatch.StartNew();
        fx.Go($"/ui/studies/{Study}");
        var loadMs = watch.Elapsed.TotalMilliseconds;
        log.WriteLine($"dashboard-bench: trials page 100k load_ms={loadMs.ToString("0", CultureInfo.InvariantCulture)}");

        var first = fx.TrialRows();
        // The metric named like markup is a column header, shown as text.
        Assert.Contains(Hostile, fx.Driver.FindElement(By.CssSelector("#trials-table thead")).Text, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(1, DashboardNames.TrialsPageSize).Select(i => (long)i), first);
        fx.Driver.FindElement(By.Id("trials-next")).Click();
        DashboardFixture.WaitUntil(() => fx.TrialRows().FirstOrDefault() == DashboardNames.TrialsPageSize + 1, "the second page");
        Assert.Equal(Enumerable.Range(DashboardNames.TrialsPageSize + 1, DashboardNames.TrialsPageSize).Select(i => (long)i), fx.TrialRows());
        fx.Driver.FindElement(By.Id("trials-prev")).Click();
        DashboardFixture.WaitUntil(() => fx.TrialRows().FirstOrDefault() == 1, "the first page again");
        Assert.Equal(first, fx.TrialRows());
        Assert.Empty(fx.Driver.FindElements(By.Id("trials-prev")));

        // The last page: no next link.
        fx.Go($"/ui/studies/{Study}?order=id&status=all&offset={Trials - 10}");
        Assert.Equal(10, fx.TrialRows().Count);
        Assert.Empty(fx.Driver.FindElements(By.Id("trials-next")));

        // Best first: a page of completed trials, scores falling, through the status and order form.
        fx.Go($"/ui/studies/{Study}");
        fx.Driver.FindElement(By.CssSelector("#trials-order option[value=best]")).Click();
        watch.Restart();
        fx.Driver.FindElement(By.Id("trials-apply")).Click();
        DashboardFixture.WaitUntil(() => fx.Driver.Url.Contains("order=best", StringComparison.Ordinal), "the best-first page");
        log.WriteLine($"dashboard-bench: trials page 100k best-first load_ms={watch.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)}");
        var best = fx.TrialRows();
        Assert.Equal(DashboardNames.TrialsPageSize, best.Count);
        Assert.Equal(Trials, best[0]);

        // The failed filter: only failed rows, and the hostile metric name and error text shown as text.
        fx.Go($"/ui/studies/{Study}?status=failed");
        var failed = fx.TrialRows();
        Assert.Equal(DashboardNames.TrialsPageSize, failed.Count);
        Assert.All(failed, id => Assert.Equal(0, id % 7));
        Assert.Contains(Hostile, fx.Driver.FindElement(By.Id("trials-table")).Text, StringComparison.Ordinal);
        Assert.Null(((IJavaScriptExecutor)fx.Driver).ExecuteScript("return window.__nasOwned === undefined ? null : window.__nasOwned;"));
        DashboardFixture.WaitUntil(() => fx.Driver.FindElement(By.Id("charts")).GetAttribute("data-drawn") == "true", "the 100k study's plots");
    }

    /// <summary>A completed study, then 100k trial rows of its id written straight into the silo's trial store.</summary>
    private async Task SeedAsync()
    {
        var study = await fx.Host.SubmitAsync(Study, "alice", trials: 10, parallel: 4);
        await DashboardHost.WaitForAsync(study, StudyStatus.Completed, TimeSpan.FromSeconds(60));
        var watch = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow;
        for (var start = 1; start <= Trials; start += 10_000)
        {
            var batch = Enumerable.Range(start, 10_000).Select(i =>
            {
                var failed = i % 7 == 0;
                var accuracy = 0.5 + (0.4 * i / Trials);
                return new TrialRecord
                {
                    StudyId = Study,
                    TrialId = i,
                    ArchitectureKey = $"a={i % 1000},b={i / 1000 % 1000},c=relu",
                    CanonicalKey = $"a={i % 1000},b={i / 1000 % 1000},c=relu",
                    Status = failed ? TrialStatus.Failed : TrialStatus.Completed,
                    Attempt = 1,
                    Metrics = failed ? new Dictionary<string, double>()
                        : new Dictionary<string, double> { ["validation_accuracy"] = accuracy, ["loss"] = 1 - accuracy, ["params"] = i % 5000, [Hostile] = 1 },
                    Score = failed ? null : accuracy,
                    Error = failed ? Hostile : null,
                    Trainer = "seeded",
                    CreatedAt = now,
                    FinishedAt = now,
                    DurationSeconds = 0.01,
                };
            }).ToList();
            await fx.Host.Store.UpsertTrialsAsync(batch);
        }

        log.WriteLine($"seeded {Trials} trial rows in {watch.Elapsed.TotalSeconds:0.0} s");
    }
}
