using NasOrleans.Training.Supernets.Search;
using Xunit.Abstractions;
using static NasOrleans.Training.Tests.Supernets.Search.SupernetSearchSamples;
using static NasOrleans.Training.Tests.Supernets.SupernetSamples;

namespace NasOrleans.Training.Tests.Supernets.Search;

public class SupernetSearchJobResumeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RunAsync_ResumedAfterStepEightCheckpoint_EqualsUninterruptedRunBitForBit()
    {
        var domains = Domains();
        var settings = Settings(totalSteps: 12);

        // Uninterrupted: 12 steps, a checkpoint every 4.
        var straight = new FakeSupernetControllers(Space, 2, settings.TotalSteps);
        var straightStore = new MemorySupernetCheckpoints();
        byte[] straightWeights;
        SupernetSearchResult straightResult;
        using (var supernet = Create(1))
        using (var job = new SupernetSearchJob(supernet, domains, straight.View(), straightStore, settings))
        {
            straightResult = await job.RunAsync(CancellationToken.None);
            straightWeights = supernet.SaveWeights();
        }

        // Interrupted: stop after the step-8 checkpoint, then a fresh job over a fresh supernet (another seed) resumes.
        var resumed = new FakeSupernetControllers(Space, 2, settings.TotalSteps);
        var store = new MemorySupernetCheckpoints();
        using (var supernet = Create(1))
        using (var job = new SupernetSearchJob(supernet, domains, resumed.View(), store, settings, new RecordingProgress { StopAtStep = 8 }))
        {
            var first = await job.RunAsync(CancellationToken.None);
            Assert.Equal(SupernetSearchStatus.Stopped, first.Status);
            Assert.Equal(8, first.StepsRun);
            Assert.Equal(8, store.Saved[^1].Step);
        }

        byte[] resumedWeights;
        SupernetSearchResult second;
        using (var supernet = Create(99))
        using (var job = new SupernetSearchJob(supernet, domains, resumed.View(), store, settings))
        {
            second = await job.RunAsync(CancellationToken.None);
            resumedWeights = supernet.SaveWeights();
        }

        Assert.Equal(SupernetSearchStatus.Completed, second.Status);
        Assert.Equal(8, second.ResumedFrom);
        Assert.Equal(4, second.StepsRun);
        Assert.Equal(straightWeights, resumedWeights);
        Assert.Equal(straightStore.Saved[^1].State, store.Saved[^1].State);
        Assert.Equal(straightResult.Curves.SelectMany(c => c.Points), second.Curves.SelectMany(c => c.Points));
        var delay = settings.Schedule.DelaySteps(settings.TotalSteps);
        for (var d = 0; d < 2; d++)
        {
            Assert.Equal(straight.Controllers[d].Logits, resumed.Controllers[d].Logits);
            Assert.Equal(straight.Controllers[d].Baseline, resumed.Controllers[d].Baseline);
            Assert.Equal(settings.TotalSteps - delay, resumed.Controllers[d].Updates);
            Assert.Equal(resumed.RewardedSteps(d).Count(), resumed.Controllers[d].Updates);
            Assert.Equal(straight.Controllers[d].Updates, resumed.Controllers[d].Updates);

            // The step-8 checkpoint held steps 4..7's rewards, sent just after it: the resumed job resent them, and they were ignored.
            Assert.Equal(4, resumed.Controllers[d].RewardsRejected);
        }

        output.WriteLine($"checkpoint: {store.Saved[^1].State.Length:N0} bytes; weights {resumedWeights.Length:N0} bytes; uninterrupted {straightResult.WallSeconds:F2} s");
    }

    [Fact]
    public async Task RunAsync_ResumedAfterTheFinalCheckpoint_RunsNoStepAndWritesNothing()
    {
        var domains = Domains();
        var store = new MemorySupernetCheckpoints();
        var controllers = new FakeSupernetControllers(Space, 2, 6);
        using (var supernet = Create(1))
        using (var job = new SupernetSearchJob(supernet, domains, controllers.View(), store, Settings(totalSteps: 6)))
        {
            await job.RunAsync(CancellationToken.None);
        }

        var updates = controllers.Controllers.Select(c => c.Updates).ToArray();
        using var again = Create(2);
        using var againJob = new SupernetSearchJob(again, domains, controllers.View(), store, Settings(totalSteps: 6));
        var result = await againJob.RunAsync(CancellationToken.None);

        Assert.Equal((SupernetSearchStatus.Completed, 0L, 6L), (result.Status, result.StepsRun, result.ResumedFrom));
        Assert.Equal([4L, 6L], store.Saved.Select(c => c.Step));
        Assert.Equal(updates, controllers.Controllers.Select(c => c.Updates));
        Assert.Equal(2, result.Curves[0].Points.Count);
    }

    [Fact]
    public async Task RunAsync_CheckpointOfAnotherSearch_ThrowsInvalidData()
    {
        var domains = Domains();
        var store = new MemorySupernetCheckpoints();
        var controllers = new FakeSupernetControllers(Space, 2, 4);
        using (var supernet = Create(1))
        using (var job = new SupernetSearchJob(supernet, domains, controllers.View(), store, Settings(totalSteps: 4)))
        {
            await job.RunAsync(CancellationToken.None);
        }

        using var other = Create(1);
        using var otherJob = new SupernetSearchJob(other, domains, controllers.View(), store, Settings(totalSteps: 4) with { Seed = 12 });
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => otherJob.RunAsync(CancellationToken.None));
        Assert.Contains("another search", error.Message, StringComparison.Ordinal);
    }
}
