using NasOrleans.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace NasOrleans.Training.Data;

/// <summary>
/// One part of a dataset (train, validation or test) as CPU tensors: features float32 shaped
/// [count, channels, height, width] for images or [count, features] for tabular data, labels int64 [count].
/// The tensors belong to no dispose scope. Datasets from <see cref="DatasetCatalog"/> are shared between
/// trials for the life of the process: never dispose them.
/// </summary>
public sealed class Dataset : IDisposable
{
    /// <summary>Creates a part from tensors it takes ownership of; throws when their shapes disagree.</summary>
    public Dataset(string name, Tensor features, Tensor labels, InputShape shape, int classes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        if (labels.dim() != 1 || labels.dtype != ScalarType.Int64)
        {
            throw new ArgumentException($"Labels must be a vector of int64, not {labels.dtype} shaped [{string.Join(',', labels.shape)}].", nameof(labels));
        }

        var expected = shape.IsImage ? new long[] { labels.shape[0], shape.Channels, shape.Height, shape.Width } : [labels.shape[0], shape.Features];
        if (features.dtype != ScalarType.Float32 || !features.shape.SequenceEqual(expected))
        {
            throw new ArgumentException(
                $"Features must be float32 shaped [{string.Join(',', expected)}], not {features.dtype} shaped [{string.Join(',', features.shape)}].", nameof(features));
        }

        Name = name;
        Features = features.DetachFromDisposeScope();
        Labels = labels.DetachFromDisposeScope();
        Shape = shape;
        Classes = classes;
    }

    /// <summary>The part's name, such as <c>fashion-mnist/train</c>.</summary>
    public string Name { get; }

    /// <summary>The features (float32, CPU).</summary>
    public Tensor Features { get; }

    /// <summary>The class index of each sample (int64, CPU).</summary>
    public Tensor Labels { get; }

    /// <summary>The shape of one sample.</summary>
    public InputShape Shape { get; }

    /// <summary>The number of classes.</summary>
    public int Classes { get; }

    /// <summary>The number of samples.</summary>
    public int Count => (int)Labels.shape[0];

    /// <summary>The samples at <paramref name="indices"/> (in that order), as a new part named <paramref name="name"/>.</summary>
    public Dataset Select(string name, long[] indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        using var scope = NewDisposeScope();
        using var index = torch.tensor(indices, ScalarType.Int64);
        var features = Features.index_select(0, index).DetachFromDisposeScope();
        var labels = Labels.index_select(0, index).DetachFromDisposeScope();
        return new Dataset(name, features, labels, Shape, Classes);
    }

    /// <summary>
    /// The first <paramref name="count"/> samples (all when the part is smaller) as a new part that shares this
    /// part's memory (disposing it leaves this part intact).
    /// </summary>
    public Dataset Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        count = Math.Min(count, Count);
        using var scope = NewDisposeScope();
        var features = Features.narrow(0, 0, count).DetachFromDisposeScope();
        var labels = Labels.narrow(0, 0, count).DetachFromDisposeScope();
        return new Dataset($"{Name}[..{count}]", features, labels, Shape, Classes);
    }

    /// <summary>The labels as an array.</summary>
    public long[] LabelArray() => Labels.data<long>().ToArray();

    /// <inheritdoc />
    public void Dispose()
    {
        Features.Dispose();
        Labels.Dispose();
    }
}
