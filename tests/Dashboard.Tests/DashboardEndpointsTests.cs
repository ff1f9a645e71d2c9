using NasOrleans.Grains.Interfaces.Messages;
using OpenQA.Selenium;
using Xunit.Abstractions;

namespace NasOrleans.Dashboard.Tests;

/// <summary>The dashboard's pages in a real headless Chromium: they load, update live, cancel, and refuse a read key's cancel.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardEndpointsTests(DashboardFixture fx, ITestOutputHelper log)
{
    [Fact]
    public async Task StudiesPage_LoggedIn_ListsOwnStudiesWithProgressAndBest()
    {
        var summary = await fx.Study(DashboardFixture.DoneStudy).GetStatusAsync();
        fx.LoginAs(fx.Host.Keys.AliceWrite);
        fx.Go("/ui/");

        var row = fx.Driver.FindElement(By.CssSelector($"#studies tr[data-study='{DashboardFixture.DoneStudy}']"));
        Assert.Equal("completed", row.FindElement(By.CssSelector("[data-live=status]")).Text);
        Assert.Equal("40", row.FindElement(By.CssSelector("[data-live=trained]")).Text);
        Assert.Equal("40", row.FindElement(By.CssSelector("[data-live=max]")).Text);
        Assert.Equal(Html.Number(summary.BestScore), row.FindElement(By.CssSelector("[data-live=best]")).Text);
        Assert.Contains("alice", fx.Driver.FindElement(By.CssSelector("header .who")).Text, StringComparison.Ordinal);

        // Another owner's key does not see alice's study; an admin key does.
        fx.LoginAs(fx.Host.Keys.BobWrite);
        Assert.Empty(fx.Driver.FindElements(By.CssSelector($"tr[data-study='{DashboardFixture.DoneStudy}']")));
        fx.LoginAs(fx.Host.Keys.Admin);
        Assert.NotEmpty(fx.Driver.FindElements(By.CssSelector($"tr[data-study='{DashboardFixture.DoneStudy}']")));
    }

    [Fact]
    public void StudiesPage_NoKey_RedirectsToLoginAndAWrongKeyIsRejected()
    {
        fx.Driver.Manage().Cookies.DeleteAllCookies();
        fx.Go("/ui/studies/" + DashboardFixture.DoneStudy);
        Assert.Contains("/ui/login?returnUrl=", fx.Driver.Url, StringComparison.Ordinal);

        fx.LoginAs("nas_not-a-key");
        Assert.NotEmpty(fx.Driver.FindElements(By.Id("login-error")));
        Assert.Empty(fx.Driver.FindElements(By.Id("studies")));
    }

    [Fact]
    public async Task StudyPage_CompletedStudy_ShowsRecordPlotsPolicyAndTrials()
    {
        fx.LoginAs(fx.Host.Keys.AliceWrite);
        _ = fx.Browser.ConsoleErrors();
        fx.Go("/ui/studies/" + DashboardFixture.DoneStudy);

        var summary = await fx.Study(DashboardFixture.DoneStudy).GetStatusAsync();
        Assert.Equal("sha256:" + summary.SpecHash, fx.Text("spec-hash"));
        Assert.Equal(summary.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), fx.Text("seed"));
        Assert.Equal(40, fx.TrialRows().Count);
        Assert.Contains("reinforce", fx.Text("policy"), StringComparison.Ordinal);
        DashboardFixture.WaitUntil(() => fx.Driver.FindElement(By.Id("charts")).GetAttribute("data-drawn") == "true", "the plots drawn");
        // Best so far, one scatter per cost metric (loss, params, flops, test_accuracy), the learning curves.
        var canvases = fx.Driver.FindElements(By.CssSelector("#charts canvas")).Count;
        Assert.True(canvases >= 4, $"{canvases} plots drawn");
        Assert.NotEmpty(fx.Driver.FindElements(By.CssSelector("#chart-curves canvas")));
        Assert.Empty(fx.Driver.FindElements(By.Id("cancel")));
        Assert.NotEmpty(fx.Driver.FindElements(By.Id("extend")));
        // No script error and nothing the content security policy refused.
        Assert.Empty(fx.Browser.ConsoleErrors());
    }

    [Fact]
    public async Task StudyPage_RunningStudy_ProgressChangesWithoutReload()
    {
        // Held until the page is open, so that the count can only grow on screen.
        var hold = Path.Combine(fx.Host.Directory, "hold-live");
        await File.WriteAllTextAsync(hold, "");
        var study = await fx.Host.SubmitAsync("dash-live", "alice", trials: 16, parallel: 2, durationMs: 300, holdFile: hold);
        try
        {
            fx.LoginAs(fx.Host.Keys.AliceWrite);
            fx.Go("/ui/studies/dash-live");
            var first = int.Parse(fx.Text("trained"), System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(0, first);
            // A mark that a reload would wipe.
            ((IJavaScriptExecutor)fx.Driver).ExecuteScript("window.__nasMark = 42;");
            File.Delete(hold);

            DashboardFixture.WaitUntil(() => int.Parse(fx.Text("trained"), System.Globalization.CultureInfo.InvariantCulture) > first, "the trained count to grow on screen");
            var later = fx.Text("trained");
            Assert.Equal(42L, ((IJavaScriptExecutor)fx.Driver).ExecuteScript("return window.__nasMark;"));
            log.WriteLine($"trained on screen: {first} then {later} (no reload)");

            await DashboardHost.WaitForAsync(study, StudyStatus.Completed, TimeSpan.FromSeconds(60));
            DashboardFixture.WaitUntil(() => fx.Text("trained") == "16" && fx.Driver.FindElement(By.CssSelector("#summary [data-live=status]")).Text == "completed", "16 trained and completed on screen");
            Assert.Equal(42L, ((IJavaScriptExecutor)fx.Driver).ExecuteScript("return window.__nasMark;"));
        }
        finally
        {
            File.Delete(hold);
        }
    }

    [Fact]
    public async Task CancelButton_Clicked_CancelsTheStudy()
    {
        var hold = Path.Combine(fx.Host.Directory, "hold-cancel");
        await File.WriteAllTextAsync(hold, "");
        var study = await fx.Host.SubmitAsync("dash-cancel", "alice", trials: 8, parallel: 2, holdFile: hold);
        try
        {
            fx.LoginAs(fx.Host.Keys.AliceWrite);
            fx.Go("/ui/studies/dash-cancel");

            fx.Driver.FindElement(By.Id("cancel")).Click();

            DashboardFixture.WaitUntil(() => fx.Driver.FindElements(By.Id("notice")).Count > 0, "the page after the cancel");
            Assert.Equal(StudyStatus.Cancelled, (await study.GetStatusAsync()).Status);
            Assert.Equal("cancelled", fx.Driver.FindElement(By.CssSelector("#summary [data-live=status]")).Text);
            Assert.Empty(fx.Driver.FindElements(By.Id("cancel")));
        }
        finally
        {
            File.Delete(hold);
        }
    }

    [Fact]
    public async Task ExtendButton_CompletedStudy_AddsTrialsAndItRunsThemOnScreen()
    {
        var study = await fx.Host.SubmitAsync("dash-extend", "alice", trials: 4, parallel: 2);
        await DashboardHost.WaitForAsync(study, StudyStatus.Completed, TimeSpan.FromSeconds(60));
        fx.LoginAs(fx.Host.Keys.AliceWrite);
        fx.Go("/ui/studies/dash-extend");
        Assert.Equal("4", fx.Text("max"));

        var trials = fx.Driver.FindElement(By.Id("extend-trials"));
        trials.Clear();
        trials.SendKeys("3");
        fx.Driver.FindElement(By.Id("extend")).Click();

        DashboardFixture.WaitUntil(() => fx.Driver.FindElements(By.Id("notice")).Count > 0, "the page after the extension");
        Assert.Equal("7", fx.Text("max"));
        var summary = await DashboardHost.WaitForAsync(study, StudyStatus.Completed, TimeSpan.FromSeconds(60));
        Assert.Equal(7, summary.MaxTrials);
        Assert.Equal(3, summary.ExtraTrials);
        fx.Go("/ui/studies/dash-extend");
        Assert.Equal(7, fx.TrialRows().Count);
    }

    [Fact]
    public async Task CancelButton_ReadKey_NotShownAndPostRefused403()
    {
        var hold = Path.Combine(fx.Host.Directory, "hold-read");
        await File.WriteAllTextAsync(hold, "");
        var study = await fx.Host.SubmitAsync("dash-readonly", "alice", trials: 8, parallel: 2, holdFile: hold);
        try
        {
            fx.LoginAs(fx.Host.Keys.AliceRead);
            fx.Go("/ui/studies/dash-readonly");
            Assert.Empty(fx.Driver.FindElements(By.Id("cancel")));
            Assert.Empty(fx.Driver.FindElements(By.Id("extend")));

            // The same post the button makes, from this page with the read key's cookie.
            var status = PostFromPage("/ui/studies/dash-readonly/cancel");
            Assert.Equal(403L, status);
            Assert.Equal(StudyStatus.Running, (await study.GetStatusAsync()).Status);

            // Another owner's write key: 403 as well, and the study is not even shown.
            fx.LoginAs(fx.Host.Keys.BobWrite);
            Assert.Equal(403L, PostFromPage("/ui/studies/dash-readonly/cancel"));
            fx.Go("/ui/studies/dash-readonly");
            Assert.Empty(fx.Driver.FindElements(By.Id("summary")));
            Assert.Equal(StudyStatus.Running, (await study.GetStatusAsync()).Status);
        }
        finally
        {
            await study.CancelAsync();
            File.Delete(hold);
        }
    }

    private long PostFromPage(string path) => (long)(((IJavaScriptExecutor)fx.Driver).ExecuteAsyncScript(
        """
        var done = arguments[arguments.length - 1];
        fetch(arguments[0], { method: 'POST', credentials: 'same-origin', body: new URLSearchParams({ trials: '5' }) })
          .then(function (r) { done(r.status); }, function () { done(-1); });
        """, path) ?? -2L);
}
