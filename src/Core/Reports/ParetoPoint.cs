namespace NasOrleans.Core.Reports;

/// <summary>A candidate for a Pareto front: its id, its score (higher is better) and its cost (lower is better).</summary>
public sealed record ParetoPoint(long Id, double Score, double Cost);
