namespace NasOrleans.Training.Models;

/// <summary>The shape of one input sample: channels x height x width (tabular data: features x 1 x 1).</summary>
public sealed record InputShape(int Channels, int Height, int Width)
{
    /// <summary>Values per sample.</summary>
    public int Features => Channels * Height * Width;

    /// <summary>Whether the input is an image (height and width above 1).</summary>
    public bool IsImage => Height > 1 && Width > 1;
}
