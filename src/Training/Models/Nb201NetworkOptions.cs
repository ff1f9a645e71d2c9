namespace NasOrleans.Training.Models;

/// <summary>
/// The size of the NAS-Bench-201 network built for an <c>nb201</c> cell: the stem's channels C (stages have C, 2C
/// and 4C) and the cells per stage N.
/// </summary>
/// <param name="Channels">C, the channels of the stem and the first stage (at least 1).</param>
/// <param name="CellsPerStage">N, the cells in each of the three stages (at least 0).</param>
public sealed record Nb201NetworkOptions(int Channels, int CellsPerStage)
{
    /// <summary>The benchmark's network: C = 16, N = 5 (what the published NAS-Bench-201 results trained).</summary>
    public static Nb201NetworkOptions Benchmark { get; } = new(16, 5);

    /// <summary>
    /// The default for training on a CPU: C = 16, N = 1, one cell per stage, about a fifth of the benchmark's cell
    /// FLOPs, so that a trial trains in minutes on two cores. <see cref="ModelBuilder.Build(NasOrleans.Core.Spaces.SearchSpace, NasOrleans.Core.Spaces.Architecture, InputShape, int)"/>
    /// and <see cref="ModelCost.Compute(NasOrleans.Core.Spaces.SearchSpace, NasOrleans.Core.Spaces.Architecture, InputShape, int)"/> use it.
    /// </summary>
    public static Nb201NetworkOptions Training { get; } = new(16, 1);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a size is out of range.</summary>
    internal void Check()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Channels, 1, nameof(Channels));
        ArgumentOutOfRangeException.ThrowIfLessThan(CellsPerStage, 0, nameof(CellsPerStage));
    }
}
