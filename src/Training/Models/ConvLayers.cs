using TorchSharp;
using static TorchSharp.torch;

namespace NasOrleans.Training.Models;

/// <summary>Small building blocks shared by the convolutional networks.</summary>
internal static class ConvLayers
{
    /// <summary>
    /// A k x k convolution without bias (padding k/2, so stride s gives ceil(n/s)), batch norm and, when
    /// <paramref name="activate"/>, ReLU6.
    /// </summary>
    public static IEnumerable<nn.Module<Tensor, Tensor>> ConvBn(long inputs, long outputs, long kernel, long stride = 1, long groups = 1, bool activate = true)
    {
        yield return nn.Conv2d(inputs, outputs, kernel, stride: stride, padding: kernel / 2, groups: groups, bias: false);
        yield return nn.BatchNorm2d(outputs);
        if (activate)
        {
            yield return nn.ReLU6();
        }
    }

    /// <summary>The input as images: a [batch, features] tensor is viewed as [batch, C, H, W]; an image batch is returned as is.</summary>
    public static Tensor AsImages(Tensor input, InputShape shape) =>
        input.dim() == 2 ? input.view(input.shape[0], shape.Channels, shape.Height, shape.Width) : input.alias();

    /// <summary>Applies <paramref name="module"/> to <paramref name="owned"/>, then disposes <paramref name="owned"/> (unless returned as the result).</summary>
    public static Tensor Then(this Tensor owned, nn.Module<Tensor, Tensor> module)
    {
        var result = module.call(owned);
        if (!ReferenceEquals(result, owned))
        {
            owned.Dispose();
        }

        return result;
    }
}
