using NasOrleans.Core.Specs;
using NasOrleans.Core.Trainers;
using NasOrleans.Grains.Training.Workers;

namespace NasOrleans.Grains.Tests.Training.Workers;

public sealed class SlotWorkerClientTests
{
    [Fact]
    public async Task TrainAsync_SyntheticTrial_ReturnsTheTrainersOutcomeAndRelaysEveryReport()
    {
        using var client = new SlotWorkerClient(() => new PipeWorker(noise: _ => { }));
        var progress = new RecordingProgress(stopAt: 0);

        var outcome = await client.TrainAsync(Train("epochs: 3"), progress, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(Expected("epochs: 3").Metrics, outcome.Metrics);
        Assert.Equal([1, 2, 3], progress.Steps);
    }

    [Fact]
    public async Task TrainAsync_StudyStopsAtStepTwo_WorkerStopsTheTrialThere()
    {
        using var client = new SlotWorkerClient(() => new PipeWorker());

        var outcome = await client.TrainAsync(Train("epochs: 4"), new RecordingProgress(stopAt: 2), CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(2, outcome.Metrics["epochs"]);
        Assert.Equal(1, outcome.Metrics["early_stopped"]);
    }

    [Fact]
    public async Task TrainAsync_BadSpec_FailsTheTrialWithTheReasonAndKeepsTheWorker()
    {
        var workers = new List<PipeWorker>();
        using var client = new SlotWorkerClient(() => { var w = new PipeWorker(); workers.Add(w); return w; });

        var bad = await client.TrainAsync(Train("epochs: 1") with { Spec = "{ not json" }, new RecordingProgress(0), CancellationToken.None);
        var good = await client.TrainAsync(Train("epochs: 1"), new RecordingProgress(0), CancellationToken.None);

        Assert.False(bad.Succeeded);
        Assert.StartsWith("the trainer could not be created or run", bad.Error, StringComparison.Ordinal);
        Assert.True(good.Succeeded, good.Error);
        Assert.Single(workers);
    }

    [Fact]
    public async Task TrainAsync_WorkerDiesMidTrial_FailsTheTrialAndStartsANewWorkerForTheNext()
    {
        var workers = new List<PipeWorker>();
        using var client = new SlotWorkerClient(() => { var w = new PipeWorker(); workers.Add(w); return w; });
        var progress = new RecordingProgress(0) { OnReport = step => workers[0].Kill() };

        var died = await client.TrainAsync(Train("epochs: 3"), progress, CancellationToken.None);
        var next = await client.TrainAsync(Train("epochs: 1"), new RecordingProgress(0), CancellationToken.None);

        Assert.False(died.Succeeded);
        Assert.Contains("the test worker ended", died.Error, StringComparison.Ordinal);
        Assert.True(next.Succeeded, next.Error);
        Assert.Equal(2, client.Starts);
    }

    [Fact]
    public async Task TrainAsync_Cancelled_KillsTheWorkerAndThrows()
    {
        var workers = new List<PipeWorker>();
        using var client = new SlotWorkerClient(() => { var w = new PipeWorker(); workers.Add(w); return w; });
        using var cancel = new CancellationTokenSource();
        var progress = new RecordingProgress(0) { OnReport = _ => cancel.Cancel() };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.TrainAsync(Train("epochs: 3, duration_ms: 60000"), progress, cancel.Token));

        Assert.True(workers[0].Killed);
        Assert.Equal(0, client.ProcessId);
    }

    private static SlotWorkerMessage Train(string parameters)
    {
        var spec = Spec(parameters);
        return new SlotWorkerMessage
        {
            Kind = SlotWorkerMessageKinds.Train,
            StudyId = "worker-study",
            TrialId = 7,
            SpecHash = StudySpecJson.Hash(spec),
            Spec = StudySpecJson.Serialize(spec),
            Architecture = Space().Sample(new NasOrleans.Core.Randomness.DeterministicRandom(3)).Key,
            Device = "cpu",
            Threads = 1,
        };
    }

    private static TrialOutcome Expected(string parameters)
    {
        var spec = Spec(parameters);
        var space = NasOrleans.Core.Spaces.SpaceCatalog.Create(spec.Space);
        var trainer = TrainerCatalog.Default.Create(spec.Trainer, space, new TrainerEnvironment(null, TimeProvider.System));
        var architecture = NasOrleans.Core.Spaces.Architecture.FromKey(Train(parameters).Architecture!);
        return trainer.TrainAsync(new TrainingRequest("worker-study", 7, space, architecture), new RecordingProgress(0), CancellationToken.None).GetAwaiter().GetResult();
    }

    private static NasOrleans.Core.Spaces.SearchSpace Space() => NasOrleans.Core.Spaces.SpaceCatalog.Create(Spec("epochs: 1").Space);

    private static StudySpec Spec(string parameters) => StudySpecParser.ParseYaml($$"""
        name: worker-study
        objective: { metric: validation_accuracy }
        space:
          decisions:
            - { name: a, type: integer, min: 0, max: 99 }
        algorithm: { name: random, seed: 1 }
        trainer: { kind: synthetic, parameters: { {{parameters}} } }
        budget: { max_trials: 4 }
        """);
}
