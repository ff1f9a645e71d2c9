namespace NasOrleans.Training.Models;

/// <summary>
/// One inverted-bottleneck block of a <c>mobile-cnn</c> network: its type (<c>dw_ibn</c>, <c>fused_ibn</c> or
/// <c>group_ibn</c>), channels, kernel, stride, groups of its 1x1 convolutions (1 but for <c>group_ibn</c>), and its input and output map sizes.
/// </summary>
internal sealed record MobileBlockPlan(
    string Block,
    int Inputs,
    int Outputs,
    int Expansion,
    int Kernel,
    int Stride,
    int Groups,
    int InHeight,
    int InWidth)
{
    /// <summary>Channels after the expansion (inputs x expansion).</summary>
    public int Hidden => Inputs * Expansion;

    /// <summary>Whether the block has an expansion convolution (expansion above 1).</summary>
    public bool Expands => Expansion > 1;

    /// <summary>Whether the input is added to the output (stride 1 and as many channels in as out).</summary>
    public bool Residual => Stride == 1 && Inputs == Outputs;

    /// <summary>Output map height (a k x k convolution with padding k/2 and stride s gives ceil(n/s)).</summary>
    public int OutHeight => (InHeight + Stride - 1) / Stride;

    /// <summary>Output map width.</summary>
    public int OutWidth => (InWidth + Stride - 1) / Stride;

    /// <summary>Adds the block's convolutions and batch norms, in the order the module applies them.</summary>
    public void AddCost(CostCounter counter)
    {
        switch (Block)
        {
            case MobileCnnPlan.FusedBlock when Expands:
                counter.Convolution(Inputs, Hidden, Kernel, 1, OutHeight, OutWidth);
                counter.BatchNorm(Hidden);
                counter.Convolution(Hidden, Outputs, 1, 1, OutHeight, OutWidth);
                counter.BatchNorm(Outputs);
                break;
            case MobileCnnPlan.FusedBlock:
                counter.Convolution(Inputs, Outputs, Kernel, 1, OutHeight, OutWidth);
                counter.BatchNorm(Outputs);
                break;
            default:
                if (Expands)
                {
                    counter.Convolution(Inputs, Hidden, 1, Groups, InHeight, InWidth);
                    counter.BatchNorm(Hidden);
                }

                counter.Convolution(Hidden, Hidden, Kernel, Hidden, OutHeight, OutWidth);
                counter.BatchNorm(Hidden);
                counter.Convolution(Hidden, Outputs, 1, Groups, OutHeight, OutWidth);
                counter.BatchNorm(Outputs);
                break;
        }
    }
}
