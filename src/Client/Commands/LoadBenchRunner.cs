using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using NasOrleans.Client.Embedded;
using NasOrleans.Core.Specs;
using NasOrleans.Core.Trainers;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Grains.Scheduling;
using NasOrleans.Hosting;

namespace NasOrleans.Client.Commands;

/// <summary>
/// Runs <c>nas bench load</c> on an embedded silo: submits all studies at once, samples the scheduler's leased
/// counts every <see cref="SampleInterval"/> until every study has ended, and checks each ended Completed with all its trials.
/// </summary>
internal static class LoadBenchRunner
{
    /// <summary>How often the studies' status and the scheduler's leased counts are read.</summary>
    public static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(50);

    private static readonly string[] Digits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    public static async Task<LoadBenchResult> RunAsync(LoadBenchSettings settings, string directory, CancellationToken cancellationToken)
    {
        var options = BenchAzureStore.Apply(new NasSiloOptions
        {
            PostgresConnectionString = settings.Postgres,
            PostgresSchema = settings.Store == StoreKind.Postgres ? $"bench_{Guid.NewGuid():N}" : "public",
            Store = settings.Store,
            DataDirectory = directory,
            TrainerSlots = settings.Slots,
            // The silo's own poll intervals (5 ms doubling to 250 ms): a thousand idle slots polling every 10 ms would
            // measure their own polling, not the control plane.
            LeasesPerPull = 1,
        }, settings.Azure);
        await using var silo = await EmbeddedSilo.StartAsync(options, LogLevel.Error, cancellationToken);
        var specs = Enumerable.Range(0, settings.Studies).Select(i => Spec(settings, i)).ToList();
        var studies = specs.Select(s => silo.Grains.GetGrain<IStudyGrain>(s.Name)).ToList();
        var shards = await silo.Grains.GetGrain<IStudyCatalogGrain>(0).GetSchedulerShardsAsync();

        var started = Stopwatch.GetTimestamp();
        var submitted = await Task.WhenAll(studies.Select((study, i) => study.SubmitAsync(StudySpecJson.Serialize(specs[i]))));
        var refused = submitted.Select((r, i) => (r, i)).FirstOrDefault(x => !x.r.Accepted);
        if (refused.r is not null)
        {
            throw new CliException($"The benchmark's study {specs[refused.i].Name} was refused: {string.Join("; ", refused.r.Errors)}", ExitCodes.Error);
        }

        var ended = new long?[studies.Count];
        var finals = new StudySummary?[studies.Count];
        var maxInFlight = 0;
        while (ended.Any(e => e is null))
        {
            var running = Enumerable.Range(0, studies.Count).Where(i => ended[i] is null).ToList();
            var counts = Task.WhenAll(running.Select(i => SchedulerShards.For(silo.Grains, specs[i].Name, shards).GetCountsAsync(specs[i].Name)));
            var statuses = await Task.WhenAll(running.Select(i => studies[i].GetStatusAsync()));
            var now = Stopwatch.GetTimestamp();
            maxInFlight = Math.Max(maxInFlight, (await counts).Sum(c => c.Leased));
            for (var k = 0; k < running.Count; k++)
            {
                if (statuses[k].Status != StudyStatus.Running)
                {
                    ended[running[k]] = now;
                    finals[running[k]] = statuses[k];
                }
            }

            if (ended.Any(e => e is null))
            {
                await Task.Delay(SampleInterval, cancellationToken);
            }
        }

        var wall = Stopwatch.GetElapsedTime(started, ended.Max(e => e!.Value)).TotalSeconds;
        CheckFinished(settings, specs, finals);
        return new LoadBenchResult(wall, maxInFlight);
    }

    private static void CheckFinished(LoadBenchSettings settings, IReadOnlyList<StudySpec> specs, IReadOnlyList<StudySummary?> finals)
    {
        var wrong = finals.Select((f, i) => (f: f!, name: specs[i].Name))
            .Where(x => x.f.Status != StudyStatus.Completed || x.f.Completed != settings.Trials)
            .ToList();
        if (wrong.Count > 0)
        {
            var first = wrong[0];
            var detail = string.Create(CultureInfo.InvariantCulture, $"{first.name} ended {first.f.Status} with {first.f.Completed} completed and {first.f.Failed} failed trials{(first.f.Message is null ? "" : ": " + first.f.Message)}");
            throw new CliException(
                $"{wrong.Count} of {finals.Count} studies did not end Completed with {settings.Trials} completed trials ({detail}); the figures prove nothing.",
                ExitCodes.StudyNotCompleted);
        }
    }

    private static StudySpec Spec(LoadBenchSettings settings, int index)
    {
        var builder = new StudySpecBuilder(string.Create(CultureInfo.InvariantCulture, $"load-{index:D4}")).Maximize("validation_accuracy");
        foreach (var name in new[] { "a", "b", "c", "d", "e", "f", "g", "h" })
        {
            builder.AddCategorical(name, Digits);
        }

        return builder
            .WithAlgorithm("random", seed: (ulong)index + 1)
            .WithTrainer(SyntheticTrainer.KindName, ("duration_ms", settings.DurationMs.ToString(CultureInfo.InvariantCulture)))
            .WithBudget(settings.Trials, parallel: settings.Parallel)
            .Build();
    }
}
