using NasOrleans.Training.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace NasOrleans.Training.Loop;

/// <summary>Accuracy and loss of a module on a dataset part, in evaluation mode without gradients.</summary>
public static class ModelEvaluator
{
    /// <summary>(accuracy in percent, mean cross-entropy) of <paramref name="module"/> on <paramref name="data"/>; leaves the module in evaluation mode.</summary>
    public static (double Accuracy, double Loss) Evaluate(nn.Module<Tensor, Tensor> module, Dataset data, Device device, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        module.eval();
        using var noGrad = torch.no_grad();
        long correct = 0;
        double loss = 0;
        for (var start = 0; start < data.Count; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var length = Math.Min(batchSize, data.Count - start);
            var x = data.Features.narrow(0, start, length).to(device);
            var y = data.Labels.narrow(0, start, length).to(device);
            var logits = module.forward(x);
            loss += nn.functional.cross_entropy(logits, y, reduction: nn.Reduction.Sum).item<float>();
            correct += logits.argmax(1).eq(y).sum().item<long>();
        }

        return data.Count == 0 ? (double.NaN, double.NaN) : (100.0 * correct / data.Count, loss / data.Count);
    }
}
