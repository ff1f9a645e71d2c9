using System.Globalization;
using NasOrleans.Grains.Interfaces.Messages;
using Xunit.Abstractions;

namespace NasOrleans.Fault.Tests;

/// <summary>
/// Slots isolated in worker processes (<c>SlotIsolation=Process</c>): two slots of one trainer silo with different
/// thread budgets train real TorchSharp trials at once, and each trial reproduces, metric for metric, what a silo with a
/// single slot of that thread budget gives for the same architecture and seed. In one process the two could not:
/// libtorch's generator and thread count are process-wide.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class SlotIsolationTests(ServersFixture servers, ITestOutputHelper output)
{
    private const int Budget = 4;

    // What a seed fixes; timings (train_seconds, latency_ms, throughput) are not compared.
    private static readonly string[] Deterministic = ["validation_accuracy", "validation_loss", "test_accuracy", "params", "flops", "epochs"];

    [Fact]
    public async Task TwoIsolatedSlots_DifferentThreads_EachReproducesItsSingleSlotResult()
    {
        await using var cluster = new FaultCluster(servers, output, "slot-isolation");
        var (_, gateway) = await cluster.StartControlAsync("control");

        var pair = await cluster.StartTrainerAsync("trainer-two-slots",
            "--Nas:Silo:TrainerSlots=2", "--Nas:Silo:SlotIsolation=Process", "--Nas:Silo:SlotThreads=1,2", "--Nas:Silo:Devices=cpu");
        var together = await RunAsync(cluster, "iso-two-slots", gateway);
        Assert.Equal(2, Workers(cluster.ClusterId).Count);
        await pair.SignalAsync("TERM");
        Assert.NotNull(await pair.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Empty(Workers(cluster.ClusterId));

        var alone = new Dictionary<int, Dictionary<long, TrialRecord>>();
        foreach (var threads in new[] { 1, 2 })
        {
            var single = await cluster.StartTrainerAsync($"trainer-one-slot-{threads}",
                "--Nas:Silo:TrainerSlots=1", $"--Nas:Silo:SlotThreads={threads}", "--Nas:Silo:Devices=cpu");
            alone[threads] = await RunAsync(cluster, $"iso-alone-{threads}", gateway);
            await single.SignalAsync("TERM");
            Assert.NotNull(await single.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        }

        var differ = alone[1].Values.Count(t => t.Metrics["validation_loss"] != alone[2][t.TrialId].Metrics["validation_loss"]);
        output.WriteLine($"alone: {differ} of {alone[1].Count} trials differ between 1 and 2 threads");
        // Thread budgets that changed nothing would let slots sharing one process pass too (a run with
        // SlotIsolation=Inline fails this test: a slot trains with the other's thread count).
        Assert.True(differ > 0, "1 and 2 threads gave the same numbers for every trial: the comparison cannot tell the slots apart");
        var bySlot = together.Values.GroupBy(t => t.Trainer![^1..]).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        Assert.True(bySlot.Count == 2, "both slots should have trained: " + string.Join(", ", together.Values.Select(t => $"{t.TrialId}@{t.Trainer}")));
        foreach (var trial in together.Values)
        {
            var threads = trial.Trainer!.EndsWith("/slot0", StringComparison.Ordinal) ? 1 : 2;
            var reference = alone[threads][trial.TrialId];
            Assert.Equal(reference.ArchitectureKey, trial.ArchitectureKey);
            foreach (var metric in Deterministic)
            {
                Assert.True(reference.Metrics[metric] == trial.Metrics[metric],
                    string.Create(CultureInfo.InvariantCulture, $"trial {trial.TrialId} on {trial.Trainer} ({threads} threads): {metric} {trial.Metrics[metric]:R}, alone {reference.Metrics[metric]:R}"));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"trial {trial.TrialId} slot {trial.Trainer![^5..]} ({threads} threads): validation_accuracy {trial.Metrics["validation_accuracy"]:R} = alone"));
        }
    }

    private static async Task<Dictionary<long, TrialRecord>> RunAsync(FaultCluster cluster, string study, string gateway)
    {
        await cluster.SubmitSpecAsync(study, $$"""
            name: {{study}}
            objective: { metric: validation_accuracy }
            space: { kind: mobile-cnn, parameters: { stages: 2, max_depth: 1, blocks: fused_ibn, kernels: "3", expansions: "1,2", widths: "8,16" } }
            algorithm: { name: random, seed: 11 }
            trainer: { kind: torch, parameters: { dataset: fashion-mnist, epochs: 1, batch_size: 64, max_train_samples: 1000, validation_size: 500, seed: 3 } }
            budget: { max_trials: {{Budget}}, parallel_trials: 2 }
            """, gateway);
        await cluster.WaitForStudyCompletedAsync(study, TimeSpan.FromMinutes(4));
        var trials = (await cluster.Store.GetAllTrialsAsync(study)).Where(t => t.SourceTrialId is null).ToList();
        Assert.All(trials, t => Assert.True(t.Status == TrialStatus.Completed, $"trial {t.TrialId}: {t.Status} {t.Error}"));
        return trials.ToDictionary(t => t.TrialId);
    }

    /// <summary>The command lines of the slot worker processes running for <paramref name="clusterId"/>.</summary>
    private static List<string> Workers(string clusterId) =>
        [.. System.IO.Directory.EnumerateDirectories("/proc")
            .Select(d => Read(Path.Combine(d, "cmdline")).Replace('\0', ' '))
            .Where(c => c.Contains(" slot-worker ", StringComparison.Ordinal) && c.Contains(clusterId, StringComparison.Ordinal))];

    private static string Read(string file)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
