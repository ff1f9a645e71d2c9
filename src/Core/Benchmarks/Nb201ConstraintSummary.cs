namespace NasOrleans.Core.Benchmarks;

/// <summary>
/// The constrained part of a <see cref="Nb201BenchmarkResult"/>: how close the runs came to the best feasible cell
/// and how much of their budget went to infeasible ones.
/// </summary>
/// <param name="Constraint">The constraint.</param>
/// <param name="Optimum">The best test accuracy of any feasible cell (the exact constrained optimum).</param>
/// <param name="SignalOptimum">The test accuracy of the feasible cell with the best search signal: what a search that found the
/// best feasible signal would report (its regret is the floor a search on the 12-epoch signal can reach).</param>
/// <param name="MeanRegret">Mean over runs with a feasible answer of the optimum minus the answer's test accuracy.</param>
/// <param name="InfeasibleShare">Infeasible cells among all evaluated ones (trained although over the bound), over all runs.</param>
/// <param name="RunsWithoutAnswer">Runs that evaluated no feasible cell (left out of the mean, std, median and regret).</param>
public sealed record Nb201ConstraintSummary(
    Nb201Constraint Constraint,
    double Optimum,
    double SignalOptimum,
    double MeanRegret,
    double InfeasibleShare,
    int RunsWithoutAnswer);
