namespace NasOrleans.Training.Supernets;

/// <summary>The kinds of layer a <see cref="PathRecorder"/> sees.</summary>
internal enum RecordedLayerKind
{
    /// <summary>A convolution without bias.</summary>
    Convolution,

    /// <summary>A batch norm with affine scale and shift.</summary>
    BatchNorm,

    /// <summary>A Linear layer with bias.</summary>
    Linear,
}
