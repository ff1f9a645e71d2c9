namespace NasOrleans.Training.Models;

/// <summary>
/// Adds up the trainable parameters and the multiply-adds (for one sample) of the layers of a network as its
/// plan lays them out; batch norm adds its scale and shift (2 per channel) and no FLOPs.
/// </summary>
internal sealed class CostCounter
{
    /// <summary>Trainable parameters so far.</summary>
    public long Params { get; private set; }

    /// <summary>Multiply-adds so far.</summary>
    public double Flops { get; private set; }

    /// <summary>A convolution without bias producing an <paramref name="outHeight"/> x <paramref name="outWidth"/> map.</summary>
    public void Convolution(long inputs, long outputs, long kernel, long groups, long outHeight, long outWidth)
    {
        var weights = inputs / groups * outputs * kernel * kernel;
        Params += weights;
        Flops += (double)weights * outHeight * outWidth;
    }

    /// <summary>A batch norm with affine scale and shift.</summary>
    public void BatchNorm(long channels) => Params += 2 * channels;

    /// <summary>A linear layer with bias; its bias counts as FLOPs only when <paramref name="biasFlops"/> is set.</summary>
    public void Linear(long inputs, long outputs, bool biasFlops = false)
    {
        Params += (inputs * outputs) + outputs;
        Flops += (inputs * outputs) + (biasFlops ? outputs : 0);
    }
}
