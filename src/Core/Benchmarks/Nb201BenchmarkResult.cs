namespace NasOrleans.Core.Benchmarks;

/// <summary>
/// The outcome of <see cref="Nb201Benchmark.Run"/>: statistics over runs of the 200-epoch test accuracy (percent)
/// of each run's chosen cell, and each run's details, ordered by run.
/// </summary>
/// <param name="Algorithm">The algorithm's name.</param>
/// <param name="Parameters">The algorithm's parameters as given (defaults not filled in).</param>
/// <param name="Dataset">The dataset searched on and reported for.</param>
/// <param name="Budget">Distinct evaluations per run.</param>
/// <param name="Runs">The number of runs.</param>
/// <param name="Evaluations">Mean distinct evaluations per run (the budget, unless runs stopped early).</param>
/// <param name="Mean">Mean test accuracy over runs (under a constraint, over the runs that found a feasible cell).</param>
/// <param name="Std">Population standard deviation over runs (dividing by the number of runs, as NAS-Bench-201 reports it).</param>
/// <param name="Median">Median test accuracy over runs.</param>
/// <param name="Optimum">The best test accuracy of any cell in the table.</param>
/// <param name="PerRun">Each run, in run order.</param>
public sealed record Nb201BenchmarkResult(
    string Algorithm,
    IReadOnlyDictionary<string, string> Parameters,
    string Dataset,
    int Budget,
    int Runs,
    double Evaluations,
    double Mean,
    double Std,
    double Median,
    double Optimum,
    IReadOnlyList<Nb201RunResult> PerRun)
{
    /// <summary>The constrained figures, when the benchmark ran under a <see cref="Nb201Constraint"/>; null otherwise.</summary>
    public Nb201ConstraintSummary? Constraint { get; init; }

    /// <summary>Each run's best-so-far curve (the incumbent's test accuracy after each evaluation), in run order.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Curves => [.. PerRun.Select(r => r.Curve)];

    /// <summary>The mean best-so-far curve over runs (over the runs that reached each evaluation).</summary>
    public IReadOnlyList<double> MeanCurve()
    {
        var length = PerRun.Count == 0 ? 0 : PerRun.Max(r => r.Curve.Count);
        var result = new double[length];
        for (var i = 0; i < length; i++)
        {
            var reached = PerRun.Where(r => r.Curve.Count > i).Select(r => r.Curve[i]).ToList();
            result[i] = reached.Average();
        }

        return result;
    }
}
