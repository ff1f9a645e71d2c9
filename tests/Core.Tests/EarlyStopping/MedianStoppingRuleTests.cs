using NasOrleans.Core.EarlyStopping;

namespace NasOrleans.Core.Tests.EarlyStopping;

public class MedianStoppingRuleTests
{
    [Fact]
    public void Report_BelowMedianOfOthersAtSameStep_Stops()
    {
        var rule = new MedianStoppingRule(minSteps: 1, minTrials: 3);
        foreach (var (trial, score) in new[] { (1L, 70.0), (2L, 80.0), (3L, 90.0) })
        {
            rule.Report(trial, 1, score - 10);
            rule.Report(trial, 2, score);
        }

        Assert.True(rule.Report(4, 2, 75));
        Assert.False(rule.Report(5, 2, 85));
    }

    [Fact]
    public void Report_BeforeMinSteps_NeverStops()
    {
        var rule = new MedianStoppingRule(minSteps: 3, minTrials: 1);
        rule.Report(1, 1, 90);
        rule.Report(1, 2, 95);

        Assert.False(rule.Report(2, 1, 1));
        Assert.False(rule.Report(2, 2, 1));
    }

    [Fact]
    public void Report_OthersNotYetAtThisStep_AreNotCounted()
    {
        var rule = new MedianStoppingRule(minSteps: 1, minTrials: 2);
        rule.Report(1, 1, 90);
        rule.Report(2, 1, 95);

        Assert.False(rule.Report(3, 5, 10));
    }

    [Fact]
    public void Report_UsesBestSoFarOfTheTrial()
    {
        var rule = new MedianStoppingRule(minSteps: 1, minTrials: 1);
        rule.Report(1, 1, 50);
        rule.Report(1, 2, 50);
        rule.Report(2, 1, 60);

        Assert.False(rule.Report(2, 2, 40));
    }
}
