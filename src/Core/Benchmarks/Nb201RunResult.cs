namespace NasOrleans.Core.Benchmarks;

/// <summary>One replayed search of <see cref="Nb201Benchmark"/>.</summary>
/// <param name="Seed">The strategy's seed (the base seed plus the run's number).</param>
/// <param name="Evaluations">Distinct cells evaluated (the budget, unless the proposal guard stopped the run early).</param>
/// <param name="Proposals">Proposals made, repeats of an already evaluated cell included.</param>
/// <param name="BestArchString">The cell with the best search metric (the best feasible one under a constraint; empty when none).</param>
/// <param name="BestSearchMetric">Its search metric (12-epoch validation accuracy, percent).</param>
/// <param name="TestAccuracy">Its 200-epoch test accuracy (percent): the run's result.</param>
/// <param name="Curve">The incumbent's test accuracy after each evaluation (one value per evaluation).</param>
public sealed record Nb201RunResult(
    ulong Seed,
    int Evaluations,
    int Proposals,
    string BestArchString,
    double BestSearchMetric,
    double TestAccuracy,
    IReadOnlyList<double> Curve)
{
    /// <summary>Evaluated cells that broke the run's constraint (0 without one).</summary>
    public int InfeasibleEvaluations { get; init; }
}
