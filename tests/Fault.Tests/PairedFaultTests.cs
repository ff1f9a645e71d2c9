using System.Globalization;
using System.Text.Json;
using NasOrleans.Grains.Interfaces.Messages;
using Xunit.Abstractions;

namespace NasOrleans.Fault.Tests;

/// <summary>
/// A PAIRED study on real silo processes: the trainer running a round is SIGKILLed mid-rollout, then the control silo
/// hosting the study and the three agent grains is SIGKILLed mid-round; the study finishes every round, and each agent
/// applied exactly one update per round: its update count equals the rollouts it received less the repeated ones, none stale.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class PairedFaultTests(ServersFixture servers, ITestOutputHelper output)
{
    private const int Rounds = 10;
    private static readonly string[] Roles = ["adversary", "protagonist", "antagonist"];

    [Fact]
    public async Task SigkillTrainerAndAgentHost_MidRound_EveryAgentUpdatedOncePerRound()
    {
        const string study = "paired-kill";
        await using var cluster = new FaultCluster(servers, output, "paired-kill", "--Nas:Scheduler:LeaseTimeout=00:00:08", "--Nas:Silo:HeartbeatInterval=00:00:01");
        var (hostA, gatewayA) = await cluster.StartControlAsync("control-a");
        var trainerA = await cluster.StartTrainerAsync("trainer-a", "--Nas:Silo:TrainerSlots=1");
        await cluster.SubmitSpecAsync(study, $$"""
            name: {{study}}
            objective: { metric: heldout_solved_rate }
            space: { kind: gridworld, parameters: { size: mini, walls: 7 } }
            algorithm: { name: paired, seed: 3, parameters: { envs: 16, rollout_steps: 400, epochs: 2, hidden: 32, eval_every: 5, eval_episodes: 10 } }
            trainer: { kind: paired, parameters: { threads: 1 } }
            budget: { max_trials: {{Rounds}} }
            """, gatewayA);
        // The study and its agents activate on control-a, the only control silo at submit; B is where they go next.
        var (_, gatewayB) = await cluster.StartControlAsync("control-b");
        await cluster.WaitForCompletedAsync(study, 2, TimeSpan.FromMinutes(2));

        var trainerRound = await KillMidRoundAsync(cluster, study, () => trainerA.Kill(), "trainer-a");
        await cluster.StartTrainerAsync("trainer-b", "--Nas:Silo:TrainerSlots=1");
        await cluster.WaitForCompletedAsync(study, (int)trainerRound.Round + 1, TimeSpan.FromMinutes(2));
        var controlRound = await KillMidRoundAsync(cluster, study, () => hostA.Kill(), "control-a");

        var summary = await cluster.WaitForStudyCompletedAsync(study, TimeSpan.FromMinutes(3));

        var trials = (await cluster.Store.GetAllTrialsAsync(study)).OrderBy(t => t.TrialId).ToList();
        Assert.Equal(StudyStatus.Completed, summary.Status);
        Assert.Equal(Enumerable.Range(1, Rounds).Select(r => (long)r), trials.Select(t => t.TrialId));
        Assert.All(trials, t => Assert.Equal(TrialStatus.Completed, t.Status));
        // Both kills landed while their round ran: it finished after the kill, the trainer's round on a second lease
        // (and, below, with none of its updates applied before the kill).
        var killedOnTrainer = trials.Single(t => t.TrialId == trainerRound.Round);
        Assert.True(killedOnTrainer.FinishedAt > trainerRound.KilledAt, $"round {trainerRound.Round} finished before trainer-a was killed");
        Assert.Equal(2, killedOnTrainer.Attempt);
        Assert.True(trials.Single(t => t.TrialId == controlRound.Round).FinishedAt > controlRound.KilledAt, $"round {controlRound.Round} finished before control-a was killed");
        // Each round saw every agent one update further: nothing lost, nothing applied twice.
        foreach (var role in Roles)
        {
            Assert.Equal(trials.Select(t => (double)t.TrialId), trials.Select(t => t.Metrics[$"{role}_updates"]));
        }

        var agents = await AgentsAsync(cluster, study, gatewayB);
        foreach (var role in Roles)
        {
            var agent = agents.GetProperty(role);
            var (updates, received, duplicates, stale) = (Int(agent, "updates"), Int(agent, "rollouts_received"), Int(agent, "duplicates"), Int(agent, "stale"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{role}: updates {updates}, rollouts received {received}, repeated {duplicates}, stale {stale}"));
            Assert.Equal(Rounds, updates);
            Assert.Equal(updates, received - duplicates);
            Assert.Equal(0, stale);
            // The trainer died before any update of its round was applied (mid-rollout or mid-PPO): a kill after one
            // would show here as a repeated round.
            Assert.Equal(0, duplicates);
            Assert.Equal(Rounds, Int(agent, "last_round"));
        }
    }

    /// <summary>Waits for a round that has run for a second and still runs, kills, and returns the round and when.</summary>
    private async Task<(long Round, DateTimeOffset KilledAt)> KillMidRoundAsync(FaultCluster cluster, string study, Action kill, string name)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            Assert.True(DateTime.UtcNow < deadline, $"no round of {study} ran for a second within 2 minutes.\n{cluster.Logs()}");
            var running = (await cluster.Store.GetAllTrialsAsync(study)).SingleOrDefault(t => t.Status == TrialStatus.Running);
            if (running is null || running.TrialId >= Rounds)
            {
                await Task.Delay(100);
                continue;
            }

            await Task.Delay(1000);
            if ((await cluster.Store.GetAllTrialsAsync(study)).Single(t => t.TrialId == running.TrialId).Status != TrialStatus.Running)
            {
                continue;
            }

            kill();
            var at = DateTimeOffset.UtcNow;
            output.WriteLine($"SIGKILLed {name} during round {running.TrialId}");
            return (running.TrialId, at);
        }
    }

    private static async Task<JsonElement> AgentsAsync(FaultCluster cluster, string study, string gateway)
    {
        var (code, shown) = await cluster.ShowAsync(study, gateway);
        Assert.True(code == 0, $"{shown}\n{cluster.Logs()}");
        using var document = JsonDocument.Parse(shown[shown.IndexOf('{', StringComparison.Ordinal)..]);
        return document.RootElement.GetProperty("agents").Clone();
    }

    private static int Int(JsonElement e, string name) => e.GetProperty(name).GetInt32();
}
