using TorchSharp;
using static TorchSharp.torch;

namespace NasOrleans.Training.Models;

/// <summary>The module of a <see cref="MobileCnnPlan"/>: stem, blocks, head convolution, global average pooling, classifier.</summary>
internal sealed class MobileCnnNetwork : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> stem;
    private readonly nn.Module<Tensor, Tensor> blocks;
    private readonly nn.Module<Tensor, Tensor> head;
    private readonly nn.Module<Tensor, Tensor> classifier;
    private readonly InputShape _input;

    /// <summary>Builds the layers of <paramref name="plan"/>.</summary>
    public MobileCnnNetwork(MobileCnnPlan plan)
        : base(nameof(MobileCnnNetwork))
    {
        stem = nn.Sequential(ConvLayers.ConvBn(plan.Input.Channels, MobileCnnPlan.StemChannels, 3, plan.StemStride));
        blocks = nn.Sequential(plan.Blocks.Select(b => (nn.Module<Tensor, Tensor>)new InvertedBottleneck(b)));
        var headLayers = ConvLayers.ConvBn(plan.LastChannels, MobileCnnPlan.HeadChannels, 1).ToList();
        headLayers.Add(nn.AdaptiveAvgPool2d(1));
        headLayers.Add(nn.Flatten(1));
        head = nn.Sequential(headLayers);
        classifier = nn.Linear(MobileCnnPlan.HeadChannels, plan.Classes);
        _input = plan.Input;
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ConvLayers.AsImages(input, _input).Then(stem).Then(blocks).Then(head).Then(classifier);
    }
}
