using System.Collections.Concurrent;
using NasOrleans.Core.Specs;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Grains.Tests.Studies;

[Collection(ClusterCollection.Name)]
public class StudyObserverTests(ClusterFixture fixture)
{
    private sealed class Recorder : IStudyObserver
    {
        public ConcurrentQueue<StudySummary> Updates { get; } = new();

        public TaskCompletionSource<StudySummary> Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task OnProgress(StudySummary summary)
        {
            Updates.Enqueue(summary);
            if (summary.Status != StudyStatus.Running)
            {
                Ended.TrySetResult(summary);
            }

            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task WatchAsync_StudyRunsToTheEnd_ObserverHearsProgressAndTheEnd()
    {
        var spec = new StudySpecBuilder("watched")
            .Maximize("validation_accuracy")
            .AddInteger("x", 0, 999)
            .WithAlgorithm("random", seed: 2)
            .WithTrainer("synthetic", ("duration_ms", "20"))
            .WithBudget(30, parallel: 2)
            .Build();
        var study = fixture.Client.GetGrain<IStudyGrain>(spec.Name);
        var recorder = new Recorder();
        var reference = fixture.Client.CreateObjectReference<IStudyObserver>(recorder);
        await study.WatchAsync(reference);

        Assert.True((await study.SubmitAsync(StudySpecJson.Serialize(spec))).Accepted);
        var end = await recorder.Ended.Task.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(StudyStatus.Completed, end.Status);
        Assert.Equal(30, end.Completed);
        Assert.True(recorder.Updates.Count >= 2, $"only {recorder.Updates.Count} updates");
        var counts = recorder.Updates.Select(u => u.Completed).ToList();
        Assert.Equal(counts.Order(), counts);
        await study.UnwatchAsync(reference);
    }
}
