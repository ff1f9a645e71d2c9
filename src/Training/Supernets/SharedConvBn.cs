using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasOrleans.Training.Supernets;

/// <summary>
/// A convolution (no bias, padding k/2) whose weight is shared by every path and every domain, then a batch norm
/// per domain, then ReLU6 when asked. The weight has the largest shape any path needs; a path uses its leading slice
/// [outputs, inputs / groups] (TuNAS's filter masking, done by slicing so that a smaller path computes exactly what
/// its stand-alone network computes), and the leading channels of the batch norm's parameters and statistics.
/// </summary>
internal sealed class SharedConvBn : nn.Module
{
    private const double Momentum = 0.1;
    private const double Epsilon = 1e-5;

    private readonly Conv2d conv;
    private readonly ModuleList<BatchNorm2d> norms;
    private readonly long _kernel;
    private readonly bool _depthwise;

    /// <summary>
    /// A layer of at most <paramref name="maxInputs"/> to <paramref name="maxOutputs"/> channels, with
    /// <paramref name="domains"/> batch norms; a depthwise one has one input channel per output channel.
    /// </summary>
    public SharedConvBn(long maxInputs, long maxOutputs, long kernel, int domains, bool depthwise = false)
        : base(nameof(SharedConvBn))
    {
        conv = nn.Conv2d(depthwise ? maxOutputs : maxInputs, maxOutputs, kernel, padding: kernel / 2, groups: depthwise ? maxOutputs : 1, bias: false);
        norms = nn.ModuleList(Enumerable.Range(0, domains).Select(_ => nn.BatchNorm2d(maxOutputs)).ToArray());
        _kernel = kernel;
        _depthwise = depthwise;
        RegisterComponents();
    }

    /// <summary>
    /// Applies the layer to <paramref name="input"/> (its channel count is the path's): <paramref name="outputs"/>
    /// channels (a depthwise layer: as many as its input), <paramref name="groups"/> groups (ignored when depthwise),
    /// the batch norm of <paramref name="domain"/> (batch statistics and running-statistics updates in training mode).
    /// </summary>
    public Tensor Apply(Tensor input, long outputs, long stride, long groups, int domain, bool activate, PathRecorder? recorder)
    {
        var inputs = input.shape[1];
        if (_depthwise)
        {
            (outputs, groups) = (inputs, inputs);
        }

        using var rows = conv.weight!.narrow(0, 0, outputs);
        using var weight = rows.narrow(1, 0, inputs / groups);
        using var dense = weight.contiguous();
        using var convolved = nn.functional.conv2d(input, dense, strides: [stride, stride], padding: [_kernel / 2, _kernel / 2], groups: groups);
        var norm = norms[domain];
        using var scale = norm.weight!.narrow(0, 0, outputs);
        using var shift = norm.bias!.narrow(0, 0, outputs);
        using var mean = norm.running_mean!.narrow(0, 0, outputs);
        using var variance = norm.running_var!.narrow(0, 0, outputs);
        recorder?.Convolution(weight.alias(), convolved.shape[2], convolved.shape[3]);
        recorder?.BatchNorm(scale.alias(), shift.alias(), mean.alias(), variance.alias(), norm.num_batches_tracked!.alias());
        var normalized = nn.functional.batch_norm(convolved, mean, variance, scale, shift, training, Momentum, Epsilon);
        if (training)
        {
            using var _ = no_grad();
            norm.num_batches_tracked!.add_(1);
        }

        if (!activate)
        {
            return normalized;
        }

        using (normalized)
        {
            return nn.functional.relu6(normalized);
        }
    }
}
