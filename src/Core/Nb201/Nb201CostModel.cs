using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Nb201;

/// <summary>
/// Parameters and FLOPs of the NAS-Bench-201 macro network for a cell, computed from the architecture alone.
/// </summary>
/// <remarks>
/// The network (NAS-Bench-201's <c>TinyNetwork</c>): a stem of a 3x3 convolution to <c>baseChannels</c> and batch
/// norm; three stages of <c>cellsPerStage</c> cells with C, 2C and 4C channels; between stages a residual reduction
/// block (two ReLU-Conv-BN 3x3 convolutions, the first of stride 2, and a shortcut of 2x2 average pooling and a 1x1
/// convolution); then batch norm, ReLU, global average pooling and a linear classifier. In a cell, <c>nor_conv_1x1</c>
/// and <c>nor_conv_3x3</c> are ReLU-Conv-BN (convolution without bias, affine batch norm); <c>avg_pool_3x3</c>,
/// <c>skip_connect</c> and <c>none</c> have no parameters. FLOPs count as NAS-Bench-201's counter does: the
/// multiply-adds of convolutions and the classifier (with its bias), none for batch norm, activations or pooling.
/// This reproduces the published figures of the benchmark exactly (for example 15.64737 MFLOPs and 0.129306 M
/// parameters for cell 0 on CIFAR-10). A stride-2 step takes an image of n pixels to ceil(n/2), as its convolution does.
/// </remarks>
public static class Nb201CostModel
{
    /// <summary>The cost on a dataset of the benchmark (its input size and number of classes, 16 channels, 5 cells per stage).</summary>
    public static Nb201Cost Compute(Architecture architecture, Nb201Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return Compute(architecture, dataset.InputChannels, dataset.ImageSize, dataset.Classes);
    }

    /// <summary>
    /// The cost for an input of <paramref name="inputChannels"/> x <paramref name="imageSize"/> x <paramref name="imageSize"/>
    /// (for example 1 x 28 x 28 for Fashion-MNIST) and <paramref name="numClasses"/> outputs.
    /// </summary>
    public static Nb201Cost Compute(Architecture architecture, int inputChannels, int imageSize, int numClasses, int baseChannels = 16, int cellsPerStage = 5)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputChannels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(imageSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(numClasses, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(baseChannels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(cellsPerStage, 0);
        var operations = CellOperations(architecture);

        var counter = new Counter();
        long size = imageSize;
        long channels = baseChannels;
        counter.Convolution(inputChannels, channels, 3, size);
        counter.BatchNorm(channels);
        for (var stage = 0; stage < 3; stage++)
        {
            long width = (long)baseChannels << stage;
            if (stage > 0)
            {
                size = (size + 1) / 2;
                counter.Convolution(channels, width, 3, size);
                counter.BatchNorm(width);
                counter.Convolution(width, width, 3, size);
                counter.BatchNorm(width);
                counter.Convolution(channels, width, 1, size);
                channels = width;
            }

            for (var cell = 0; cell < cellsPerStage; cell++)
            {
                foreach (var op in operations)
                {
                    switch (op)
                    {
                        case "nor_conv_1x1":
                            counter.Convolution(width, width, 1, size);
                            counter.BatchNorm(width);
                            break;
                        case "nor_conv_3x3":
                            counter.Convolution(width, width, 3, size);
                            counter.BatchNorm(width);
                            break;
                    }
                }
            }
        }

        counter.BatchNorm(channels);
        counter.Linear(channels, numClasses);
        return new Nb201Cost(counter.Params / 1e6, counter.Flops / 1e6);
    }

    private static List<string> CellOperations(Architecture architecture)
    {
        if (architecture.Values.Length != Nb201Space.Edges.Count)
        {
            throw new ArgumentException($"A NAS-Bench-201 cell has {Nb201Space.Edges.Count} edges; this architecture has {architecture.Values.Length} values.", nameof(architecture));
        }

        var result = new List<string>(architecture.Values.Length);
        foreach (var value in architecture.Values)
        {
            var index = (int)value;
            if (index != value || index < 0 || index >= Nb201Space.Operations.Count)
            {
                throw new ArgumentException($"{value} is not an operation index (0..{Nb201Space.Operations.Count - 1}).", nameof(architecture));
            }

            result.Add(Nb201Space.Operations[index]);
        }

        return result;
    }

    private sealed class Counter
    {
        public long Params { get; private set; }

        public long Flops { get; private set; }

        public void Convolution(long inputs, long outputs, long kernel, long outputSize)
        {
            var weights = inputs * outputs * kernel * kernel;
            Params += weights;
            Flops += weights * outputSize * outputSize;
        }

        public void BatchNorm(long channels) => Params += 2 * channels;

        public void Linear(long inputs, long outputs)
        {
            Params += (inputs * outputs) + outputs;
            Flops += (inputs * outputs) + outputs;
        }
    }
}
