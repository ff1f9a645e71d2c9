using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using NasOrleans.Client.Backends;
using NasOrleans.Client.Embedded;
using NasOrleans.Client.Output;
using NasOrleans.Core.Specs;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Hosting;

namespace NasOrleans.Client.Commands;

/// <summary>
/// <c>nas bench throughput</c>: trials per second through the full grain path (study → strategy →
/// scheduler → trainer slot → study) with a zero-cost trainer, in this process.
/// </summary>
internal static class ThroughputBenchCommand
{
    public static Command Create(GlobalOptions global)
    {
        var trials = new Option<int>("--trials") { Description = "Trials to run (default 20000).", DefaultValueFactory = _ => 20_000 };
        var store = new Option<StoreKind>("--store") { Description = "memory (default), sqlite (a temporary data directory), postgres or azure.", DefaultValueFactory = _ => StoreKind.Memory };
        var slots = new Option<int>("--slots") { Description = "Trainer slots (default 4).", DefaultValueFactory = _ => 4 };
        var postgres = new Option<string?>("--postgres") { Description = ConnectionStringArgument.Describe("With --store postgres: the connection string (each run writes into a fresh schema bench_<id>).", ConnectionStringArgument.PostgresVariable) };
        var azure = BenchAzureStore.CreateOption();
        var command = new Command("throughput", "Trials per second through the whole grain path with a zero-cost trainer.") { trials, store, slots, postgres, azure };
        command.SetAction((result, ct) => CommandRunner.RunAsync(async () =>
        {
            var settings = global.Read(result);
            var count = result.GetValue(trials);
            if (count is < 1 or > 1_000_000)
            {
                throw new CliException("--trials must be between 1 and 1000000.", ExitCodes.InvalidInput);
            }

            var kind = result.GetValue(store);
            var connection = ConnectionStringArgument.Resolve(result.GetValue(postgres), "--postgres", ConnectionStringArgument.PostgresVariable);
            if (kind == StoreKind.Postgres && string.IsNullOrWhiteSpace(connection))
            {
                throw new CliException("--store postgres needs a PostgreSQL connection string: --postgres @FILE (a file holding it, e.g. DIR/secrets/pg-connection that scripts/cluster/start-services.sh DIR writes) or the environment variable NAS_POSTGRES.", ExitCodes.InvalidInput);
            }
            var azureConnection = BenchAzureStore.Resolve(kind, result.GetValue(azure));
            var directory = Path.Combine(Path.GetTempPath(), $"nas-bench-{Environment.ProcessId}-{Guid.NewGuid():N}");
            try
            {
                var seconds = await MeasureAsync(count, kind, directory, result.GetValue(slots), connection, azureConnection, ct);
                var rate = count / seconds;
                if (settings.Json)
                {
                    JsonOutput.Write(new { store = kind.ToString().ToLowerInvariant(), trials = count, seconds, trials_per_second = rate });
                }
                else
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} trials through the grain path ({kind.ToString().ToLowerInvariant()} store) in {seconds:0.00} s: {rate:0} trials/s"));
                }

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

    internal static async Task<double> MeasureAsync(int count, StoreKind kind, string directory, int slots, string? postgres, string? azure, CancellationToken cancellationToken)
    {
        var options = BenchAzureStore.Apply(new NasSiloOptions
        {
            PostgresConnectionString = postgres,
            PostgresSchema = kind == StoreKind.Postgres ? $"bench_{Guid.NewGuid():N}" : "public",
            Store = kind,
            DataDirectory = directory,
            TrainerSlots = slots,
            LeasesPerPull = 512,
            MinPollInterval = TimeSpan.FromMilliseconds(1),
            MaxPollInterval = TimeSpan.FromMilliseconds(10),
        }, azure);
        await using var silo = await EmbeddedSilo.StartAsync(options, LogLevel.Error, cancellationToken);
        var spec = new StudySpecBuilder("throughput")
            .Maximize("validation_accuracy")
            .WithEightDigits()
            .WithAlgorithm("random", seed: 1)
            .WithTrainer("synthetic")
            .WithBudget(count, parallel: Math.Min(count, 4096))
            .Build();
        var study = silo.Grains.GetGrain<IStudyGrain>(spec.Name);
        var started = Stopwatch.GetTimestamp();
        var submitted = await study.SubmitAsync(StudySpecJson.Serialize(spec));
        if (!submitted.Accepted)
        {
            throw new CliException("The benchmark's study was refused: " + string.Join("; ", submitted.Errors));
        }

        while ((await study.GetStatusAsync()).Status == StudyStatus.Running)
        {
            await Task.Delay(5, cancellationToken);
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var final = await study.GetStatusAsync();
        if (final.Status != StudyStatus.Completed || final.Completed + final.Failed != count)
        {
            throw new CliException($"The benchmark's study ended {final.Status} with {final.Completed} trials; expected {count}.");
        }

        return seconds;
    }
}
