namespace NasOrleans.Core.Strategies;

/// <summary>A snapshot of <see cref="AdamOptimizer"/>.</summary>
/// <param name="M">The first-moment estimates.</param>
/// <param name="V">The second-moment estimates.</param>
/// <param name="Steps">Steps taken (for the bias corrections).</param>
public sealed record AdamState(double[] M, double[] V, int Steps);
