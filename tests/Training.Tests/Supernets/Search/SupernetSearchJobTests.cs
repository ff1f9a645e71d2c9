using NasOrleans.Training.Supernets.Search;
using static NasOrleans.Training.Tests.Supernets.Search.SupernetSearchSamples;
using static NasOrleans.Training.Tests.Supernets.SupernetSamples;

namespace NasOrleans.Training.Tests.Supernets.Search;

public class SupernetSearchJobTests
{
    [Fact]
    public async Task RunAsync_DuringRlDelay_SendsNoRewardsAndControllersDoNotLearn()
    {
        var settings = Settings(totalSteps: 16) with { Schedule = new(RlDelayFraction: 0.5, OpWarmupFraction: 0.25) };
        var controllers = new FakeSupernetControllers(Space, 2, settings.TotalSteps);
        var initial = controllers.Controllers.Select(c => c.Logits).ToArray();
        var callsAt = new Dictionary<int, int>();
        var progress = new CallbackProgress((step, _) => callsAt[step] = controllers.RewardCalls.Count);
        using var supernet = Create(1);
        using var job = new SupernetSearchJob(supernet, Domains(), controllers.View(), new MemorySupernetCheckpoints(), settings, progress);

        var result = await job.RunAsync(CancellationToken.None);

        Assert.Equal(SupernetSearchStatus.Completed, result.Status);
        Assert.Equal(0, callsAt[4]);
        Assert.Equal(0, callsAt[8]);
        Assert.All(controllers.RewardCalls, c => Assert.All(c.Steps, s => Assert.True(s >= 8, $"step {s} rewarded during the delay")));
        Assert.Equal(Enumerable.Range(8, 8).Select(s => (long)s), controllers.RewardedSteps(0).Order());
        Assert.Equal(4, controllers.RewardCalls.Count); // windows [8, 12) and [12, 16), two domains
        Assert.NotEqual(initial[0], controllers.Controllers[0].Logits);
    }

    [Fact]
    public async Task RunAsync_TakenOverBeforeFirstCheckpoint_StopsWithTakeoverAndWritesNothing()
    {
        var controllers = new FakeSupernetControllers(Space, 2, 12);
        var store = new MemorySupernetCheckpoints { TakenOver = true };
        using var supernet = Create(1);
        using var job = new SupernetSearchJob(supernet, Domains(), controllers.View(), store, Settings());

        var result = await job.RunAsync(CancellationToken.None);

        Assert.Equal(SupernetSearchStatus.TakenOver, result.Status);
        Assert.Contains("Another trainer took the search over", result.Message, StringComparison.Ordinal);
        Assert.Equal(4, result.StepsRun);
        Assert.Equal(1, store.SaveAttempts);
        Assert.Empty(store.Saved);
        Assert.Empty(controllers.RewardCalls);
    }

    [Fact]
    public async Task RunAsync_TakenOverAfterFirstCheckpoint_KeepsOnlyTheFirstAndSendsNoLaterRewards()
    {
        var controllers = new FakeSupernetControllers(Space, 2, 12);
        var store = new MemorySupernetCheckpoints();
        var progress = new CallbackProgress((step, _) => store.TakenOver = step == 4);
        using var supernet = Create(1);
        using var job = new SupernetSearchJob(supernet, Domains(), controllers.View(), store, Settings(), progress);

        var result = await job.RunAsync(CancellationToken.None);

        Assert.Equal(SupernetSearchStatus.TakenOver, result.Status);
        Assert.Equal(4, result.LastCheckpoint);
        Assert.Equal(2, store.SaveAttempts);
        Assert.Equal([4L], store.Saved.Select(c => c.Step));
        Assert.All(controllers.RewardCalls, c => Assert.All(c.Steps, s => Assert.True(s < 4)));
    }

    [Fact]
    public async Task RunAsync_CancelledAfterACheckpoint_ThrowsAndLeavesThatCheckpointLast()
    {
        using var cancel = new CancellationTokenSource();
        var store = new MemorySupernetCheckpoints();
        var progress = new CallbackProgress((step, _) =>
        {
            if (step == 4)
            {
                cancel.Cancel();
            }
        });
        using var supernet = Create(1);
        using var job = new SupernetSearchJob(supernet, Domains(), new FakeSupernetControllers(Space, 2, 12).View(), store, Settings(), progress);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => job.RunAsync(cancel.Token));

        Assert.Equal([4L], store.Saved.Select(c => c.Step));
    }

    [Fact]
    public async Task RunAsync_FreshRun_ReportsCurvesProgressAndThroughput()
    {
        var store = new MemorySupernetCheckpoints();
        var progress = new RecordingProgress();
        using var supernet = Create(1);
        using var job = new SupernetSearchJob(supernet, Domains(), new FakeSupernetControllers(Space, 2, 10).View(), store, Settings(totalSteps: 10), progress);

        var result = await job.RunAsync(CancellationToken.None);

        Assert.True(result.Status == SupernetSearchStatus.Completed, result.Message);
        Assert.Equal((10, 0, 10), (result.StepsRun, result.ResumedFrom, result.LastCheckpoint));
        Assert.Equal([4L, 8L, 10L], store.Saved.Select(c => c.Step));
        Assert.Equal([4, 8, 10], progress.Reports.Select(r => r.Step));
        Assert.Equal(["d0", "d1"], result.Curves.Select(c => c.Domain));
        foreach (var curve in result.Curves)
        {
            Assert.Equal([4, 4, 2], curve.Points.Select(p => p.Steps));
            Assert.All(curve.Points, p => Assert.InRange(p.ValidationAccuracy, 0, 100));
            Assert.All(curve.Points, p => Assert.True(p.TrainLoss > 0 && double.IsFinite(p.MeanReward)));
        }

        Assert.True(result.SamplesPerSecond > 0);
        var last = progress.Reports[^1].Metrics;
        Assert.Equal(10, last["step"]);
        Assert.Equal(result.Curves[1].Points[^1].TrainLoss, last["d1.train_loss"]);
        Assert.True(last.ContainsKey("d0.validation_accuracy") && last.ContainsKey("d0.mean_reward") && last.ContainsKey("samples_per_second"));
    }

    [Fact]
    public void Constructor_BatchSizesOfAnotherDomainCount_ThrowsNamingBatchSize()
    {
        using var supernet = Create(1);
        var error = Assert.Throws<ArgumentException>(() =>
            new SupernetSearchJob(supernet, Domains(), new FakeSupernetControllers(Space, 2, 12).View(), new MemorySupernetCheckpoints(), Settings() with { BatchSizes = [8] }));
        Assert.Contains("batch_size", error.Message, StringComparison.Ordinal);
    }

    private sealed class CallbackProgress(Action<int, IReadOnlyDictionary<string, double>> callback) : Core.Trainers.ITrainingProgress
    {
        public ValueTask<bool> ReportAsync(int step, IReadOnlyDictionary<string, double> metrics, CancellationToken cancellationToken)
        {
            callback(step, metrics);
            return ValueTask.FromResult(false);
        }
    }
}
