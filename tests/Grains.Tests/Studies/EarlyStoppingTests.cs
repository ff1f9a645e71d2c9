using NasOrleans.Core.Specs;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Grains.Tests.Studies;

[Collection(ClusterCollection.Name)]
public class EarlyStoppingTests(ClusterFixture fixture)
{
    [Theory]
    [InlineData("asha")]
    [InlineData("median")]
    public async Task Study_WithEarlyStopping_StopsWeakTrialsAndStillSpendsExactlyItsBudget(string rule)
    {
        var spec = new StudySpecBuilder($"early-{rule}")
            .Maximize("validation_accuracy")
            .AddInteger("x", 0, 9999)
            .AddCategorical("y", ["a", "b", "c", "d"])
            .WithAlgorithm("random", seed: 8)
            .WithTrainer("synthetic", ("duration_ms", "80"), ("epochs", "4"))
            .WithEarlyStopping(rule, minSteps: 1, reductionFactor: 2, minTrials: 3)
            .WithBudget(24, parallel: 4)
            .Build();
        var study = fixture.Client.GetGrain<IStudyGrain>(spec.Name);
        Assert.True((await study.SubmitAsync(StudySpecJson.Serialize(spec))).Accepted);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while ((await study.GetStatusAsync()).Status == StudyStatus.Running)
        {
            await Task.Delay(20, timeout.Token);
        }

        var trials = await study.GetTrialsAsync(new TrialQuery(0, 1000));
        var stopped = trials.Where(t => t.Metrics.GetValueOrDefault("early_stopped") == 1).ToList();

        Assert.Equal(24, trials.Count(t => t.Status == TrialStatus.Completed));
        Assert.NotEmpty(stopped);
        Assert.All(stopped, t => Assert.True(t.Metrics["epochs"] < 4));
        Assert.Contains(trials, t => t.Metrics["epochs"] == 4);

        var full = trials.First(t => t.Metrics["epochs"] == 4);
        var curve = await study.GetCurveAsync(full.TrialId);
        Assert.Equal([1L, 2L, 3L, 4L], curve.Select(p => p.Step));
        Assert.All(curve, p => Assert.True(p.Metrics["validation_accuracy"] > 0));
        var stoppedCurve = await study.GetCurveAsync(stopped[0].TrialId);
        Assert.Equal((long)stopped[0].Metrics["epochs"], stoppedCurve.Max(p => p.Step));
    }
}
