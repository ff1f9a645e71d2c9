using TorchSharp;
using static TorchSharp.torch;

namespace NasOrleans.Training.Models;

/// <summary>The module of an <see cref="MlpPlan"/>: flatten, (Linear, ReLU) per hidden layer, Linear to the logits.</summary>
internal sealed class MlpNetwork : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> layers;

    /// <summary>Builds the layers of <paramref name="plan"/>.</summary>
    public MlpNetwork(MlpPlan plan)
        : base(nameof(MlpNetwork))
    {
        var modules = new List<nn.Module<Tensor, Tensor>>();
        var inputs = (long)plan.Features;
        foreach (var width in plan.Widths)
        {
            modules.Add(nn.Linear(inputs, width));
            modules.Add(nn.ReLU());
            inputs = width;
        }

        modules.Add(nn.Linear(inputs, plan.Classes));
        layers = nn.Sequential(modules);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var flat = input.flatten(1);
        return layers.call(flat);
    }
}
