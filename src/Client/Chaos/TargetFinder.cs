using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Storage.Postgres;
using Orleans.Runtime;

namespace NasOrleans.Client.Chaos;

/// <summary>Waits until trials of a study are training and picks the silo to kill then (see <see cref="KillTarget"/>).</summary>
internal sealed class TargetFinder(LocalCluster cluster, IGrainFactory grains, PostgresTrialStore store)
{
    /// <summary>
    /// Polls the scheduler's slot view and the store until a trial of <paramref name="studyId"/> is leased and Running
    /// (for a trainer victim: leased on a trainer silo), then picks the victim: control silo
    /// <paramref name="controlIndex"/> modulo the control count, or a random trainer silo holding a lease of the study.
    /// The first sighting is followed by <paramref name="settle"/> and a fresh look, so that the kill lands inside a
    /// training rather than at its start.
    /// </summary>
    public async Task<KillTarget> AwaitAsync(string studyId, ChaosVictimRole role, int controlIndex, TimeSpan settle, CancellationToken cancellationToken)
    {
        var settled = false;
        while (true)
        {
            IReadOnlyDictionary<string, string> leased;
            try
            {
                leased = await LeaseView.LeasedAsync(grains, cluster, studyId, cancellationToken);
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException)
            {
                // A silo of the last run may still be rejoining: look again.
                await Task.Delay(100, cancellationToken);
                continue;
            }

            var rows = await store.GetAllTrialsAsync(studyId, cancellationToken);
            var running = rows.Where(t => t.Status == TrialStatus.Running && t.Attempt >= 1 && t.SourceTrialId is null).ToDictionary(ChaosRunner.Key, t => t.Attempt, StringComparer.Ordinal);
            var training = leased.Where(l => running.ContainsKey(l.Key)).ToList();
            var trainers = training.Select(t => t.Value).Where(s => s.StartsWith("trainer-", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal).ToList();
            if (!settled && (role == ChaosVictimRole.Control ? training.Count : trainers.Count) > 0)
            {
                settled = true;
                await Task.Delay(settle, cancellationToken);
                continue;
            }

            if (role == ChaosVictimRole.Control && training.Count > 0)
            {
                var victim = $"control-{controlIndex % cluster.Controls}";
                return new KillTarget(victim, role, training.ToDictionary(t => t.Key, t => running[t.Key], StringComparer.Ordinal), [.. training.Select(t => t.Key)]);
            }

            if (role == ChaosVictimRole.Trainer && trainers.Count > 0)
            {
                var victim = trainers[Random.Shared.Next(trainers.Count)];
                return new KillTarget(victim, role, training.Where(t => t.Value == victim).ToDictionary(t => t.Key, t => running[t.Key], StringComparer.Ordinal), [.. training.Select(t => t.Key)]);
            }

            if (rows.Count > 0 && rows.All(t => t.FinishedAt is not null) && await store.GetStudyAsync(studyId, cancellationToken) is { Status: not StudyStatus.Running })
            {
                throw new CliException($"study {studyId} ended before a kill could land mid-training; use more --trials or a longer --trial-ms.");
            }

            await Task.Delay(50, cancellationToken);
        }
    }
}
