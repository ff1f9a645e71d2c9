namespace NasOrleans.Training.Data;

/// <summary>
/// A deterministic transform of every image of a dataset, named by a prefix of the dataset name
/// (<c>inverted:</c>, <c>rotated90:</c>, <c>upsampled:</c>; see <see cref="ImageTransforms"/>).
/// </summary>
public enum ImageTransform
{
    /// <summary><c>inverted:</c> each pixel p (after the loader's scaling to [0, 1]) becomes 1 - p.</summary>
    Inverted,

    /// <summary><c>rotated90:</c> each image turns 90 degrees clockwise (H x W becomes W x H).</summary>
    Rotated90,

    /// <summary><c>upsampled:</c> each image is resized to 28 x 28 by nearest-neighbour sampling.</summary>
    Upsampled,
}
