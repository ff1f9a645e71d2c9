using System.Globalization;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Storage;
using Xunit.Abstractions;

namespace NasOrleans.Fault.Tests;

/// <summary>
/// A supernet search (tunas) whose trainer silo is SIGKILLed after a checkpoint resumes on another trainer from that
/// checkpoint (the artifact store in PostgreSQL), and its controller applies every step's reward exactly once.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class SupernetSearchFaultTests(ServersFixture servers, ITestOutputHelper output)
{
    private const int Steps = 240;
    private const int CheckpointEvery = 20;

    [Fact]
    public async Task SigkillTrainer_AfterACheckpoint_SearchResumesOnAnotherTrainerFromIt()
    {
        const string study = "tunas-kill";
        await using var cluster = new FaultCluster(servers, output, "tunas-kill", "--Nas:Scheduler:LeaseTimeout=00:00:10", "--Nas:Silo:HeartbeatInterval=00:00:01");
        var (_, gateway) = await cluster.StartControlAsync("control");
        var first = await cluster.StartTrainerAsync("trainer-a", "--Nas:Silo:TrainerSlots=1");
        await cluster.SubmitSpecAsync(study, $$"""
            name: {{study}}
            objective: { metric: validation_accuracy }
            space:
              kind: mobile-cnn
              parameters: { stages: 2, max_depth: 1, blocks: fused_ibn, kernels: "3", expansions: "1,2", widths: "8,16" }
            algorithm: { name: tunas, seed: 5, parameters: { steps: {{Steps}}, checkpoint_every: {{CheckpointEvery}}, sample_batch: 10, cost_target: 20000, final_steps: 20 } }
            trainer: { kind: torch, parameters: { dataset: fashion-mnist, batch_size: 16, validation_size: 200, threads: 1 } }
            budget: { max_trials: 1 }
            domains:
              - { name: fashion, dataset: fashion-mnist, max_train_samples: 512 }
            """, gateway);

        // Kill only after a checkpoint is stored, and while the search still has steps to run.
        var before = await WaitForCheckpointAsync(cluster.Store, study, TimeSpan.FromMinutes(3));
        Assert.True(before < Steps, $"the search reached step {before} of {Steps} before the kill could land");
        first.Kill();
        var last = await LatestStepAsync(cluster.Store, study);
        output.WriteLine($"SIGKILLed trainer-a after the checkpoint of step {last}");
        await cluster.StartTrainerAsync("trainer-b", "--Nas:Silo:TrainerSlots=1");

        var summary = await cluster.WaitForStudyCompletedAsync(study, TimeSpan.FromMinutes(4));

        var job = Assert.Single(await cluster.Store.GetAllTrialsAsync(study));
        Assert.Equal(TrialStatus.Completed, job.Status);
        Assert.Equal(StudyStatus.Completed, summary.Status);
        // It resumed from the last checkpoint trainer-a stored: fewer than one checkpoint interval of steps was lost.
        Assert.Equal(last, job.Metrics["resumed_from"]);
        Assert.Equal(Steps - last, job.Metrics["steps"]);
        // The final model was trained after the resumed search, on the trainer that finished it.
        Assert.Equal(20, job.Metrics["final_steps_run"]);
        Assert.InRange(job.Metrics["fashion.test_accuracy"], 0, 100);
        Assert.Equal(2, job.Attempt);
        Assert.DoesNotContain(job.Trainer ?? "", first.Output, StringComparison.Ordinal);
        // The controller applied every rewarded step once: steps after the RL delay (a quarter), each observed once.
        var events = await cluster.Store.GetStrategyEventsAsync(study, "controller/fashion", 0);
        var observed = events.Where(e => e.Kind == StrategyEventKind.Observed).Select(e => e.TrialId).ToList();
        Assert.Equal(observed.Count, observed.Distinct().Count());
        Assert.Equal(Steps - (Steps / 4), observed.Count);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"resumed from step {last}; {observed.Count} rewards applied once each; trainer {job.Trainer}"));
    }

    private static async Task<long> WaitForCheckpointAsync(IArtifactStore store, string study, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var step = await LatestStepAsync(store, study);
            if (step > 0)
            {
                return step;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no checkpoint of {study} within {timeout}");
            await Task.Delay(50);
        }
    }

    private static async Task<long> LatestStepAsync(IArtifactStore store, string study)
    {
        try
        {
            var latest = await store.GetLatestArtifactAsync(study, "supernet/search");
            return latest is null ? 0 : long.Parse(latest.Metadata["step"], CultureInfo.InvariantCulture);
        }
        catch (Npgsql.NpgsqlException)
        {
            return 0;
        }
    }
}
