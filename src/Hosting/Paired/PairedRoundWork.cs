using System.Globalization;
using Microsoft.Extensions.Logging;
using NasOrleans.Core.Paired;
using NasOrleans.Core.Specs;
using NasOrleans.Core.Strategies;
using NasOrleans.Core.Trainers;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Grains.Training;
using NasOrleans.Storage;
using NasOrleans.Training.Paired;

namespace NasOrleans.Hosting.Paired;

/// <summary>
/// Runs one round of a <c>paired</c>, <c>minimax</c> or <c>domain-randomization</c> study on a trainer slot
/// (<see cref="WorkKinds.PairedRound"/>): reads each agent's state for the round from its grain, plays the round
/// (<see cref="PairedRound"/>), and hands each agent its update, which the grain applies once. Weights go to and from
/// the grains only as packages; a trainer lost mid-round costs that round's rollouts, which the next trainer repeats.
/// </summary>
public sealed partial class PairedRoundWork(IGrainFactory grains, IArtifactStore artifacts, TrainerCatalog catalog, ILogger<PairedRoundWork> logger, TimeProvider time) : ISlotWork
{
    /// <inheritdoc />
    public string Kind => WorkKinds.PairedRound;

    /// <inheritdoc />
    public async Task<TrialOutcome> RunAsync(TrialLease lease, SlotInfo slot, ITrainingProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(slot);
        var spec = StudySpecParser.ParseJson(lease.SpecJson, catalog);
        var (size, walls) = PairedSpace.Resolve(spec.Space);
        var options = PairedOptions.From(new ResolvedParameters(PairedOptions.Parameters, spec.Algorithm.Parameters));
        var trainer = new ResolvedParameters(PairedTrainer.Parameters, spec.Trainer.Parameters);
        var device = trainer.GetString("device") is "auto" ? slot.Device : trainer.GetString("device");
        var threads = trainer.GetInt("threads") is > 0 and var t ? t : slot.Threads;
        var method = PairedAlgorithms.MethodOf(spec.Algorithm.Name);
        var settings = new PairedRoundSettings(method, size, walls, options, spec.Algorithm.Seed, device);
        if (settings.Problem() is { } problem)
        {
            return TrialOutcome.Failure(problem);
        }

        var round = lease.Task.TrialId;
        var roles = PairedRoles.Of(spec.Algorithm.Name);
        var agentGrains = roles.ToDictionary(r => r, r => grains.GetGrain<IPairedAgentGrain>(PairedRoles.Key(lease.Task.StudyId, r)), StringComparer.Ordinal);
        var snapshots = new Dictionary<string, PairedAgentSnapshot>(StringComparer.Ordinal);
        foreach (var role in roles)
        {
            snapshots[role] = await Call(() => agentGrains[role].GetForRoundAsync(round, cancellationToken), role, round, cancellationToken).ConfigureAwait(false);
        }

        var evaluate = round % options.EvalEvery == 0 || round >= spec.Budget.MaxTrials;
        var (result, packages) = await Task.Run(
            () =>
            {
                if (threads > 0)
                {
                    TorchSharp.torch.set_num_threads(threads);
                }

                using var agents = PairedAgents.Create(settings, State(snapshots, PairedRoles.Adversary), State(snapshots, PairedRoles.Protagonist), State(snapshots, PairedRoles.Antagonist));
                var played = PairedRound.Run(settings, agents, round, evaluate, cancellationToken);
                var saved = new Dictionary<string, byte[]>(StringComparer.Ordinal) { [PairedRoles.Protagonist] = agents.Protagonist.Save() };
                if (agents.Adversary is { } a)
                {
                    saved[PairedRoles.Adversary] = a.Save();
                }

                if (agents.Antagonist is { } n)
                {
                    saved[PairedRoles.Antagonist] = n.Save();
                }

                return (played, saved);
            },
            cancellationToken).ConfigureAwait(false);

        var metrics = new Dictionary<string, double>(result.Metrics, StringComparer.Ordinal);
        if (evaluate)
        {
            var package = new ProtagonistPackage(size, settings.StudentSteps, options.Hidden, spec.Algorithm.Name, round, packages[PairedRoles.Protagonist]);
            var meta = new Dictionary<string, string>(StringComparer.Ordinal) { ["round"] = round.ToString(CultureInfo.InvariantCulture) };
            await artifacts.PutArtifactAsync(lease.Task.StudyId, PairedAlgorithms.ProtagonistArtifact, package.ToBytes(), meta, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var stale = new List<string>();
        foreach (var role in roles)
        {
            var stats = result.Stats[role];
            var steps = role == PairedRoles.Adversary ? (long)options.Envs * (walls + 2) : (long)options.Envs * options.RolloutSteps;
            var update = new PairedAgentUpdate(round, snapshots[role].Updates, packages[role], options.Envs, steps, stats.MeanReturn);
            var applied = await Call(() => agentGrains[role].ApplyAsync(update, cancellationToken), role, round, cancellationToken).ConfigureAwait(false);
            metrics[$"{role}_updates"] = applied == PairedUpdateResult.Stale ? snapshots[role].Updates : snapshots[role].Updates + 1;
            if (applied == PairedUpdateResult.Stale)
            {
                stale.Add(role);
            }
        }

        await progress.ReportAsync(1, metrics, cancellationToken).ConfigureAwait(false);
        return stale.Count == 0
            ? TrialOutcome.Success(metrics)
            : TrialOutcome.Failure($"round {round}: the {string.Join(", ", stale)} agent had moved on from the state this round started from (another trainer ran the round too); its update was not applied", metrics);
    }

    private Task<T> Call<T>(Func<Task<T>> call, string role, long round, CancellationToken cancellationToken) =>
        AgentCallRetry.RunAsync(call, (ex, attempt) => LogRetry(logger, ex, role, round, attempt), time, cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calling the {Role} agent in round {Round} failed (attempt {Attempt}); its silo may be dying: retrying")]
    private static partial void LogRetry(ILogger logger, Exception exception, string role, long round, int attempt);

    private static byte[]? State(Dictionary<string, PairedAgentSnapshot> snapshots, string role) =>
        snapshots.TryGetValue(role, out var s) ? s.State : null;
}
