using TorchSharp;
using static TorchSharp.torch;

namespace NasOrleans.Training.Models;

/// <summary>
/// A <c>mobile-cnn</c> block as its <see cref="MobileBlockPlan"/> says, with the input added when
/// <see cref="MobileBlockPlan.Residual"/>:
/// <c>dw_ibn</c>: [1x1 expand, BN, ReLU6] → kxk depthwise (stride), BN, ReLU6 → 1x1 project, BN;
/// <c>fused_ibn</c>: kxk expand (stride), BN, ReLU6 → 1x1 project, BN (expansion 1: one kxk convolution, BN, ReLU6);
/// <c>group_ibn</c>: [1x1 group expand, BN, ReLU6] → kxk depthwise, BN, ReLU6 → channel shuffle → 1x1 group project, BN.
/// The expansion convolution (in brackets) is left out when the expansion is 1, as in MobileNetV2.
/// </summary>
internal sealed class InvertedBottleneck : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> body;
    private readonly bool _residual;

    /// <summary>Builds the block of <paramref name="plan"/>.</summary>
    public InvertedBottleneck(MobileBlockPlan plan)
        : base(nameof(InvertedBottleneck))
    {
        var layers = new List<nn.Module<Tensor, Tensor>>();
        if (plan.Block == MobileCnnPlan.FusedBlock)
        {
            if (plan.Expands)
            {
                layers.AddRange(ConvLayers.ConvBn(plan.Inputs, plan.Hidden, plan.Kernel, plan.Stride));
                layers.AddRange(ConvLayers.ConvBn(plan.Hidden, plan.Outputs, 1, activate: false));
            }
            else
            {
                layers.AddRange(ConvLayers.ConvBn(plan.Inputs, plan.Outputs, plan.Kernel, plan.Stride));
            }
        }
        else
        {
            if (plan.Expands)
            {
                layers.AddRange(ConvLayers.ConvBn(plan.Inputs, plan.Hidden, 1, groups: plan.Groups));
            }

            layers.AddRange(ConvLayers.ConvBn(plan.Hidden, plan.Hidden, plan.Kernel, plan.Stride, groups: plan.Hidden));
            if (plan.Groups > 1)
            {
                layers.Add(new ChannelShuffle(plan.Groups));
            }

            layers.AddRange(ConvLayers.ConvBn(plan.Hidden, plan.Outputs, 1, groups: plan.Groups, activate: false));
        }

        body = nn.Sequential(layers);
        _residual = plan.Residual;
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        var output = body.call(input);
        if (!_residual)
        {
            return output;
        }

        using (output)
        {
            return output.add(input);
        }
    }
}
