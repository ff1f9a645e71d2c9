using System.CommandLine;
using System.Diagnostics;
using NasOrleans.Client.Output;
using NasOrleans.Core.Benchmarks;
using NasOrleans.Core.Nb201;
using NasOrleans.Core.Strategies;

namespace NasOrleans.Client.Commands;

/// <summary>
/// <c>nas bench nb201</c>: the NAS-Bench-201 protocol replayed with the strategies the grains use, called
/// directly: search on the 12-epoch validation accuracy, report the 200-epoch test accuracy of the best found.
/// Several comma-separated algorithms run one after the other on the same seeds; <c>--plot</c> draws them together.
/// </summary>
internal static class Nb201BenchCommand
{
    public static Command Create(GlobalOptions global)
    {
        var algorithm = new Option<string>("--algorithm")
        {
            Description = $"The strategy, or several comma-separated (e.g. random,evolution): {string.Join(", ", StrategyCatalog.Algorithms.Where(a => a.Job is null).Select(a => a.Name))}.",
            DefaultValueFactory = _ => "random",
        };
        var budget = new Option<int>("--budget") { Description = "Distinct architectures evaluated per run (default 100).", DefaultValueFactory = _ => 100 };
        var runs = new Option<int>("--runs") { Description = "Runs with distinct seeds (default 500).", DefaultValueFactory = _ => 500 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the first run (run i uses seed + i)." };
        var dataset = new Option<string>("--dataset") { Description = "cifar10, cifar100 or imagenet16-120 (default cifar10).", DefaultValueFactory = _ => "cifar10" };
        var parameters = new Option<string[]>("--param") { Description = "An algorithm parameter, name=value (repeatable; with several algorithms, given to those that have it).", AllowMultipleArgumentsPerToken = false };
        var constraintOption = new Option<string?>("--constraint")
        {
            Description = "A bound on a table column known before training, e.g. lat_pixel3:max=10 (min=V, or min=V,max=W): strategies get the column as their cost and max as their limit; the answer must be feasible; reports the regret to the exact constrained optimum.",
        };
        var plot = new Option<string?>("--plot")
        {
            Description = "Write PNG plots to this folder: best-so-far.png (median and quartiles over runs, per algorithm) and, under --constraint, accuracy-vs-COLUMN.png.",
        };
        var command = new Command("nb201", "Replay the NAS-Bench-201 protocol: --data may name the nb201.csv file itself.") { algorithm, budget, runs, seed, dataset, parameters, constraintOption, plot };
        command.SetAction((result, ct) => CommandRunner.RunAsync(() =>
        {
            var settings = global.Read(result);
            var algorithms = Nb201BenchInputs.Algorithms(result.GetValue(algorithm)!, result.GetValue(parameters) ?? []);
            if (result.GetValue(budget) is < 1 or > 15_625 || result.GetValue(runs) is < 1 or > 100_000)
            {
                throw new CliException("--budget must be between 1 and 15625 (the table's size) and --runs between 1 and 100000.", ExitCodes.InvalidInput);
            }

            var data = Nb201Dataset.Find(result.GetValue(dataset)!)
                ?? throw new CliException($"--dataset '{result.GetValue(dataset)}' is unknown; use cifar10, cifar100 or imagenet16-120.", ExitCodes.InvalidInput);
            var plotDirectory = result.GetValue(plot) is { } p ? PlotDirectory.Prepare(p, "--plot") : null;
            var table = Nb201Table.Shared(Nb201BenchInputs.TablePath(settings.SharedDirectory));
            var constraint = Nb201BenchInputs.Constraint(result.GetValue(constraintOption), table);
            var benchmark = new Nb201Benchmark(table, data);
            var outcomes = new List<Nb201BenchmarkResult>();
            var json = new List<object>();
            if (constraint is null && algorithms.FirstOrDefault(a => a.Parameters.GetValueOrDefault("reward_shaping") is { } k && k != RewardShaping.None.Kind) is { Name: { } shaped })
            {
                throw new CliException($"--param ({shaped}): reward shaping needs a cost; pass --constraint <column>:max=<value> (for example lat_pixel3:max=10), whose column is the cost.", ExitCodes.InvalidInput);
            }

            foreach (var (name, given) in algorithms)
            {
                ct.ThrowIfCancellationRequested();
                var started = Stopwatch.GetTimestamp();
                var outcome = benchmark.Run(name, given, result.GetValue(budget), result.GetValue(runs), result.GetValue(seed), constraint: constraint);

                var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                outcomes.Add(outcome);
                if (settings.Json)
                {
                    json.Add(Nb201BenchPrinter.Json(outcome, seconds));
                }
                else
                {
                    Nb201BenchPrinter.Text(outcome, seconds);
                }
            }

            if (settings.Json)
            {
                JsonOutput.Write(json.Count == 1 ? json[0] : json);
            }

            if (plotDirectory is not null)
            {
                var files = new List<string> { Nb201BenchPlots.BestSoFar(plotDirectory, outcomes) };
                if (constraint is not null)
                {
                    files.Add(Nb201BenchPlots.Costs(plotDirectory, table, data, constraint, outcomes));
                }

                // With --json, stdout holds only the JSON; the written files are logged on stderr.
                var log = settings.Json ? Console.Error : Console.Out;
                files.ForEach(file => log.WriteLine($"Wrote {file}"));
            }

            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }
}
