using NasOrleans.Core.EarlyStopping;

namespace NasOrleans.Core.Tests.EarlyStopping;

public class AshaRuleTests
{
    [Fact]
    public void Report_BetweenRungs_NeverStops()
    {
        var rule = new AshaRule(minSteps: 1, reductionFactor: 3, minTrials: 1);
        for (var t = 1; t <= 6; t++)
        {
            rule.Report(t, 1, t);
        }

        Assert.False(rule.Report(1, 2, 0));
    }

    [Fact]
    public void Report_AtRungBelowTopThird_Stops()
    {
        var rule = new AshaRule(minSteps: 1, reductionFactor: 3, minTrials: 3);
        Assert.False(rule.Report(1, 1, 90));
        Assert.False(rule.Report(2, 1, 80));

        Assert.True(rule.Report(3, 1, 70));
        Assert.False(rule.Report(4, 1, 95));
    }

    [Fact]
    public void Report_FewerThanMinTrialsAtRung_KeepsGoing()
    {
        var rule = new AshaRule(minSteps: 1, reductionFactor: 2, minTrials: 4);

        Assert.False(rule.Report(1, 1, 90));
        Assert.False(rule.Report(2, 1, 10));
        Assert.False(rule.Report(3, 1, 5));
        Assert.True(rule.Report(4, 1, 1));
    }

    [Fact]
    public void Report_HigherRung_ComparesOnlyTrialsThatReachedIt()
    {
        var rule = new AshaRule(minSteps: 1, reductionFactor: 2, minTrials: 2);
        rule.Report(1, 1, 50);
        rule.Report(2, 1, 60);

        Assert.False(rule.Report(2, 2, 61));
        Assert.True(rule.Report(3, 2, 40));
    }
}
