namespace NasOrleans.Training.Loop;

/// <summary>Random changes of image batches during training (ignored for tabular data); combine with |.</summary>
[Flags]
public enum Augmentation
{
    /// <summary>No augmentation.</summary>
    None = 0,

    /// <summary>Random horizontal flip of each image (probability 1/2).</summary>
    Flip = 1,

    /// <summary>Random crop back to the original size after padding 2 pixels on each side (edge pixels replicated).</summary>
    Crop = 2,
}
