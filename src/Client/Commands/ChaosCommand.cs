using System.CommandLine;
using System.Globalization;
using NasOrleans.Client.Backends;
using NasOrleans.Client.Chaos;
using NasOrleans.Client.Output;
using NasOrleans.Core;

namespace NasOrleans.Client.Commands;

/// <summary>
/// <c>nas chaos --runs N</c>: starts its own PostgreSQL, Redis and silo processes in a temporary folder, runs studies
/// while SIGKILLing and restarting random silos (one kill per run), and reports lost trials, trials recorded twice
/// (more than one accepted completion in the completion log) and the recovery time (kill to the next completed trial).
/// It exits 0 only when nothing was lost or recorded twice and every study completed. Everything it started is stopped
/// by process id at the end.
/// </summary>
internal static class ChaosCommand
{
    public static Command Create(GlobalOptions global)
    {
        var runs = new Option<int>("--runs") { Description = "Runs, one study and one kill each (default 5).", DefaultValueFactory = _ => 5 };
        var trials = new Option<int>("--trials") { Description = "Trials per study (default 30).", DefaultValueFactory = _ => 30 };
        var controls = new Option<int>("--controls") { Description = "Control silos (default 2).", DefaultValueFactory = _ => 2 };
        var trainers = new Option<int>("--trainers") { Description = "Trainer silos (default 2).", DefaultValueFactory = _ => 2 };
        var command = new Command("chaos", "Soak test: studies on a local PostgreSQL/Redis cluster while random silos are killed.") { runs, trials, controls, trainers };
        command.SetAction((result, ct) => CommandRunner.RunAsync(async () =>
        {
            var settings = global.Read(result);
            if (result.GetValue(runs) is < 1 or > 1000 || result.GetValue(trials) is < 6 or > 10_000 || result.GetValue(controls) is < 2 or > 5 || result.GetValue(trainers) is < 1 or > 8)
            {
                throw new CliException("--runs 1..1000, --trials 6..10000, --controls 2..5 (a study must survive its silo), --trainers 1..8.", ExitCodes.InvalidInput);
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
            var runner = new ChaosRunner(cluster, client, log);
            var results = new List<ChaosRunResult>();
            for (var run = 1; run <= result.GetValue(runs); run++)
            {
                var r = await runner.RunAsync(run, result.GetValue(trials), ct);
                results.Add(r);
                await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"run {run}: {r.Status}, lost {r.Lost}, recorded twice {r.RecordedTwice}, left pending {r.LeftPending}, recovery {r.RecoverySeconds:0.00} s"));
            }

            var summary = ChaosSummary.From(results);
            if (settings.Json)
            {
                JsonOutput.Write(new
                {
                    runs = summary.Runs,
                    kills = summary.Runs,
                    lost = summary.Lost,
                    recorded_twice = summary.RecordedTwice,
                    recovery_median_s = summary.RecoveryMedianSeconds,
                    recovery_max_s = summary.RecoveryMaxSeconds,
                });
            }
            else
            {
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{summary.Runs} runs, {summary.Runs} kills: {summary.Lost} lost, {summary.RecordedTwice} recorded twice; recovery median {summary.RecoveryMedianSeconds:0.00} s, max {summary.RecoveryMaxSeconds:0.00} s"));
            }

            return summary.ExitCode;
        }));
        return command;
    }
}
