using TorchSharp;
using static TorchSharp.torch;

namespace NasOrleans.Training.Models;

/// <summary>
/// NAS-Bench-201's residual reduction block between stages: ReLU-Conv(3x3, stride 2)-BN, ReLU-Conv(3x3)-BN, plus a
/// shortcut of 2x2 average pooling (stride 2; ceil mode, so odd sizes match the convolution's ceil(n/2)) and a 1x1
/// convolution without bias.
/// </summary>
internal sealed class Nb201ReductionBlock : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> convA;
    private readonly nn.Module<Tensor, Tensor> convB;
    private readonly nn.Module<Tensor, Tensor> shortcut;

    /// <summary>A block from <paramref name="inputs"/> to <paramref name="outputs"/> channels at half the resolution.</summary>
    public Nb201ReductionBlock(long inputs, long outputs)
        : base(nameof(Nb201ReductionBlock))
    {
        convA = Nb201Cell.ReluConvBn(inputs, outputs, 3, 2);
        convB = Nb201Cell.ReluConvBn(outputs, outputs, 3, 1);
        shortcut = nn.Sequential(
            nn.AvgPool2d(2, stride: 2, padding: 0, ceil_mode: true),
            nn.Conv2d(inputs, outputs, 1, bias: false));
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var a = convA.call(input);
        using var b = convB.call(a);
        using var residual = shortcut.call(input);
        return b.add(residual);
    }
}
