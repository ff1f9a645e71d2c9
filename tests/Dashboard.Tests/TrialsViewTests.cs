using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Dashboard.Tests;

public sealed class TrialsViewTests
{
    [Fact]
    public void Parse_NoQuery_FirstPageById()
    {
        var (view, error) = TrialsView.Parse(Query([]));

        Assert.Null(error);
        Assert.Equal(new TrialQuery(0, DashboardNames.TrialsPageSize + 1, null, TrialOrder.ById), view!.Query);
    }

    [Fact]
    public void Parse_BestOrder_RanksCompletedTrialsWhateverTheStatusFilter()
    {
        var (view, _) = TrialsView.Parse(Query(new() { ["order"] = "best", ["status"] = "failed", ["offset"] = "100" }));

        Assert.Equal(new TrialQuery(100, DashboardNames.TrialsPageSize + 1, TrialStatus.Completed, TrialOrder.ByScore), view!.Query);
    }

    [Theory]
    [InlineData("offset", "-1", "offset must be")]
    [InlineData("offset", "1e3", "offset must be")]
    [InlineData("order", "score", "order must be 'id' or 'best'")]
    [InlineData("status", "done", "status must be all or one of pending, running, completed")]
    [InlineData("status", "2", "status must be")]
    public void Parse_BadValue_NamesTheParameterAndTheChoices(string name, string value, string expected)
    {
        var (view, error) = TrialsView.Parse(Query(new() { [name] = value }));

        Assert.Null(view);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Link_StudyIdWithMarkup_IsEncoded()
    {
        var link = new TrialsView(0, TrialOrder.ById, null).Link("/ui", "a\"<b>", 50);

        Assert.Equal("/ui/studies/a%22%3Cb%3E?order=id&amp;status=all&amp;offset=50#trials", link);
    }

    private static QueryCollection Query(Dictionary<string, StringValues> values) => new(values);
}
