using System.CommandLine;
using System.Globalization;
using NasOrleans.Client.Backends;
using NasOrleans.Client.Chaos;
using NasOrleans.Client.Output;
using NasOrleans.Core;

namespace NasOrleans.Client.Commands;

/// <summary>
/// <c>nas chaos --runs N</c>: starts its own PostgreSQL, Redis and silo processes in a temporary folder, runs studies
/// while SIGKILLing and restarting a silo mid-training (one kill per run: odd runs a control silo, even runs a trainer
/// silo holding a lease of the study), and reports lost trials, trials recorded twice (more than one accepted
/// completion in the completion log), trainings started again because of a kill, every kill, and the recovery time
/// (kill to the next completed trial). It exits 0 only when nothing was lost or recorded twice, no control-silo kill
/// cost a training, and every study completed. Everything it started is stopped by process id at the end.
/// </summary>
internal static class ChaosCommand
{
    public static Command Create(GlobalOptions global)
    {
        var runs = new Option<int>("--runs") { Description = "Runs, one study and one kill each (default 5).", DefaultValueFactory = _ => 5 };
        var trials = new Option<int>("--trials") { Description = "Trials per study (default 16).", DefaultValueFactory = _ => 16 };
        var trialMs = new Option<int>("--trial-ms") { Description = "Milliseconds each synthetic trial trains, so that kills land mid-training (default 2000).", DefaultValueFactory = _ => 2000 };
        var controls = new Option<int>("--controls") { Description = "Control silos (default 2).", DefaultValueFactory = _ => 2 };
        var trainers = new Option<int>("--trainers") { Description = "Trainer silos (default 2).", DefaultValueFactory = _ => 2 };
        var keepLogs = new Option<string?>("--keep-logs") { Description = "Copy the silos' logs into this folder at the end (they are kept in a temporary folder anyway when the soak fails)." };
        var command = new Command("chaos", "Soak test: studies on a local PostgreSQL/Redis cluster while silos are killed mid-training.") { runs, trials, trialMs, controls, trainers, keepLogs };
        command.SetAction((result, ct) => CommandRunner.RunAsync(async () =>
        {
            var settings = global.Read(result);
            if (result.GetValue(runs) is < 1 or > 1000 || result.GetValue(trials) is < 6 or > 10_000 || result.GetValue(controls) is < 2 or > 5 || result.GetValue(trainers) is < 1 or > 8
                || result.GetValue(trialMs) is < 100 or > 600_000)
            {
                throw new CliException("--runs 1..1000, --trials 6..10000, --trial-ms 100..600000, --controls 2..5 (a study must survive its silo), --trainers 1..8.", ExitCodes.InvalidInput);
            }

            var root = SharedDirectory.FindRepositoryRoot(AppContext.BaseDirectory)
                ?? throw new CliException("nas chaos drives scripts/cluster from a source checkout; run it from the repository's build.", ExitCodes.InvalidInput);
            var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
            var log = settings.Json ? Console.Error : Console.Out;
            await log.WriteLineAsync($"Starting PostgreSQL, Redis, {result.GetValue(controls)} control and {result.GetValue(trainers)} trainer silos...");
            await using var cluster = await LocalCluster.StartAsync(root, configuration, result.GetValue(controls), result.GetValue(trainers), ct);
            Environment.SetEnvironmentVariable("NAS_CLUSTER_ID", cluster.ClusterId);
            Environment.SetEnvironmentVariable("NAS_SERVICE_ID", cluster.ClusterId);
            await using var client = await GatewayConnection.ConnectAsync(cluster.Gateways, ct);
            var runner = new ChaosRunner(cluster, client, log, result.GetValue(trialMs));
            var results = new List<ChaosRunResult>();
            for (var run = 1; run <= result.GetValue(runs); run++)
            {
                var r = await runner.RunAsync(run, result.GetValue(trials), ct);
                results.Add(r);
                await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"run {run}: {r.Status}, lost {r.Lost}, recorded twice {r.RecordedTwice}, left pending {r.LeftPending}, trainings lost {r.Kills.Sum(k => k.TrainingLost)}, recovery {r.RecoverySeconds:0.00} s"));
            }

            var summary = ChaosSummary.From(results);
            if (settings.Json)
            {
                JsonOutput.Write(new
                {
                    runs = summary.Runs,
                    kills = summary.Kills,
                    kills_in_flight = summary.KillsInFlight,
                    lost = summary.Lost,
                    recorded_twice = summary.RecordedTwice,
                    trainings_lost = summary.TrainingsLost,
                    trainings_lost_control = summary.TrainingsLostControl,
                    recovery_median_s = summary.RecoveryMedianSeconds,
                    recovery_max_s = summary.RecoveryMaxSeconds,
                    kill_log = summary.KillLog.Select(k => new
                    {
                        run = k.Run,
                        silo = k.Silo,
                        role = k.RoleName,
                        trials_running = k.TrialsRunning,
                        trials = k.Trials,
                        training_lost = k.TrainingLost,
                        in_flight = k.InFlight,
                        at_s = Math.Round(k.AtSeconds, 2),
                    }),
                });
            }
            else
            {
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{summary.Runs} runs, {summary.Kills} kills ({summary.KillsInFlight} mid-training): {summary.Lost} lost, {summary.RecordedTwice} recorded twice, {summary.TrainingsLost} trainings lost ({summary.TrainingsLostControl} to control kills); recovery median {summary.RecoveryMedianSeconds:0.00} s, max {summary.RecoveryMaxSeconds:0.00} s"));
            }

            if (summary.ExitCode != ExitCodes.Ok || result.GetValue(keepLogs) is not null)
            {
                cluster.KeepLogsIn = Path.GetFullPath(result.GetValue(keepLogs) ?? Path.Combine(Path.GetTempPath(), $"nas-chaos-logs-{Environment.ProcessId}"));
                await log.WriteLineAsync($"Silo logs: {cluster.KeepLogsIn}");
            }

            return summary.ExitCode;
        }));
        return command;
    }
}
