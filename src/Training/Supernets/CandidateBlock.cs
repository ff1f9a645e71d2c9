using System.Globalization;
using NasOrleans.Training.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasOrleans.Training.Supernets;

/// <summary>
/// One candidate op of a supernet position: a block type with a kernel and an expansion, laid out as
/// <see cref="InvertedBottleneck"/> lays it out (without the residual, which the position adds), its convolutions
/// sized for the most channels the position can see.
/// </summary>
internal sealed class CandidateBlock : nn.Module
{
    private readonly ModuleList<SharedConvBn> layers;
    private readonly string _block;

    /// <summary>The op <paramref name="block"/> / <paramref name="kernel"/> / <paramref name="expansion"/> for at most <paramref name="maxInputs"/> and <paramref name="maxOutputs"/> channels.</summary>
    public CandidateBlock(string block, int kernel, int expansion, int maxInputs, int maxOutputs, int domains)
        : base(nameof(CandidateBlock))
    {
        var maxHidden = maxInputs * expansion;
        var list = new List<SharedConvBn>();
        if (block == MobileCnnPlan.FusedBlock)
        {
            list.Add(new SharedConvBn(maxInputs, expansion > 1 ? maxHidden : maxOutputs, kernel, domains));
            if (expansion > 1)
            {
                list.Add(new SharedConvBn(maxHidden, maxOutputs, 1, domains));
            }
        }
        else
        {
            if (expansion > 1)
            {
                list.Add(new SharedConvBn(maxInputs, maxHidden, 1, domains));
            }

            list.Add(new SharedConvBn(maxHidden, maxHidden, kernel, domains, depthwise: true));
            list.Add(new SharedConvBn(maxHidden, maxOutputs, 1, domains));
        }

        layers = nn.ModuleList(list.ToArray());
        _block = block;
        RegisterComponents();
    }

    /// <summary>The key of an op within its position, such as <c>dw_ibn_k3_e6</c>.</summary>
    public static string Key(string block, int kernel, int expansion) => string.Create(CultureInfo.InvariantCulture, $"{block}_k{kernel}_e{expansion}");

    /// <summary>The block of <paramref name="plan"/> (whose type, kernel and expansion are this op's) without its residual.</summary>
    public Tensor Apply(Tensor input, MobileBlockPlan plan, int domain, PathRecorder? recorder)
    {
        if (_block == MobileCnnPlan.FusedBlock)
        {
            if (!plan.Expands)
            {
                return layers[0].Apply(input, plan.Outputs, plan.Stride, 1, domain, activate: true, recorder);
            }

            using var expanded = layers[0].Apply(input, plan.Hidden, plan.Stride, 1, domain, activate: true, recorder);
            return layers[1].Apply(expanded, plan.Outputs, 1, 1, domain, activate: false, recorder);
        }

        var next = 0;
        using var hidden = plan.Expands
            ? layers[next++].Apply(input, plan.Hidden, 1, plan.Groups, domain, activate: true, recorder)
            : input.alias();
        using var spatial = layers[next++].Apply(hidden, plan.Hidden, plan.Stride, 1, domain, activate: true, recorder);
        using var mixed = plan.Groups > 1 ? Shuffle(spatial, plan.Groups) : spatial.alias();
        return layers[next].Apply(mixed, plan.Outputs, 1, plan.Groups, domain, activate: false, recorder);
    }

    /// <summary>ShuffleNet's channel shuffle, computed as <see cref="ChannelShuffle"/> computes it.</summary>
    private static Tensor Shuffle(Tensor input, long groups)
    {
        var (batch, channels, height, width) = (input.shape[0], input.shape[1], input.shape[2], input.shape[3]);
        using var grouped = input.view(batch, groups, channels / groups, height, width);
        using var swapped = grouped.transpose(1, 2);
        return swapped.reshape(batch, channels, height, width);
    }
}
