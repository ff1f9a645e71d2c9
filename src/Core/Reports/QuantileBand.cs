namespace NasOrleans.Core.Reports;

/// <summary>The spread of many runs' curves at one step: lower quantile, median and upper quantile.</summary>
/// <param name="Step">The step (0-based index into the curves).</param>
/// <param name="Runs">How many runs had a finite value at this step.</param>
/// <param name="Lower">The lower quantile (the 25th percentile by default).</param>
/// <param name="Median">The median.</param>
/// <param name="Upper">The upper quantile (the 75th percentile by default).</param>
public sealed record QuantileBand(int Step, int Runs, double Lower, double Median, double Upper);
