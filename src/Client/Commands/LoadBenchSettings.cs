using System.Globalization;
using NasOrleans.Hosting;
using static NasOrleans.Client.Commands.BenchChecks;

namespace NasOrleans.Client.Commands;

/// <summary>What <c>nas bench load</c> runs: S studies of N trials of SEC seconds each on K trainer slots, and where they are stored.</summary>
internal sealed record LoadBenchSettings(int Studies, int Trials, int Slots, double DurationSeconds, StoreKind Store, string? Postgres)
{
    /// <summary>With <see cref="StoreKind.Azure"/>: the storage account's connection string (resolved from --azure, @FILE or NAS_AZURE).</summary>
    public string? Azure { get; init; }

    /// <summary>The trial duration given to the synthetic trainer, in whole milliseconds.</summary>
    public int DurationMs => (int)Math.Round(DurationSeconds * 1000, MidpointRounding.AwayFromZero);

    /// <summary>Parallel trials per study: all slots if the study has that many trials.</summary>
    public int Parallel => Math.Min(Trials, Slots);

    /// <summary>The time K perfectly packed slots need: ceil(S*N / K) rounds of SEC seconds.</summary>
    public double IdealSeconds => Math.Ceiling((double)((long)Studies * Trials) / Slots) * (DurationMs / 1000.0);

    /// <summary>Refuses values outside the benchmark's limits, naming the option and the fix, before any work starts.</summary>
    public void Validate()
    {
        Check(Studies is >= 1 and <= 1000, $"--studies must be between 1 and 1000 (got {Studies}).");
        Check(Trials is >= 1 and <= 100_000, $"--trials must be between 1 and 100000 (got {Trials}).");
        Check(Slots is >= 1 and <= 1024, $"--slots must be between 1 and 1024 (got {Slots}); one silo has at most 1024 trainer slots.");
        var seconds = DurationSeconds.ToString("R", CultureInfo.InvariantCulture);
        Check(DurationSeconds is > 0 and <= 3600, $"--duration must be more than 0 and at most 3600 seconds (got {seconds}).");
        Check(DurationMs >= 1, $"--duration must be at least 0.001 seconds, the trainer's resolution (got {seconds}).");
        Check(
            Store != StoreKind.Postgres || !string.IsNullOrWhiteSpace(Postgres),
            "--store postgres needs a PostgreSQL connection string: --postgres @FILE (a file holding it, e.g. DIR/secrets/pg-connection that scripts/cluster/start-services.sh DIR writes) or the environment variable NAS_POSTGRES.");
        Check(
            Store != StoreKind.Azure || !string.IsNullOrWhiteSpace(Azure),
            "--store azure needs a connection string: set NAS_AZURE, or pass --azure @FILE with a file that holds it.");
    }
}
