using NasOrleans.Core.Spaces;
using NasOrleans.Training.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace NasOrleans.Training.Supernets.Tunas;

/// <summary>
/// The one-shot accuracy of a path: the accuracy of a fixed path through a trained <see cref="Supernet"/>, with the
/// shared weights as they are, on held-out samples (TuNAS's one-shot model accuracy, the signal its ranking rests on).
/// </summary>
/// <remarks>
/// As the search's own validation, batch norms use each batch's statistics (the supernet in training mode): running
/// statistics mixed over many paths describe none of them. Every buffer (running statistics, batch counts) is restored
/// afterwards, so an evaluation leaves no trace in the supernet.
/// </remarks>
public static class OneShotEvaluator
{
    /// <summary>The default evaluation batch.</summary>
    public const int DefaultBatchSize = 500;

    /// <summary>The accuracy in percent of <paramref name="path"/> for <paramref name="domain"/> on every sample of <paramref name="data"/>.</summary>
    public static double Accuracy(Supernet supernet, Architecture path, Dataset data, int domain = 0, int batchSize = DefaultBatchSize)
    {
        ArgumentNullException.ThrowIfNull(supernet);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var device = supernet.parameters().First().device;
        var buffers = supernet.buffers().ToArray();
        var saved = buffers.Select(b => b.clone().DetachFromDisposeScope()).ToArray();
        var wasTraining = supernet.training;
        long correct = 0;
        try
        {
            supernet.train();
            using var _ = no_grad();
            for (var start = 0; start < data.Count; start += batchSize)
            {
                using var scope = NewDisposeScope();
                var length = Math.Min(batchSize, data.Count - start);
                var x = data.Features.narrow(0, start, length).to(device);
                var y = data.Labels.narrow(0, start, length).to(device);
                correct += supernet.forward(x, path, domain).argmax(1).eq(y).sum().item<long>();
            }
        }
        finally
        {
            using (no_grad())
            {
                for (var i = 0; i < buffers.Length; i++)
                {
                    buffers[i].copy_(saved[i]);
                    saved[i].Dispose();
                }
            }

            supernet.train(wasTraining);
        }

        return data.Count == 0 ? double.NaN : 100.0 * correct / data.Count;
    }
}
