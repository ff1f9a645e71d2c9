using NasOrleans.Core.Specs;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Grains.Tests.Studies;

[Collection(ClusterCollection.Name)]
public class StudyGrainExtendTests(ClusterFixture fixture)
{
    private static StudySpec Synthetic(string name, int trials, string? durationMs = null, double? timeout = null)
    {
        var builder = new StudySpecBuilder(name)
            .Maximize("validation_accuracy")
            .AddCategorical("a", ["0", "1", "2", "3", "4", "5"])
            .AddInteger("c", 1, 6)
            .WithAlgorithm("evolution", 5)
            .WithTrainer("synthetic", durationMs is null ? [] : [("duration_ms", durationMs)])
            .WithBudget(trials, 2, maxFailed: 100);
        return (timeout is { } t ? builder.WithTrialTimeout(t) : builder).Build();
    }

    [Fact]
    public async Task ExtendAsync_CompletedStudy_RunsTheExtraTrialsAndCompletesAgain()
    {
        var first = await fixture.RunToEndAsync(Synthetic("extend-completed", 5), TimeSpan.FromSeconds(60));
        Assert.Equal(StudyStatus.Completed, first.Status);
        var study = fixture.Client.GetGrain<IStudyGrain>("extend-completed");

        var extended = await study.ExtendAsync(4);

        Assert.True(extended.Accepted, string.Join("; ", extended.Errors));
        Assert.Equal(9, extended.Study!.MaxTrials);
        var summary = await StudyWaits.WaitForAsync(study, s => s.Status != StudyStatus.Running, "the extended study to end", 60);
        Assert.Equal(StudyStatus.Completed, summary.Status);
        Assert.Equal(9, summary.Completed);
        Assert.Equal(4, summary.ExtraTrials);
        Assert.Equal(9, (await study.GetTrialsAsync(new TrialQuery(0, 100))).Count(t => t.SourceTrialId is null));
        Assert.Equal(first.SpecHash, summary.SpecHash);
    }

    [Fact]
    public async Task ExtendAsync_OutOfRangeCancelledOrMissing_IsRefusedWithTheReasonAndChangesNothing()
    {
        var study = fixture.Client.GetGrain<IStudyGrain>("extend-refused");
        Assert.True((await study.SubmitAsync(StudySpecJson.Serialize(Synthetic("extend-refused", 30, durationMs: "200")))).Accepted);

        var zero = await study.ExtendAsync(0);
        var huge = await study.ExtendAsync(2_000_000);
        await study.CancelAsync();
        var cancelled = await study.ExtendAsync(3);
        var missing = await fixture.Client.GetGrain<IStudyGrain>("extend-nosuch").ExtendAsync(3);

        Assert.False(zero.Accepted);
        Assert.Contains("trials: 0 is out of range", zero.Errors.Single(), StringComparison.Ordinal);
        Assert.False(huge.Accepted);
        Assert.False(cancelled.Accepted);
        Assert.Contains("is cancelled", cancelled.Errors.Single(), StringComparison.Ordinal);
        Assert.False(missing.Accepted);
        Assert.Contains("there is no study", missing.Errors.Single(), StringComparison.Ordinal);
        var summary = await study.GetStatusAsync();
        Assert.Equal((StudyStatus.Cancelled, 30, 0), (summary.Status, summary.MaxTrials, summary.ExtraTrials));
    }

    [Fact]
    public async Task SubmitAsync_TrialLongerThanTrialTimeout_IsStoppedAndRecordedFailed()
    {
        var summary = await fixture.RunToEndAsync(Synthetic("timeout-builtin", 2, durationMs: "20000", timeout: 0.5), TimeSpan.FromSeconds(30));

        Assert.Equal(StudyStatus.Failed, summary.Status);
        var rows = await fixture.Client.GetGrain<IStudyGrain>("timeout-builtin").GetTrialsAsync(new TrialQuery(0, 10));
        Assert.Equal(2, rows.Count);
        Assert.All(rows, t => Assert.StartsWith("trial_timeout: still training after 0.5 s", t.Error, StringComparison.Ordinal));
        Assert.All(rows, t => Assert.InRange(t.DurationSeconds ?? 0, 0.4, 10));
    }
}
