using static TorchSharp.torch;

namespace NasOrleans.Training.Supernets;

/// <summary>
/// Collects, in forward order, the layers and the exact tensor slices one forward pass of a path used, and counts
/// their trainable values and multiply-adds (for one sample) as <see cref="Models.CostCounter"/> does: batch norm
/// adds its scale and shift and no FLOPs, a Linear layer's bias no FLOPs. The tensors are views: use them within
/// the dispose scope of the pass.
/// </summary>
internal sealed class PathRecorder
{
    private readonly List<RecordedLayer> _layers = [];

    /// <summary>The layers used, in the order the pass applied them.</summary>
    public IReadOnlyList<RecordedLayer> Layers => _layers;

    /// <summary>Trainable values of the recorded layers.</summary>
    public long Params { get; private set; }

    /// <summary>Multiply-adds of the recorded layers for one sample.</summary>
    public double Flops { get; private set; }

    /// <summary>A convolution that read <paramref name="weight"/> and produced an <paramref name="outHeight"/> x <paramref name="outWidth"/> map.</summary>
    public void Convolution(Tensor weight, long outHeight, long outWidth)
    {
        _layers.Add(new RecordedLayer(RecordedLayerKind.Convolution, [weight]));
        Params += weight.numel();
        Flops += (double)weight.numel() * outHeight * outWidth;
    }

    /// <summary>A batch norm that read these (sliced) parameters and buffers.</summary>
    public void BatchNorm(Tensor weight, Tensor bias, Tensor runningMean, Tensor runningVar, Tensor batches)
    {
        _layers.Add(new RecordedLayer(RecordedLayerKind.BatchNorm, [weight, bias, runningMean, runningVar, batches]));
        Params += weight.numel() + bias.numel();
    }

    /// <summary>A Linear layer of <paramref name="weight"/> [outputs, inputs] and <paramref name="bias"/>.</summary>
    public void Linear(Tensor weight, Tensor bias)
    {
        _layers.Add(new RecordedLayer(RecordedLayerKind.Linear, [weight, bias]));
        Params += weight.numel() + bias.numel();
        Flops += weight.numel();
    }
}
