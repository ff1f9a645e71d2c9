using System.Globalization;
using NasOrleans.Core.Benchmarks;

namespace NasOrleans.Client.Commands;

/// <summary>What <c>nas bench nb201</c> prints for one algorithm's outcome: its JSON object, or its lines of text.</summary>
internal static class Nb201BenchPrinter
{
    public static object Json(Nb201BenchmarkResult outcome, double seconds)
    {
        var summary = outcome.Constraint;
        return new
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
        };
    }

    public static void Text(Nb201BenchmarkResult outcome, double seconds)
    {
        var f = CultureInfo.InvariantCulture;
        var summary = outcome.Constraint;
        Console.WriteLine(string.Create(f, $"NAS-Bench-201 {outcome.Dataset}, {outcome.Algorithm}, budget {outcome.Budget}, {outcome.Runs} runs ({outcome.Evaluations:0.#} evaluations each, {seconds:0.0} s):"));
        Console.WriteLine(string.Create(f, $"  200-epoch test accuracy of the chosen cell: {outcome.Mean:0.00} ± {outcome.Std:0.00} (median {outcome.Median:0.00}); optimum {outcome.Optimum:0.00}"));
        if (summary is not null)
        {
            Console.WriteLine(string.Create(f, $"  constraint {summary.Constraint}: constrained optimum {summary.Optimum:0.00} (best feasible signal: {summary.SignalOptimum:0.00}), mean regret {summary.MeanRegret:0.000}, infeasible evaluations {summary.InfeasibleShare:P1}, runs without a feasible cell {summary.RunsWithoutAnswer}"));
        }
    }
}
