using System.Globalization;
using NasOrleans.Core.Spaces;

namespace NasOrleans.Training.Models;

/// <summary>
/// The layout of a <c>mobile-cnn</c> architecture: a stem (3x3 convolution to <see cref="StemChannels"/>, batch
/// norm, ReLU6), the blocks of the present stages, and a head (1x1 convolution to <see cref="HeadChannels"/>, batch
/// norm, ReLU6, global average pooling, Linear to the classes).
/// </summary>
internal sealed record MobileCnnPlan(InputShape Input, int StemStride, IReadOnlyList<MobileBlockPlan> Blocks, int Classes)
{
    /// <summary>The depthwise inverted bottleneck (MobileNetV2).</summary>
    public const string DepthwiseBlock = "dw_ibn";

    /// <summary>The fused inverted bottleneck (EfficientNetV2's Fused-MBConv).</summary>
    public const string FusedBlock = "fused_ibn";

    /// <summary>The inverted bottleneck with group 1x1 convolutions and a channel shuffle.</summary>
    public const string GroupBlock = "group_ibn";

    /// <summary>Channels of the stem convolution.</summary>
    public const int StemChannels = 16;

    /// <summary>Channels of the head's 1x1 convolution.</summary>
    public const int HeadChannels = 128;

    /// <summary>Groups of a <c>group_ibn</c> block's 1x1 convolutions (1 where a channel count is odd).</summary>
    public const int GroupCount = 2;

    /// <summary>Inputs whose smaller side is above this many pixels get a stride-2 stem.</summary>
    public const int LargeInputSide = 64;

    /// <summary>A stage among <see cref="ReducingStages"/> starts with stride 2 when its input map is at least this big.</summary>
    public const int MinReducibleSide = 8;

    /// <summary>The (1-based) stages whose first block may downsample (28x28 inputs: 14, 7, 7), so full-resolution maps stay cheap.</summary>
    public static readonly IReadOnlyList<int> ReducingStages = [1, 2, 3];

    /// <summary>Height of the stem's output map.</summary>
    public int StemHeight => (Input.Height + StemStride - 1) / StemStride;

    /// <summary>Width of the stem's output map.</summary>
    public int StemWidth => (Input.Width + StemStride - 1) / StemStride;

    /// <summary>Channels entering the head.</summary>
    public int LastChannels => Blocks.Count == 0 ? StemChannels : Blocks[^1].Outputs;

    /// <summary>The plan of <paramref name="architecture"/>: decisions <c>s{k}_depth</c>, <c>s{k}_block</c>, <c>s{k}_kernel</c>, <c>s{k}_expansion</c>, <c>s{k}_width</c>.</summary>
    public static MobileCnnPlan From(SearchSpace space, Architecture architecture, InputShape input, int classes)
    {
        var reader = new DescriptionReader(space, architecture);
        var stemStride = Math.Min(input.Height, input.Width) > LargeInputSide ? 2 : 1;
        var height = (input.Height + stemStride - 1) / stemStride;
        var width = (input.Width + stemStride - 1) / stemStride;
        var channels = StemChannels;
        var blocks = new List<MobileBlockPlan>();
        for (var stage = 1; space.IndexOf(Name(stage, "depth")) >= 0; stage++)
        {
            var depth = reader.Int(Name(stage, "depth"));
            if (depth == 0)
            {
                continue;
            }

            var block = reader.Text(Name(stage, "block"));
            if (block is not (DepthwiseBlock or FusedBlock or GroupBlock))
            {
                throw new ArgumentException($"Decision '{Name(stage, "block")}' holds '{block}'; known blocks: {DepthwiseBlock}, {FusedBlock}, {GroupBlock}.", nameof(architecture));
            }

            var kernel = reader.Int(Name(stage, "kernel"));
            var expansion = reader.Int(Name(stage, "expansion"));
            var outputs = reader.Int(Name(stage, "width"));
            for (var i = 0; i < depth; i++)
            {
                var stride = i == 0 && ReducingStages.Contains(stage) && Math.Min(height, width) >= MinReducibleSide ? 2 : 1;
                var groups = block == GroupBlock && channels % GroupCount == 0 && outputs % GroupCount == 0 ? GroupCount : 1;
                var plan = new MobileBlockPlan(block, channels, outputs, expansion, kernel, stride, groups, height, width);
                blocks.Add(plan);
                (channels, height, width) = (outputs, plan.OutHeight, plan.OutWidth);
            }
        }

        return new MobileCnnPlan(input, stemStride, blocks, classes);
    }

    /// <summary>Adds the stem, the blocks and the head (pooling counts no FLOPs).</summary>
    public void AddCost(CostCounter counter)
    {
        counter.Convolution(Input.Channels, StemChannels, 3, 1, StemHeight, StemWidth);
        counter.BatchNorm(StemChannels);
        foreach (var block in Blocks)
        {
            block.AddCost(counter);
        }

        var (height, width) = Blocks.Count == 0 ? (StemHeight, StemWidth) : (Blocks[^1].OutHeight, Blocks[^1].OutWidth);
        counter.Convolution(LastChannels, HeadChannels, 1, 1, height, width);
        counter.BatchNorm(HeadChannels);
        counter.Linear(HeadChannels, Classes);
    }

    private static string Name(int stage, string decision) => string.Create(CultureInfo.InvariantCulture, $"s{stage}_{decision}");
}
