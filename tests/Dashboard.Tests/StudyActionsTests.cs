using System.Net;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Dashboard.Tests;

/// <summary>The dashboard's endpoints over plain HTTP: who gets 401, 403 and 400, and that a refused post changes nothing.</summary>
[Collection(DashboardCollection.Name)]
public sealed class StudyActionsTests(DashboardFixture fx)
{
    [Fact]
    public async Task Endpoints_NoKey_PagesRedirectToLoginAndJsonIs401()
    {
        using var http = Client(key: null);

        using var page = await http.GetAsync(new Uri(fx.Host.BaseUrl + "/ui/studies/" + DashboardFixture.DoneStudy));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/ui/login?returnUrl=", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var json = await http.GetAsync(new Uri(fx.Host.BaseUrl + "/ui/api/studies"));
        Assert.Equal(HttpStatusCode.Unauthorized, json.StatusCode);
        using var cancel = await http.PostAsync(new Uri(fx.Host.BaseUrl + $"/ui/studies/{DashboardFixture.DoneStudy}/cancel"), new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.Unauthorized, cancel.StatusCode);
        using var root = await http.GetAsync(new Uri(fx.Host.BaseUrl + "/"));
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/ui/", root.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Cancel_WriteKeyWithoutTheFormsToken_Is400AndTheStudyRuns()
    {
        var hold = Path.Combine(fx.Host.Directory, "hold-csrf");
        await File.WriteAllTextAsync(hold, "");
        var study = await fx.Host.SubmitAsync("dash-csrf", "alice", trials: 4, parallel: 1, holdFile: hold);
        try
        {
            using var http = Client(fx.Host.Keys.AliceWrite);
            using var read = await http.GetAsync(new Uri(fx.Host.BaseUrl + "/ui/api/studies/dash-csrf"));
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.Contains("\"status\":\"running\"", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            // What a page of another site could make a logged-in browser post: the key, but no antiforgery token.
            using var forged = await http.PostAsync(new Uri(fx.Host.BaseUrl + "/ui/studies/dash-csrf/cancel"), new FormUrlEncodedContent([]));
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
            using var read2 = Client(fx.Host.Keys.AliceRead);
            using var refused = await read2.PostAsync(new Uri(fx.Host.BaseUrl + "/ui/studies/dash-csrf/cancel"), new FormUrlEncodedContent([]));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal(StudyStatus.Running, (await study.GetStatusAsync()).Status);
        }
        finally
        {
            await study.CancelAsync();
            File.Delete(hold);
        }
    }

    [Fact]
    public async Task StudyPage_UnknownStudyAndBadQuery_SayWhatIsWrong()
    {
        using var http = Client(fx.Host.Keys.AliceRead);

        using var missing = await http.GetAsync(new Uri(fx.Host.BaseUrl + "/ui/studies/no-such-study"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("No study &#39;no-such-study&#39;", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var bad = await http.GetAsync(new Uri(fx.Host.BaseUrl + $"/ui/studies/{DashboardFixture.DoneStudy}?offset=-3&status=<b>"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("offset must be a whole number", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static HttpClient Client(string? key)
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
        if (key is not null)
        {
            http.DefaultRequestHeaders.Authorization = new("Bearer", key);
        }

        return http;
    }
}
