using NasOrleans.Core.Nb201;
using NasOrleans.Core.Spaces;
using TorchSharp;
using static TorchSharp.torch;

namespace NasOrleans.Training.Models;

/// <summary>Builds the TorchSharp module of an architecture of a built-in space (mlp, mobile-cnn, nb201).</summary>
/// <remarks>
/// <para>
/// <c>mlp</c> (TabNAS): the input flattened, then Linear(features, width_1), ReLU, …, Linear(width_layers, classes);
/// no batch norm, no dropout.
/// </para>
/// <para>
/// <c>mobile-cnn</c> (MobileNetV2/V3-like): a stem of a 3x3 convolution to 16 channels, batch norm and ReLU6, with
/// stride 1 (stride 2 only when the smaller input side is above 64 pixels, so 28x28 and 32x32 images keep their
/// resolution); then the stages in order, a stage of depth 0 being skipped (an identity), each other stage
/// <c>s{k}_depth</c> blocks of type <c>s{k}_block</c> with kernel <c>s{k}_kernel</c>, expansion
/// <c>s{k}_expansion</c> and <c>s{k}_width</c> output channels. The first block of stage 2 and of stage 3 has stride 2
/// when its input map is at least 8 pixels on its smaller side (28 → 14 → 7); every other block has stride 1. A
/// block adds its input when its stride is 1 and it has as many channels in as out. Blocks: <c>dw_ibn</c> = 1x1
/// expand, kxk depthwise, 1x1 project (no expand convolution at expansion 1, as in MobileNetV2); <c>fused_ibn</c> =
/// kxk full convolution expand, 1x1 project (at expansion 1 a single kxk convolution, as in EfficientNetV2);
/// <c>group_ibn</c> = 1x1 group convolution expand (2 groups), kxk depthwise, channel shuffle, 1x1 group convolution
/// project (2 groups; 1 where a channel count is odd; no expand convolution at expansion 1). Every convolution is
/// without bias and followed by batch norm, then ReLU6 except after a project convolution. Head: 1x1 convolution to
/// 128 channels, batch norm, ReLU6, global average pooling, Linear(128, classes).
/// </para>
/// <para>
/// <c>nb201</c>: NAS-Bench-201's network (see <see cref="Nb201CostModel"/>) with
/// <see cref="Nb201NetworkOptions.Training"/> (C = 16, N = 1) unless options are given; the stem has stride 1, so
/// 28x28 images go 28 → 14 → 7 through the stages.
/// </para>
/// <para>Convolutional networks take [batch, C, H, W], or [batch, C·H·W] which they view as images.</para>
/// </remarks>
public static class ModelBuilder
{
    /// <summary>The space kinds this class (and <see cref="ModelCost"/>) can build.</summary>
    public static IReadOnlyList<string> SupportedKinds { get; } = [SpaceCatalog.Mlp, SpaceCatalog.MobileCnn, Nb201Space.KindName];

    /// <summary>
    /// The module for <paramref name="architecture"/>: input [batch, C, H, W] (or [batch, features]), output logits
    /// [batch, classes]; an <c>nb201</c> cell gets the network of <see cref="Nb201NetworkOptions.Training"/>.
    /// Throws <see cref="ArgumentException"/> for a space kind it cannot build, naming the kinds it can.
    /// </summary>
    public static nn.Module<Tensor, Tensor> Build(SearchSpace space, Architecture architecture, InputShape input, int classes) =>
        Build(space, architecture, input, classes, Nb201NetworkOptions.Training);

    /// <summary>
    /// The module for <paramref name="architecture"/>, an <c>nb201</c> cell getting the network of
    /// <paramref name="nb201"/> (other kinds ignore it).
    /// </summary>
    public static nn.Module<Tensor, Tensor> Build(SearchSpace space, Architecture architecture, InputShape input, int classes, Nb201NetworkOptions nb201)
    {
        Check(space, architecture, input, classes);
        return space.Kind switch
        {
            SpaceCatalog.Mlp => new MlpNetwork(MlpPlan.From(space, architecture, input, classes)),
            SpaceCatalog.MobileCnn => new MobileCnnNetwork(MobileCnnPlan.From(space, architecture, input, classes)),
            Nb201Space.KindName => new Nb201Network(Nb201Plan.From(space, architecture, input, classes, nb201)),
            _ => throw Unsupported(space.Kind),
        };
    }

    /// <summary>Checks the arguments shared by building and costing.</summary>
    internal static void Check(SearchSpace space, Architecture architecture, InputShape input, int classes)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        if (input.Channels < 1 || input.Height < 1 || input.Width < 1)
        {
            throw new ArgumentException($"The input shape {Format(input)} has a dimension below 1.", nameof(input));
        }

        if (space.Kind is SpaceCatalog.MobileCnn or Nb201Space.KindName && !input.IsImage)
        {
            throw new ArgumentException(
                $"The '{space.Kind}' space builds a convolutional network, which needs images (height and width above 1); the input is {Format(input)}. Use the '{SpaceCatalog.Mlp}' space for tabular data.",
                nameof(input));
        }
    }

    /// <summary>The error for a space kind without a builder.</summary>
    internal static ArgumentException Unsupported(string kind) =>
        new($"The space kind '{kind}' has no model builder; supported kinds: {string.Join(", ", SupportedKinds)}.", "space");

    private static string Format(InputShape input) => $"{input.Channels}x{input.Height}x{input.Width}";
}
