using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace NasOrleans.Training.Models;

/// <summary>Measures how long a model takes to answer one sample.</summary>
public static class LatencyMeter
{
    /// <summary>
    /// The median time, in milliseconds, of a forward pass of one random sample of <paramref name="input"/>'s shape
    /// ([1, C, H, W] for images, [1, features] for tabular inputs) on <paramref name="device"/>, in eval mode without
    /// gradients, after <paramref name="warmup"/> passes that are not timed. The model is moved to
    /// <paramref name="device"/> (TorchSharp moves a module in place) and stays there; its training mode is restored.
    /// </summary>
    public static double Measure(nn.Module<Tensor, Tensor> model, InputShape input, Device device, int warmup = 5, int repeats = 30)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(device);
        ArgumentOutOfRangeException.ThrowIfNegative(warmup);
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        var wasTraining = model.training;
        model.to(device);
        model.eval();
        try
        {
            using var noGrad = no_grad();
            using var sample = input.IsImage
                ? randn([1, input.Channels, input.Height, input.Width], device: device)
                : randn([1, input.Features], device: device);
            var times = new double[repeats];
            for (var i = -warmup; i < repeats; i++)
            {
                using var scope = NewDisposeScope();
                var watch = Stopwatch.StartNew();
                model.call(sample);
                if (device.type == DeviceType.CUDA)
                {
                    cuda.synchronize(device);
                }

                watch.Stop();
                if (i >= 0)
                {
                    times[i] = watch.Elapsed.TotalMilliseconds;
                }
            }

            Array.Sort(times);
            return repeats % 2 == 1 ? times[repeats / 2] : (times[(repeats / 2) - 1] + times[repeats / 2]) / 2;
        }
        finally
        {
            model.train(wasTraining);
        }
    }
}
