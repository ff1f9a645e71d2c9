using NasOrleans.Client.Backends;
using System.CommandLine;
using System.Globalization;
using NasOrleans.Client.Output;
using NasOrleans.Hosting;

namespace NasOrleans.Client.Commands;

/// <summary>
/// <c>nas bench scale</c>: how the cost of persisting a strategy grows with the trials of one study. One synthetic
/// study of up to 100,000 trials drives a population grain running local search (whose state grows with every trial)
/// in an embedded silo; at 1k, 10k and 100k trials it prints the time and the bytes written per trial over the window
/// from half that count to it (a doubling window, so every window holds its share of geometric snapshots).
/// </summary>
internal static class ScaleBenchCommand
{
    public static Command Create(GlobalOptions global)
    {
        var trials = new Option<int>("--trials") { Description = "Trials to run (default 100000).", DefaultValueFactory = _ => 100_000 };
        var store = new Option<StoreKind>("--store") { Description = "sqlite (a temporary data directory), memory, postgres or azure.", DefaultValueFactory = _ => StoreKind.Sqlite };
        var batch = new Option<int>("--batch") { Description = "Trials per ProposeAsync and per ObserveAsync (default 8).", DefaultValueFactory = _ => 8 };
        var postgres = new Option<string?>("--postgres") { Description = ConnectionStringArgument.Describe("With --store postgres: the connection string (each run writes into a fresh schema bench_<id>).", ConnectionStringArgument.PostgresVariable) };
        var azure = BenchAzureStore.CreateOption();
        var command = new Command("scale", "Time and bytes written per trial at 1k, 10k and 100k trials of one study.") { trials, store, batch, postgres, azure };
        command.SetAction((result, ct) => CommandRunner.RunAsync(async () =>
        {
            var settings = global.Read(result);
            var count = result.GetValue(trials);
            var perCall = result.GetValue(batch);
            if (count is < 1 or > 1_000_000 || perCall is < 1 or > 4096)
            {
                throw new CliException("--trials must be between 1 and 1000000 and --batch between 1 and 4096.", ExitCodes.InvalidInput);
            }

            var kind = result.GetValue(store);
            var connection = ConnectionStringArgument.Resolve(result.GetValue(postgres), "--postgres", ConnectionStringArgument.PostgresVariable);
            if (kind == StoreKind.Postgres && string.IsNullOrWhiteSpace(connection))
            {
                throw new CliException("--store postgres needs a PostgreSQL connection string: --postgres @FILE (a file holding it, e.g. DIR/secrets/pg-connection that scripts/cluster/start-services.sh DIR writes) or the environment variable NAS_POSTGRES.", ExitCodes.InvalidInput);
            }

            var azureConnection = BenchAzureStore.Resolve(kind, result.GetValue(azure));
            var directory = Path.Combine(Path.GetTempPath(), $"nas-bench-scale-{Environment.ProcessId}-{Guid.NewGuid():N}");
            try
            {
                var points = await ScaleBenchRunner.RunAsync(count, perCall, kind, directory, connection, azureConnection, ct);
                Print(points, kind, settings.Json);
                return ExitCodes.Ok;
            }
            finally
            {
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }
            }
        }));
        return command;
    }

    private static void Print(IReadOnlyList<ScaleBenchPoint> points, StoreKind kind, bool json)
    {
        var first = points[0];
        var last = points[^1];
        var ratioTime = first.MsPerTrial > 0 ? last.MsPerTrial / first.MsPerTrial : double.NaN;
        var ratioBytes = first.BytesPerTrial > 0 ? last.BytesPerTrial / first.BytesPerTrial : double.NaN;
        if (json)
        {
            JsonOutput.Write(new
            {
                store = kind.ToString().ToLowerInvariant(),
                bytes_measured = "wchar of /proc/self/io (every byte the process wrote)",
                points = points.Select(p => new { trials = p.Trials, ms_per_trial = p.MsPerTrial, bytes_per_trial = p.BytesPerTrial, cpu_ms_per_trial = p.CpuMsPerTrial }),
                ratio_time = ratioTime,
                ratio_bytes = ratioBytes,
            });
            return;
        }

        Console.WriteLine($"Store {kind.ToString().ToLowerInvariant()}; bytes = wchar of /proc/self/io; window = trials (n/2, n].");
        Console.WriteLine("  trials   ms/trial   bytes/trial   cpu ms/trial");
        foreach (var p in points)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p.Trials,8} {p.MsPerTrial,10:0.000} {p.BytesPerTrial,13:0} {p.CpuMsPerTrial,14:0.000}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio {last.Trials}/{first.Trials}: time {ratioTime:0.00}, bytes {ratioBytes:0.00}"));
    }
}
