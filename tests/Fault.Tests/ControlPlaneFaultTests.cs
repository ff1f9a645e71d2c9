using System.Text.Json;
using NasOrleans.Grains.Interfaces.Messages;
using Xunit.Abstractions;

namespace NasOrleans.Fault.Tests;

/// <summary>
/// Control-silo kills while trials train: the lease book is soft state that a new scheduler activation rebuilds from
/// the trainers' heartbeats, so no training in flight is lost; slot loops belong to the trainer silo's lifecycle, so
/// none can be orphaned by a control kill, a forced orphan is detected, and SIGTERM drains every loop.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class ControlPlaneFaultTests(ServersFixture servers, ITestOutputHelper output)
{
    private static readonly string[] Timings =
    [
        "--Nas:Scheduler:LeaseTimeout=00:00:05", "--Nas:Silo:HeartbeatInterval=00:00:01", "--Nas:Scheduler:RecoveryWindow=00:00:04",
    ];

    [Fact]
    public async Task SigkillControlSilo_MidTwentySecondTrials_EveryTrialCompletesOnItsFirstLease()
    {
        const string study = "kill-control-mid";
        const int budget = 4;
        await using var cluster = new FaultCluster(servers, output, "kill-control-mid", Timings);
        // Only control A exists at submit, so the study and its scheduler shard live on A. Trainers join last, so the
        // trials start training only once every silo is up, however slow the machine is.
        var (hostA, gatewayA) = await cluster.StartControlAsync("control-a");
        await cluster.SubmitAsync(study, budget, parallel: budget, durationMs: 20_000, gatewayA);
        var (hostB, gatewayB) = await cluster.StartControlAsync("control-b");
        await cluster.StartTrainerAsync("trainer-a", "--Nas:Silo:TrainerSlots=2");
        await cluster.StartTrainerAsync("trainer-b", "--Nas:Silo:TrainerSlots=2");

        // Heartbeats before the kill: every trial is held by a slot that was heard from after its training started.
        var held = await WaitForHeldAsync(cluster, gatewayB, study, budget, after: null);
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var beating = await WaitForHeldAsync(cluster, gatewayB, study, budget, after: held.Max(s => s.LastSeen));
        var before = await cluster.Store.GetAllTrialsAsync(study);
        Assert.All(before, t => Assert.Equal(TrialStatus.Running, t.Status));

        hostA.Kill();
        var killedAt = DateTimeOffset.UtcNow;
        output.WriteLine($"SIGKILLed control-a while {string.Join(", ", beating.SelectMany(s => s.Trials))} trained");
        await hostB.WaitForAnyOutputAsync(["Evicting '", "Status=Dead"], TimeSpan.FromSeconds(30));

        // Heartbeats after the kill reach the scheduler shard's new activation on B, which adopts the leases.
        await WaitForHeldAsync(cluster, gatewayB, study, budget, after: killedAt);
        var summary = await cluster.WaitForStudyCompletedAsync(study, TimeSpan.FromSeconds(120));

        await cluster.AssertExactlyBudgetAsync(study, budget, summary);
        var trials = await cluster.Store.GetAllTrialsAsync(study);
        Assert.All(trials, t => Assert.True(t.FinishedAt > killedAt, $"trial {t.TrialId} finished before the kill"));
        Assert.All(trials, t => Assert.Equal(1, t.Attempt));
        var trainings = cluster.TrainingsStarted(study);
        Assert.Equal(budget, trainings.Count);
        Assert.All(trainings, p => Assert.True(p.Value == 1, $"{p.Key} trained {p.Value} times:\n{cluster.Logs()}"));
        var completions = await cluster.Store.GetCompletionsAsync(study);
        Assert.Equal(budget, completions.Count);
        Assert.Contains("Adopted the lease of trial " + study, hostB.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SigkillEachControlSiloInTurn_WhileSlotsTrain_LoopsMatchTheSchedulerAndSigtermDrainsEverySlot()
    {
        const string study = "control-turns";
        const int budget = 60;
        await using var cluster = new FaultCluster(servers, output, "control-turns", Timings);
        var (a, gatewayA) = await cluster.StartControlAsync("control-a");
        var (b, gatewayB) = await cluster.StartControlAsync("control-b");
        var statusA = Path.Combine(cluster.Directory, "trainer-a-slots.json");
        var trainer = await cluster.StartTrainerAsync("trainer-a", "--Nas:Silo:TrainerSlots=3", "--Nas:Silo:DrainGrace=00:00:00", "--Nas:Silo:SlotStatusFile=" + statusA);
        await cluster.SubmitAsync(study, budget, parallel: 3, durationMs: 1500, gatewayA);

        var controls = new List<(ChildProcess Silo, string Gateway, string Name)> { (a, gatewayA, "control-a"), (b, gatewayB, "control-b") };
        for (var turn = 0; turn < 2; turn++)
        {
            var (victim, _, name) = controls[0];
            var survivor = controls[1];
            await AssertLoopsMatchSchedulerAsync(cluster, survivor.Gateway, statusA, 3);
            victim.Kill();
            output.WriteLine($"SIGKILLed {name}");
            for (var i = 0; i < 10; i++)
            {
                var during = await ReadStatusAsync(statusA);
                Assert.Equal(during.Owned, during.RunningLoops);
                await Task.Delay(300);
            }

            await survivor.Silo.WaitForAnyOutputAsync(["Evicting '", "Status=Dead"], TimeSpan.FromSeconds(30));
            var restarted = await cluster.StartControlAsync(name);
            controls = [survivor, (restarted.Silo, restarted.Gateway, name)];
            await AssertLoopsMatchSchedulerAsync(cluster, survivor.Gateway, statusA, 3);
        }

        // A forced orphan: a loop started outside the slot host. The audit finds it and the counts disagree.
        var statusB = Path.Combine(cluster.Directory, "trainer-b-slots.json");
        var other = await cluster.StartTrainerAsync("trainer-b", "--Nas:Silo:TrainerSlots=1", "--Nas:Silo:DetachedSlotsForTesting=1", "--Nas:Silo:SlotStatusFile=" + statusB);
        await other.WaitForOutputAsync("Orphan trainer slot loop", TimeSpan.FromSeconds(30));
        var orphaned = await ReadStatusAsync(statusB);
        Assert.Equal(1, orphaned.Owned);
        Assert.Equal(2, orphaned.RunningLoops);
        Assert.Equal(1, orphaned.OrphansDetected);
        await WaitForSlotsOfSiloAsync(cluster, controls[0].Gateway, orphaned.Silo, 2);

        // SIGTERM drains every loop at once (grace 0): leases are handed back, never left to expire.
        await trainer.SignalAsync("TERM");
        Assert.NotNull(await trainer.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("Drained 3 trainer slot loops", trainer.Output, StringComparison.Ordinal);
        var summary = await cluster.WaitForStudyCompletedAsync(study, TimeSpan.FromSeconds(180));
        await cluster.AssertExactlyBudgetAsync(study, budget, summary);
        Assert.All(controls, c => Assert.DoesNotContain($"Lease of trial {study}/", c.Silo.Output, StringComparison.Ordinal));
    }

    private static async Task<IReadOnlyList<SchedulerSlot>> WaitForHeldAsync(FaultCluster cluster, string gateway, string study, int count, DateTimeOffset? after)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var slots = (await cluster.SlotsAsync(gateway)).Where(s => s.Trials.Any(t => t.StartsWith(study + "/", StringComparison.Ordinal))).ToList();
            if (slots.Sum(s => s.Trials.Count) == count && (after is null || slots.All(s => s.LastSeen > after)))
            {
                return slots;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the scheduler never showed {count} trials of {study} held{(after is null ? "" : $" with a heartbeat after {after:O}")}; last nas slots: {cluster.LastSlotsOutput}\n{cluster.Logs()}");
            await Task.Delay(250);
        }
    }

    private static async Task WaitForSlotsOfSiloAsync(FaultCluster cluster, string gateway, string silo, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((await cluster.SlotsAsync(gateway)).Count(s => s.Silo == silo) != count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the scheduler never saw {count} slots of {silo}:\n{cluster.Logs()}");
            await Task.Delay(250);
        }
    }

    // The trainer's running loops equal its owned slots, and the scheduler hears from exactly that many of its slots.
    private static async Task AssertLoopsMatchSchedulerAsync(FaultCluster cluster, string gateway, string statusFile, int slots)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var status = await ReadStatusAsync(statusFile);
            Assert.Equal(slots, status.Owned);
            Assert.Equal(status.Owned, status.RunningLoops);
            Assert.Equal(0, status.Orphans);
            var seen = (await cluster.SlotsAsync(gateway)).Count(s => s.Silo == status.Silo);
            Assert.True(seen <= status.RunningLoops, $"the scheduler sees {seen} slots of a silo running {status.RunningLoops} loops");
            if (seen == status.RunningLoops)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the scheduler saw {seen} of {status.RunningLoops} slots:\n{cluster.Logs()}");
            await Task.Delay(250);
        }
    }

    private static async Task<SlotStatus> ReadStatusAsync(string path)
    {
        // The silo writes the file when its slots start, which is a moment after it reports itself started.
        for (var i = 0; i < 100 && !File.Exists(path); i++)
        {
            await Task.Delay(100);
        }

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        var root = json.RootElement;
        return new SlotStatus(root.GetProperty("silo").GetString()!, root.GetProperty("owned").GetInt32(), root.GetProperty("running_loops").GetInt32(), root.GetProperty("orphans").GetInt32(), root.GetProperty("orphans_detected").GetInt32());
    }

    private sealed record SlotStatus(string Silo, int Owned, int RunningLoops, int Orphans, int OrphansDetected);
}
