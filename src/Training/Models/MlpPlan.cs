using NasOrleans.Core.Spaces;

namespace NasOrleans.Training.Models;

/// <summary>
/// The layout of an <c>mlp</c> architecture: the input flattened to <paramref name="Features"/> values, one
/// Linear + ReLU per hidden width, then a Linear to <paramref name="Classes"/> logits (no batch norm, no dropout).
/// </summary>
internal sealed record MlpPlan(int Features, IReadOnlyList<int> Widths, int Classes)
{
    /// <summary>The plan of <paramref name="architecture"/>: decisions <c>layers</c> and <c>width_1</c> … <c>width_layers</c>.</summary>
    public static MlpPlan From(SearchSpace space, Architecture architecture, InputShape input, int classes)
    {
        var reader = new DescriptionReader(space, architecture);
        var layers = reader.Int("layers");
        var widths = Enumerable.Range(1, layers).Select(k => reader.Int($"width_{k}")).ToList();
        return new MlpPlan(input.Features, widths, classes);
    }

    /// <summary>Adds the Linear layers' parameters and multiply-adds (biases add parameters, not FLOPs).</summary>
    public void AddCost(CostCounter counter)
    {
        var inputs = (long)Features;
        foreach (var width in Widths)
        {
            counter.Linear(inputs, width);
            inputs = width;
        }

        counter.Linear(inputs, Classes);
    }
}
