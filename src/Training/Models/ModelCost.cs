using NasOrleans.Core.Nb201;
using NasOrleans.Core.Spaces;

namespace NasOrleans.Training.Models;

/// <summary>Parameters and FLOPs (multiply-adds) of an architecture, computed from the architecture alone.</summary>
/// <remarks>
/// Parameters are the trainable ones of the module <see cref="ModelBuilder"/> builds: convolution weights (no
/// convolution has a bias), Linear weights and biases, batch-norm scales and shifts. FLOPs are the multiply-adds of
/// the convolutions and Linear layers for one sample (a batch of 1); batch norm, activations, pooling, residual
/// additions and the channel shuffle count 0. For <c>mlp</c> and <c>mobile-cnn</c> a Linear layer's bias counts no
/// FLOPs (4→8→3 is 4·8 + 8·3 = 56); for <c>nb201</c> the classifier's bias adds one FLOP per class, as in
/// NAS-Bench-201's counter, so the figures equal <see cref="Nb201CostModel"/>'s (which reproduces the published ones).
/// </remarks>
public static class ModelCost
{
    /// <summary>(parameters, FLOPs) of the module <see cref="ModelBuilder.Build(SearchSpace, Architecture, InputShape, int)"/> makes.</summary>
    public static (long Params, double Flops) Compute(SearchSpace space, Architecture architecture, InputShape input, int classes) =>
        Compute(space, architecture, input, classes, Nb201NetworkOptions.Training);

    /// <summary>
    /// (parameters, FLOPs) of the module <see cref="ModelBuilder.Build(SearchSpace, Architecture, InputShape, int, Nb201NetworkOptions)"/>
    /// makes with the same <paramref name="nb201"/> options.
    /// </summary>
    public static (long Params, double Flops) Compute(SearchSpace space, Architecture architecture, InputShape input, int classes, Nb201NetworkOptions nb201)
    {
        ModelBuilder.Check(space, architecture, input, classes);
        var counter = new CostCounter();
        switch (space.Kind)
        {
            case SpaceCatalog.Mlp:
                MlpPlan.From(space, architecture, input, classes).AddCost(counter);
                break;
            case SpaceCatalog.MobileCnn:
                MobileCnnPlan.From(space, architecture, input, classes).AddCost(counter);
                break;
            case Nb201Space.KindName:
                Nb201Plan.From(space, architecture, input, classes, nb201).AddCost(counter);
                break;
            default:
                throw ModelBuilder.Unsupported(space.Kind);
        }

        return (counter.Params, counter.Flops);
    }
}
