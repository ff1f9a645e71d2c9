using System.Diagnostics;
using NasOrleans.Client.Backends;
using NasOrleans.Core.Specs;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Storage.Postgres;

namespace NasOrleans.Client.Chaos;

/// <summary>Runs studies on a <see cref="LocalCluster"/> while killing random silos, and counts what was lost or recorded twice.</summary>
internal sealed class ChaosRunner(LocalCluster cluster, GrainStudyClient client, TextWriter log)
{
    private readonly PostgresTrialStore _store = new(new PostgresStorageOptions { ConnectionString = cluster.PostgresConnection });

    /// <summary>One run: a study of <paramref name="trials"/> trials, one silo SIGKILLed after a third of them and restarted.</summary>
    public async Task<ChaosRunResult> RunAsync(int run, int trials, CancellationToken cancellationToken)
    {
        var name = $"chaos-{run}";
        var spec = new StudySpecBuilder(name)
            .Maximize("validation_accuracy")
            .AddInteger("x", 0, 99_999)
            .AddInteger("y", 0, 99)
            .WithAlgorithm("random", seed: (ulong)run)
            .WithTrainer("synthetic", ("duration_ms", "300"))
            .WithBudget(trials, parallel: cluster.Trainers)
            .Build();
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

        var victim = cluster.SiloNames[Random.Shared.Next(cluster.SiloNames.Count)];
        var killedAt = DateTimeOffset.UtcNow;
        cluster.Kill(victim);
        await log.WriteLineAsync($"run {run}: killed {victim} after {await CompletedAsync(name, null, timeout.Token)} trials; restarting it");
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

        // Trial rows are upserted by id, so they cannot show a double recording; the append-only completion log can.
        var recordedTwice = (await _store.GetRecordedTwiceAsync(name, timeout.Token)).Count;
        return new ChaosRunResult(run, victim, final.Status, Math.Max(0, trials - completed), recordedTwice, rows.Count(t => t.Status is TrialStatus.Pending or TrialStatus.Running), recovery ?? watch.Elapsed.TotalSeconds);
    }

    private async Task<int> CompletedAsync(string study, DateTimeOffset? after, CancellationToken cancellationToken)
    {
        var rows = await _store.GetTrialsAsync(study, new TrialQuery(0, 100_000, TrialStatus.Completed), cancellationToken);
        return rows.Count(t => t.SourceTrialId is null && (after is null || t.FinishedAt > after));
    }
}
