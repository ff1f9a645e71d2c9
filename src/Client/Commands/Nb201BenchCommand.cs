using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using NasOrleans.Client.Output;
using NasOrleans.Core;
using NasOrleans.Core.Benchmarks;
using NasOrleans.Core.Nb201;
using NasOrleans.Core.Strategies;

namespace NasOrleans.Client.Commands;

/// <summary>
/// <c>nas bench nb201</c>: the NAS-Bench-201 protocol replayed with the strategies the grains use, called
/// directly: search on the 12-epoch validation accuracy, report the 200-epoch test accuracy of the best found.
/// </summary>
internal static class Nb201BenchCommand
{
    public static Command Create(GlobalOptions global)
    {
        var algorithm = new Option<string>("--algorithm") { Description = $"The strategy: {string.Join(", ", StrategyCatalog.Algorithms.Select(a => a.Name))}.", DefaultValueFactory = _ => "random" };
        var budget = new Option<int>("--budget") { Description = "Distinct architectures evaluated per run (default 100).", DefaultValueFactory = _ => 100 };
        var runs = new Option<int>("--runs") { Description = "Runs with distinct seeds (default 500).", DefaultValueFactory = _ => 500 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the first run (run i uses seed + i)." };
        var dataset = new Option<string>("--dataset") { Description = "cifar10, cifar100 or imagenet16-120 (default cifar10).", DefaultValueFactory = _ => "cifar10" };
        var parameters = new Option<string[]>("--param") { Description = "An algorithm parameter, name=value (repeatable).", AllowMultipleArgumentsPerToken = false };
        var constraintOption = new Option<string?>("--constraint")
        {
            Description = "A bound on a table column known before training, e.g. lat_pixel3:max=10 (min=V, or min=V,max=W): strategies get the column as their cost and max as their limit; the answer must be feasible; reports the regret to the exact constrained optimum.",
        };
        var command = new Command("nb201", "Replay the NAS-Bench-201 protocol: --data may name the nb201.csv file itself.") { algorithm, budget, runs, seed, dataset, parameters, constraintOption };
        command.SetAction((result, ct) => CommandRunner.RunAsync(() =>
        {
            var settings = global.Read(result);
            var name = result.GetValue(algorithm)!;
            var descriptor = StrategyCatalog.Find(name)
                ?? throw new CliException($"--algorithm '{name}' is unknown; known: {string.Join(", ", StrategyCatalog.Algorithms.Select(a => a.Name))}.", ExitCodes.InvalidInput);
            if (result.GetValue(budget) is < 1 or > 15_625 || result.GetValue(runs) is < 1 or > 100_000)
            {
                throw new CliException("--budget must be between 1 and 15625 (the table's size) and --runs between 1 and 100000.", ExitCodes.InvalidInput);
            }

            var given = ParseParameters(result.GetValue(parameters) ?? []);
            try
            {
                _ = new ResolvedParameters(descriptor.Parameters, given);
            }
            catch (ArgumentException ex)
            {
                throw new CliException($"--param: {ex.Message}", ExitCodes.InvalidInput);
            }

            var data = Nb201Dataset.Find(result.GetValue(dataset)!)
                ?? throw new CliException($"--dataset '{result.GetValue(dataset)}' is unknown; use cifar10, cifar100 or imagenet16-120.", ExitCodes.InvalidInput);
            var table = Nb201Table.Shared(TablePath(settings.SharedDirectory));
            var constraint = ParseConstraint(result.GetValue(constraintOption), table);
            var started = Stopwatch.GetTimestamp();
            var outcome = new Nb201Benchmark(table, data).Run(name, given, result.GetValue(budget), result.GetValue(runs), result.GetValue(seed), constraint: constraint);
            var summary = outcome.Constraint;
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            if (settings.Json)
            {
                JsonOutput.Write(new
                {
                    algorithm = outcome.Algorithm,
                    budget = outcome.Budget,
                    runs = outcome.Runs,
                    evaluations = outcome.Evaluations,
                    mean = outcome.Mean,
                    std = outcome.Std,
                    median = outcome.Median,
                    optimum = outcome.Optimum,
                    dataset = outcome.Dataset,
                    parameters = outcome.Parameters,
                    constraint = summary is null ? null : new
                    {
                        column = summary.Constraint.Column,
                        min = summary.Constraint.Min,
                        max = summary.Constraint.Max,
                        optimum = summary.Optimum,
                        signal_optimum = summary.SignalOptimum,
                        mean_regret = summary.MeanRegret,
                        infeasible_share = summary.InfeasibleShare,
                        runs_without_answer = summary.RunsWithoutAnswer,
                    },
                    seconds,
                });
            }
            else
            {
                var f = CultureInfo.InvariantCulture;
                Console.WriteLine(string.Create(f, $"NAS-Bench-201 {outcome.Dataset}, {outcome.Algorithm}, budget {outcome.Budget}, {outcome.Runs} runs ({outcome.Evaluations:0.#} evaluations each, {seconds:0.0} s):"));
                Console.WriteLine(string.Create(f, $"  200-epoch test accuracy of the chosen cell: {outcome.Mean:0.00} ± {outcome.Std:0.00} (median {outcome.Median:0.00}); optimum {outcome.Optimum:0.00}"));
                if (summary is not null)
                {
                    Console.WriteLine(string.Create(f, $"  constraint {summary.Constraint}: constrained optimum {summary.Optimum:0.00} (best feasible signal: {summary.SignalOptimum:0.00}), mean regret {summary.MeanRegret:0.000}, infeasible evaluations {summary.InfeasibleShare:P1}, runs without a feasible cell {summary.RunsWithoutAnswer}"));
                }
            }

            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    private static string TablePath(string? data)
    {
        if (data is not null && File.Exists(data))
        {
            return Path.GetFullPath(data);
        }

        var shared = SharedDirectory.Resolve(data)
            ?? throw new CliException("The NAS-Bench-201 table was not found: pass --data <shared dir or nb201.csv>, set NAS_SHARED_DIR, or put the folder 'shared' beside the repository.", ExitCodes.InvalidInput);
        var path = Path.Combine(shared, Nb201Table.SharedRelativePath);
        return File.Exists(path) ? path : throw new CliException($"The NAS-Bench-201 table {path} does not exist; pass --data <nb201.csv>.", ExitCodes.InvalidInput);
    }

    private static Nb201Constraint? ParseConstraint(string? text, Nb201Table table)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        Nb201Constraint constraint;
        try
        {
            constraint = Nb201Constraint.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new CliException($"--constraint: {ex.Message}", ExitCodes.InvalidInput);
        }

        return table.HasColumn(constraint.Column)
            ? constraint
            : throw new CliException($"--constraint: the table has no column '{constraint.Column}'; known: {string.Join(", ", table.NumericColumns)}.", ExitCodes.InvalidInput);
    }

    private static Dictionary<string, string> ParseParameters(IEnumerable<string> pairs)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new CliException($"--param '{pair}' is not name=value.", ExitCodes.InvalidInput);
            }

            result[pair[..eq]] = pair[(eq + 1)..];
        }

        return result;
    }
}
