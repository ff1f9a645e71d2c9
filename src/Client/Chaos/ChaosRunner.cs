using System.Diagnostics;
using NasOrleans.Client.Backends;
using NasOrleans.Core.Specs;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Storage.Postgres;

namespace NasOrleans.Client.Chaos;

/// <summary>
/// Runs studies on a <see cref="LocalCluster"/>, killing one silo per run while trials of the study train (odd runs a
/// control silo, even runs a trainer silo holding a lease of the study), and counts what was lost, recorded twice or
/// trained again.
/// </summary>
internal sealed class ChaosRunner(LocalCluster cluster, GrainStudyClient client, TextWriter log, int trialMilliseconds)
{
    private readonly PostgresTrialStore _store = new(new PostgresStorageOptions { ConnectionString = cluster.PostgresConnection });

    /// <summary>
    /// One run: a study of <paramref name="trials"/> trials; once a third completed and a trial is training, one silo
    /// is SIGKILLed and restarted; the run ends when the study does.
    /// </summary>
    public async Task<ChaosRunResult> RunAsync(int run, int trials, CancellationToken cancellationToken)
    {
        var name = $"chaos-{run}";
        var spec = new StudySpecBuilder(name)
            .Maximize("validation_accuracy")
            .AddInteger("x", 0, 99_999)
            .AddInteger("y", 0, 99)
            .WithAlgorithm("random", seed: (ulong)run)
            .WithTrainer("synthetic", ("duration_ms", trialMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .WithBudget(trials, parallel: cluster.Trainers)
            .Build();
        var started = Stopwatch.StartNew();
        var submitted = await client.SubmitAsync(StudySpecJson.Serialize(spec), cancellationToken);
        if (!submitted.Accepted)
        {
            throw new CliException($"chaos study refused: {string.Join("; ", submitted.Errors)}");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(4));
        while (await CompletedAsync(name, null, timeout.Token) < trials / 3)
        {
            await Task.Delay(100, timeout.Token);
        }

        var role = run % 2 == 1 ? ChaosVictimRole.Control : ChaosVictimRole.Trainer;
        var target = await new TargetFinder(cluster, client.Grains, _store).AwaitAsync(
            name, role, (run - 1) / 2, TimeSpan.FromMilliseconds(Random.Shared.Next(trialMilliseconds / 4, (trialMilliseconds / 2) + 1)), timeout.Token);
        var killedAt = DateTimeOffset.UtcNow;
        var atSeconds = started.Elapsed.TotalSeconds;
        cluster.Kill(target.Victim);

        // The slot view lags a close by a moment: keep only the trials the store shows unfinished at the kill.
        var unfinished = (await _store.GetAllTrialsAsync(name, timeout.Token)).Where(t => t.FinishedAt is null || t.FinishedAt > killedAt).Select(Key).ToHashSet(StringComparer.Ordinal);
        var atKill = target.AttemptsAtKill.Where(t => unfinished.Contains(t.Key)).ToDictionary(StringComparer.Ordinal);
        var inFlight = target.TrainingAnywhere.Any(unfinished.Contains);
        await log.WriteLineAsync(FormattableString.Invariant(
            $"run {run}: killed {target.Victim} ({(role == ChaosVictimRole.Control ? "control" : "trainer")} silo) at {atSeconds:0.0} s with {atKill.Count} trial(s) of its concern training [{string.Join(' ', atKill.Keys.Order(StringComparer.Ordinal))}]; restarting it"));
        var restart = cluster.StartMissingSilosAsync(timeout.Token);
        var watch = Stopwatch.StartNew();
        double? recovery = null;
        while (true)
        {
            if (recovery is null && await CompletedAsync(name, killedAt, timeout.Token) > 0)
            {
                recovery = watch.Elapsed.TotalSeconds;
            }

            var summary = await _store.GetStudyAsync(name, timeout.Token);
            if (summary is { Status: not StudyStatus.Running })
            {
                break;
            }

            await Task.Delay(100, timeout.Token);
        }

        await restart;
        var rows = await _store.GetAllTrialsAsync(name, timeout.Token);
        var trained = rows.Where(t => t.SourceTrialId is null).ToList();
        var completed = trained.Count(t => t.Status == TrialStatus.Completed);
        var final = (await _store.GetStudyAsync(name, timeout.Token))!;
        var finalAttempts = rows.ToDictionary(Key, t => t.Attempt, StringComparer.Ordinal);
        var kill = new ChaosKill(run, target.Victim, target.Role, [.. atKill.Keys.Order(StringComparer.Ordinal)], inFlight, KillOutcome.TrainingsLost(atKill, finalAttempts), atSeconds);

        // Trial rows are upserted by id, so they cannot show a double recording; the append-only completion log can.
        var recordedTwice = (await _store.GetRecordedTwiceAsync(name, timeout.Token)).Count;
        return new ChaosRunResult(run, [kill], final.Status, Math.Max(0, trials - completed), recordedTwice, rows.Count(t => t.Status is TrialStatus.Pending or TrialStatus.Running), recovery ?? watch.Elapsed.TotalSeconds);
    }

    /// <summary>A trial's key as the slot view spells it: <c>study/trial</c>.</summary>
    internal static string Key(TrialRecord trial) => FormattableString.Invariant($"{trial.StudyId}/{trial.TrialId}");

    private async Task<int> CompletedAsync(string study, DateTimeOffset? after, CancellationToken cancellationToken)
    {
        var rows = await _store.GetTrialsAsync(study, new TrialQuery(0, 100_000, TrialStatus.Completed), cancellationToken);
        return rows.Count(t => t.SourceTrialId is null && (after is null || t.FinishedAt > after));
    }
}
