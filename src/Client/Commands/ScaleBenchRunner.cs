using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using NasOrleans.Client.Embedded;
using NasOrleans.Core.Specs;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Hosting;

namespace NasOrleans.Client.Commands;

/// <summary>Runs the study of <c>nas bench scale</c> against a population grain and measures its windows.</summary>
internal static class ScaleBenchRunner
{
    private static readonly int[] Checkpoints = [1_000, 10_000, 100_000, 1_000_000];

    public static async Task<IReadOnlyList<ScaleBenchPoint>> RunAsync(int count, int batch, StoreKind kind, string directory, string? postgres, string? azure, CancellationToken cancellationToken)
    {
        var options = BenchAzureStore.Apply(
            new NasSiloOptions
            {
                PostgresConnectionString = postgres,
                PostgresSchema = kind == StoreKind.Postgres ? $"bench_{Guid.NewGuid():N}" : "public",
                Store = kind,
                DataDirectory = directory,
                TrainerSlots = 1,
            },
            azure);
        await using var silo = await EmbeddedSilo.StartAsync(options, LogLevel.Error, cancellationToken);
        var spec = new StudySpecBuilder("scale")
            .Maximize("validation_accuracy")
            .WithEightDigits()
            .WithAlgorithm("local-search", seed: 1)
            .WithTrainer("synthetic")
            .WithBudget(count, parallel: batch)
            .Build();
        var grain = silo.Grains.GetGrain<IPopulationGrain>($"scale-{Guid.NewGuid():N}");
        await grain.InitializeAsync(StudySpecJson.Serialize(spec));

        var ends = Checkpoints.Where(c => c < count).Append(count).Distinct().ToArray();
        var points = new List<ScaleBenchPoint>();
        long next = 1;
        foreach (var end in ends)
        {
            next = await RunUntilAsync(grain, next, end / 2, batch, cancellationToken);
            var bytes = WrittenBytes();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var started = Stopwatch.GetTimestamp();
            var first = next;
            next = await RunUntilAsync(grain, next, end, batch, cancellationToken);
            var trials = next - first;
            points.Add(new ScaleBenchPoint(
                end,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds / Math.Max(1, trials),
                (WrittenBytes() - bytes) / (double)Math.Max(1, trials),
                (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / Math.Max(1, trials)));
        }

        return points;
    }

    // Trials next .. last (inclusive), batch at a time: propose, then observe them with a synthetic score. Returns last + 1.
    private static async Task<long> RunUntilAsync(IPopulationGrain grain, long next, long last, int batch, CancellationToken cancellationToken)
    {
        while (next <= last)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var size = (int)Math.Min(batch, last - next + 1);
            var proposals = await grain.ProposeAsync(next, size);
            await grain.ObserveAsync([.. proposals.Select(p => new Observation(p.TrialId, p.ArchitectureKey, Score(p.ArchitectureKey)))]);
            next += size;
        }

        return next;
    }

    // A fixed pseudo-random landscape: FNV-1a of the key, scaled to [0, 100).
    private static double Score(string key)
    {
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash % 10_000 / 100.0;
    }

    private static long WrittenBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/io"))
        {
            if (line.StartsWith("wchar:", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(6).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);
            }
        }

        throw new CliException("/proc/self/io has no wchar line; the scale benchmark needs Linux.");
    }
}
