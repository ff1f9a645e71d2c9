using NasOrleans.Core.Spaces;

namespace NasOrleans.Training.Models;

/// <summary>Parameters and FLOPs (multiply-adds) of an architecture, computed from the architecture alone.</summary>
public static class ModelCost
{
    /// <summary>(parameters, FLOPs) of the module <see cref="ModelBuilder.Build"/> makes.</summary>
    public static (long Params, double Flops) Compute(SearchSpace space, Architecture architecture, InputShape input, int classes) =>
        throw new NotSupportedException("being written");
}
