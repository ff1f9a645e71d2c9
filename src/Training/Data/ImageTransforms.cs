using NasOrleans.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace NasOrleans.Training.Data;

/// <summary>
/// The image transforms a dataset name can start with, applied to the pixels after the loader's scaling and before the
/// normalization with the train part's statistics. They compose, innermost first: <c>inverted:upsampled:digits</c> resizes
/// scikit-learn's 8x8 digits to 28x28, then inverts them. The split (train, validation, test) depends only on the labels and
/// the split seed, so a transformed dataset splits exactly like the dataset it transforms. Images only: a tabular dataset
/// with a transform is an error.
/// </summary>
public static class ImageTransforms
{
    /// <summary>The side of the square images <see cref="ImageTransform.Upsampled"/> makes.</summary>
    public const int UpsampledSize = 28;

    /// <summary>The name prefixes (without the colon), in the order of <see cref="ImageTransform"/>.</summary>
    public static IReadOnlyList<string> Prefixes { get; } = ["inverted", "rotated90", "upsampled"];

    /// <summary>The name prefix of <paramref name="transform"/> (without the colon).</summary>
    public static string Prefix(ImageTransform transform) => Prefixes[(int)transform];

    /// <summary>
    /// Whether <paramref name="name"/> starts with a transform prefix; if so, the transform and the name it applies to.
    /// </summary>
    public static bool TrySplit(string name, out ImageTransform transform, out string inner)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (var i = 0; i < Prefixes.Count; i++)
        {
            if (name.StartsWith(Prefixes[i] + ":", StringComparison.Ordinal))
            {
                transform = (ImageTransform)i;
                inner = name[(Prefixes[i].Length + 1)..];
                return true;
            }
        }

        (transform, inner) = (default, string.Empty);
        return false;
    }

    /// <summary>
    /// The sample shape after <paramref name="transform"/>; throws <see cref="InvalidDataException"/> naming
    /// <paramref name="dataset"/> when <paramref name="shape"/> is not an image.
    /// </summary>
    public static InputShape Shape(InputShape shape, ImageTransform transform, string dataset)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (!shape.IsImage)
        {
            throw new InvalidDataException(TabularProblem(transform, dataset, $"its samples are {shape.Features} features, not images"));
        }

        return transform switch
        {
            ImageTransform.Rotated90 => shape with { Height = shape.Width, Width = shape.Height },
            ImageTransform.Upsampled => shape with { Height = UpsampledSize, Width = UpsampledSize },
            _ => shape,
        };
    }

    /// <summary>The sample shape after all of <paramref name="transforms"/>, in order.</summary>
    public static InputShape Shape(InputShape shape, IEnumerable<ImageTransform> transforms, string dataset) =>
        transforms.Aggregate(shape, (s, t) => Shape(s, t, dataset));

    /// <summary>
    /// <paramref name="images"/> (float32 [count, channels, height, width], scaled to [0, 1]) after
    /// <paramref name="transform"/>, as a new tensor; the input is left as it was.
    /// </summary>
    public static Tensor Apply(Tensor images, ImageTransform transform)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.dim() != 4)
        {
            throw new ArgumentException($"Image transforms take [count, channels, height, width], not [{string.Join(',', images.shape)}].", nameof(images));
        }

        return transform switch
        {
            ImageTransform.Inverted => images.neg().add_(1f),
            ImageTransform.Rotated90 => images.transpose(2, 3).flip(3).contiguous(),
            ImageTransform.Upsampled => Nearest(images, UpsampledSize, UpsampledSize),
            _ => throw new ArgumentOutOfRangeException(nameof(transform), transform, "Unknown image transform."),
        };
    }

    /// <summary><paramref name="images"/> after all of <paramref name="transforms"/>, in order (the input itself when there are none).</summary>
    public static Tensor Apply(Tensor images, IEnumerable<ImageTransform> transforms) =>
        transforms.Aggregate(images, Apply);

    /// <summary>The problem of an image transform on a tabular dataset, with the fix.</summary>
    internal static string TabularProblem(ImageTransform transform, string dataset, string why) =>
        $"the image transform '{Prefix(transform)}:' applies to image datasets only, and '{dataset}' is tabular ({why}); "
        + $"remove '{Prefix(transform)}:', or transform an image dataset ({DatasetCatalog.FashionMnist}, {DatasetCatalog.Mnist}, {DatasetCatalog.Digits} or idx: images)";

    /// <summary>Nearest-neighbour resize: output row i reads input row floor(i * height / rows), and likewise for columns.</summary>
    private static Tensor Nearest(Tensor images, int rows, int columns)
    {
        var height = images.shape[2];
        var width = images.shape[3];
        using var rowIndex = torch.tensor(Enumerable.Range(0, rows).Select(i => i * height / rows).ToArray(), ScalarType.Int64);
        using var columnIndex = torch.tensor(Enumerable.Range(0, columns).Select(j => j * width / columns).ToArray(), ScalarType.Int64);
        using var tall = images.index_select(2, rowIndex);
        return tall.index_select(3, columnIndex);
    }
}
