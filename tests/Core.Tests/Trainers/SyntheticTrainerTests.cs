using Microsoft.Extensions.Time.Testing;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Trainers;

namespace NasOrleans.Core.Tests.Trainers;

public sealed class SyntheticTrainerTests
{
    [Fact]
    public async Task TrainAsync_HoldFileExists_FinishesOnlyOnceItIsGone()
    {
        var hold = Path.Combine(Path.GetTempPath(), $"nas-hold-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(hold, "held");
        var time = new FakeTimeProvider();
        var trainer = new SyntheticTrainer(TimeSpan.Zero, 0, 1, "nas", time, hold);
        var space = new SearchSpace("custom", [Decision.Integer("a", 0, 9)]);
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var training = trainer.TrainAsync(new TrainingRequest("s", 1, space, Architecture.FromKey("3")), new NoProgress(), guard.Token);
        for (var i = 0; i < 5; i++)
        {
            time.Advance(SyntheticTrainer.HoldPollInterval);
            await Task.Yield();
        }

        Assert.False(training.IsCompleted);
        File.Delete(hold);
        while (!training.IsCompleted)
        {
            time.Advance(SyntheticTrainer.HoldPollInterval);
            await Task.Delay(1, guard.Token);
        }

        Assert.True((await training).Succeeded);
    }

    private sealed class NoProgress : ITrainingProgress
    {
        public ValueTask<bool> ReportAsync(int step, IReadOnlyDictionary<string, double> metrics, CancellationToken cancellationToken) => ValueTask.FromResult(false);
    }
}
