namespace NasOrleans.Client.Plots;

/// <summary>A point of a chart in data units.</summary>
/// <param name="X">The horizontal coordinate (evaluations, trial id or a cost).</param>
/// <param name="Y">The vertical coordinate (accuracy or the objective).</param>
internal readonly record struct ChartPoint(double X, double Y);
