using TorchSharp;
using static TorchSharp.torch;

namespace NasOrleans.Training.Models;

/// <summary>
/// NAS-Bench-201's <c>TinyNetwork</c> for an <see cref="Nb201Plan"/>: stem (3x3 convolution to C, batch norm), three
/// stages of N cells with C, 2C and 4C channels separated by <see cref="Nb201ReductionBlock"/>s, then batch norm,
/// ReLU, global average pooling and a Linear classifier.
/// </summary>
internal sealed class Nb201Network : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> stem;
    private readonly nn.Module<Tensor, Tensor> cells;
    private readonly nn.Module<Tensor, Tensor> head;
    private readonly nn.Module<Tensor, Tensor> classifier;
    private readonly InputShape _input;

    /// <summary>Builds the layers of <paramref name="plan"/>.</summary>
    public Nb201Network(Nb201Plan plan)
        : base(nameof(Nb201Network))
    {
        long channels = plan.Options.Channels;
        stem = nn.Sequential(
            nn.Conv2d(plan.Input.Channels, channels, 3, padding: 1, bias: false),
            nn.BatchNorm2d(channels));
        var layers = new List<nn.Module<Tensor, Tensor>>();
        for (var stage = 0; stage < 3; stage++)
        {
            var stageChannels = (long)plan.Options.Channels << stage;
            if (stage > 0)
            {
                layers.Add(new Nb201ReductionBlock(channels, stageChannels));
                channels = stageChannels;
            }

            for (var cell = 0; cell < plan.Options.CellsPerStage; cell++)
            {
                layers.Add(new Nb201Cell(plan.Operations, channels));
            }
        }

        cells = nn.Sequential(layers);
        head = nn.Sequential(nn.BatchNorm2d(channels), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(1));
        classifier = nn.Linear(channels, plan.Classes);
        _input = plan.Input;
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ConvLayers.AsImages(input, _input).Then(stem).Then(cells).Then(head).Then(classifier);
    }
}
