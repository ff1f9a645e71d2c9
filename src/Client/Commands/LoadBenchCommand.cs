using NasOrleans.Client.Backends;
using System.CommandLine;
using System.Globalization;
using NasOrleans.Client.Output;
using NasOrleans.Hosting;

namespace NasOrleans.Client.Commands;

/// <summary>
/// <c>nas bench load</c>: how close S studies of N fixed-length synthetic trials come to K perfectly packed trainer
/// slots, through the whole grain path in this process (the control plane's overhead under load).
/// </summary>
internal static class LoadBenchCommand
{
    private const string Description =
        "How close S studies of N synthetic trials of SEC seconds come to K perfectly packed trainer slots, in this process. "
        + "wall_s: first submit to the last study seen ended; ideal_s: ceil(S*N/K)*SEC; overhead_pct: 100*(wall_s-ideal_s)/ideal_s; "
        + "max_in_flight: the most trials training at once, the scheduler's leased counts summed over the studies, sampled with 50 ms between samples (status is read at the same samples).";

    public static Command Create(GlobalOptions global)
    {
        var studies = new Option<int>("--studies") { Description = "Studies submitted at once, 1..1000 (default 1).", DefaultValueFactory = _ => 1 };
        var trials = new Option<int>("--trials") { Description = "Trials per study, 1..100000 (default 100).", DefaultValueFactory = _ => 100 };
        var slots = new Option<int>("--slots") { Description = "Trainer slots, 1..1024 (default 4); each study may use them all.", DefaultValueFactory = _ => 4 };
        var duration = new Option<double>("--duration") { Description = "Seconds each trial takes, more than 0 and at most 3600 (default 1).", DefaultValueFactory = _ => 1 };
        var store = new Option<StoreKind>("--store") { Description = "sqlite (default; a temporary data directory), memory, postgres or azure.", DefaultValueFactory = _ => StoreKind.Sqlite };
        var postgres = new Option<string?>("--postgres") { Description = ConnectionStringArgument.Describe("With --store postgres: the connection string (each run writes into a fresh schema bench_<id>).", ConnectionStringArgument.PostgresVariable) };
        var azure = BenchAzureStore.CreateOption();
        var command = new Command("load", Description) { studies, trials, slots, duration, store, postgres, azure };
        command.SetAction((result, ct) => CommandRunner.RunAsync(async () =>
        {
            var json = global.Read(result).Json;
            var settings = new LoadBenchSettings(
                result.GetValue(studies), result.GetValue(trials), result.GetValue(slots), result.GetValue(duration), result.GetValue(store), ConnectionStringArgument.Resolve(result.GetValue(postgres), "--postgres", ConnectionStringArgument.PostgresVariable))
            {
                Azure = BenchAzureStore.Resolve(result.GetValue(store), result.GetValue(azure)),
            };
            settings.Validate();
            var directory = Path.Combine(Path.GetTempPath(), $"nas-bench-load-{Environment.ProcessId}-{Guid.NewGuid():N}");
            try
            {
                var measured = await LoadBenchRunner.RunAsync(settings, directory, ct);
                Print(settings, measured, json);
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

    private static void Print(LoadBenchSettings settings, LoadBenchResult measured, bool json)
    {
        var ideal = settings.IdealSeconds;
        var overhead = 100 * (measured.WallSeconds - ideal) / ideal;
        var storeName = settings.Store.ToString().ToLowerInvariant();
        if (json)
        {
            JsonOutput.Write(new
            {
                wall_s = Math.Round(measured.WallSeconds, 3),
                ideal_s = Math.Round(ideal, 3),
                overhead_pct = Math.Round(overhead, 2),
                max_in_flight = measured.MaxInFlight,
                studies = settings.Studies,
                trials = settings.Trials,
                slots = settings.Slots,
                duration_s = settings.DurationMs / 1000.0,
                store = storeName,
            });
            return;
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{settings.Studies} studies x {settings.Trials} trials x {settings.DurationMs / 1000.0:0.###} s on {settings.Slots} slots ({storeName} store): wall {measured.WallSeconds:0.00} s, ideal {ideal:0.00} s, overhead {overhead:0.0} %, max in flight {measured.MaxInFlight}"));
    }
}
