using System.CommandLine;
using Microsoft.Extensions.Logging;
using NasOrleans.Training;
using NasOrleans.Client.Backends;
using NasOrleans.Client.Embedded;
using NasOrleans.Core.Specs;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Hosting;

namespace NasOrleans.Client.Commands;

/// <summary>
/// <c>nas run [spec]</c>: hosts a silo with trainer slots in this process on the embedded data directory,
/// submits the spec (or resumes the unfinished studies), shows progress and prints the best architecture.
/// </summary>
internal static class RunCommand
{
    public static Command Create(GlobalOptions global)
    {
        var spec = new Argument<FileInfo?>("spec") { Description = "The study spec (YAML or JSON). Without it, resume every unfinished study.", Arity = ArgumentArity.ZeroOrOne };
        var slots = new Option<int>("--slots") { Description = "Trainer slots in this process (default: 2).", DefaultValueFactory = _ => 2 };
        var store = new Option<StoreKind>("--store") { Description = "Where to keep trials: sqlite (the data directory, resumable) or memory.", DefaultValueFactory = _ => StoreKind.Sqlite };
        var telemetry = new Option<TelemetryExporter>("--telemetry") { Description = "Export metrics and traces: none, console or otlp.", DefaultValueFactory = _ => TelemetryExporter.None };
        var isolation = new Option<SlotIsolation>("--isolation")
        {
            Description = "Where slots train: inline (in this process) or process (each slot in a worker process of its own: slots reproduce their single-slot results, a native crash costs one trial).",
            DefaultValueFactory = _ => SlotIsolation.Inline,
        };
        var verbose = new Option<bool>("--verbose") { Description = "Log the silo's progress to stderr." };
        var command = new Command("run", "Run a study to the end on the embedded default (no server needed); run again to resume.") { spec, slots, store, telemetry, isolation, verbose };
        command.SetAction((result, ct) => CommandRunner.RunAsync(async () =>
        {
            var settings = global.Read(result);
            var file = result.GetValue(spec);
            if (result.GetValue(store) == StoreKind.Postgres)
            {
                throw new CliException(
                    "--store postgres needs a PostgreSQL connection string, and `nas run` takes none: it keeps trials in the data directory (--store sqlite) or in memory. "
                    + "For PostgreSQL, start nas-silo with --Nas:Silo:Store=Postgres and the connection string in the environment variable Nas__Silo__PostgresConnectionString (scripts/cluster/start-silos.sh does), and use `nas submit <spec> --gateway host:port`.",
                    ExitCodes.InvalidInput);
            }

            if (result.GetValue(store) == StoreKind.Azure)
            {
                throw new CliException(
                    "--store azure needs a storage account, and `nas run` keeps trials in the data directory (--store sqlite) or in memory. "
                    + "For Azure Storage, start nas-silo with the environment Nas__Silo__Store=Azure and Nas__Silo__AzureConnectionString (see README, Azure Storage) and use `nas submit <spec> --gateway host:port`.",
                    ExitCodes.InvalidInput);
            }

            var parsed = file is null || settings.Gateway is not null || settings.Server is not null ? null : SpecPreflight.Load(file.FullName, settings);
            if (result.GetValue(slots) is < 0 or > 1024)
            {
                throw new CliException("--slots must be between 0 and 1024.", ExitCodes.InvalidInput);
            }

            var options = new NasSiloOptions
            {
                DataDirectory = settings.DataDirectory,
                SharedDirectory = settings.SharedDirectory,
                Store = result.GetValue(store),
                TrainerSlots = result.GetValue(slots),
                Telemetry = result.GetValue(telemetry),
                SlotIsolation = result.GetValue(isolation),
            };
            return await RunAsync(settings, parsed, options, result.GetValue(verbose) ? LogLevel.Information : LogLevel.Warning, ct);
        }));
        return command;
    }

    private static async Task<int> RunAsync(CommonSettings settings, StudySpec? spec, NasSiloOptions options, LogLevel logLevel, CancellationToken cancellationToken)
    {
        if (settings.Server is not null)
        {
            throw new CliException("`nas run` hosts its own silo; to use the service, `nas submit <spec> --server URL` then `nas watch --server URL`, and run workers for an external study.", ExitCodes.InvalidInput);
        }

        if (settings.Gateway is not null)
        {
            throw new CliException("`nas run` hosts its own silo; to use a cluster, `nas submit <spec> --gateway ...` then `nas watch`.", ExitCodes.InvalidInput);
        }

        await using var silo = await EmbeddedSilo.StartAsync(options, logLevel, cancellationToken);
        var client = new GrainStudyClient(silo.Grains);
        List<string> targets;
        if (spec is not null)
        {
            var submitted = await client.SubmitAsync(StudySpecJson.Serialize(spec), cancellationToken);
            if (!submitted.Accepted)
            {
                throw new CliException("the study was not accepted; nothing was stored:\n" + string.Join('\n', submitted.Errors), ExitCodes.InvalidInput);
            }

            targets = [spec.Name];
        }
        else
        {
            targets = [.. (await client.ListStudiesAsync(cancellationToken)).Where(s => s.Status == StudyStatus.Running).Select(s => s.StudyId)];
            if (targets.Count == 0)
            {
                await (settings.Json ? Console.Error : Console.Out).WriteLineAsync($"No unfinished study in {options.DataDirectory}. Start one with `nas run <spec.yaml>`.");
                return ExitCodes.Ok;
            }
        }

        IReadOnlyList<StudySummary> final;
        try
        {
            final = await ProgressDisplay.FollowAsync(client, targets, settings.Json, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw new CliException("stopping; trials in flight run again when you resume with `nas run`.", ExitCodes.Interrupted);
        }

        var code = ExitCodes.Ok;
        foreach (var summary in final)
        {
            if (summary.Status != StudyStatus.Completed)
            {
                await Console.Error.WriteLineAsync($"nas: study {summary.StudyId} ended {summary.Status.ToString().ToLowerInvariant()}: {summary.Message}");
                code = ExitCodes.StudyNotCompleted;
            }

            var printed = await BestPrinter.PrintAsync(client, summary, 5, settings.Json, cancellationToken);
            code = code == ExitCodes.Ok && printed != ExitCodes.Ok ? ExitCodes.StudyNotCompleted : code;
        }

        return code;
    }
}
