using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasOrleans.Training.Supernets;

/// <summary>
/// Copies the tensors a supernet path used into a stand-alone network: its convolutions, batch norms and Linear
/// layers, in the order a forward pass calls them (found with forward hooks: the order of <c>modules()</c> is not the
/// forward order, it follows field reflection), matched one to one with the recorded layers, kind and shape checked.
/// </summary>
internal static class StandaloneCopier
{
    /// <summary>Copies <paramref name="layers"/> into <paramref name="model"/>; throws when the two do not line up.</summary>
    public static void Copy(IReadOnlyList<RecordedLayer> layers, nn.Module<Tensor, Tensor> model, long[] sampleShape)
    {
        var targets = ForwardOrder(model, sampleShape);
        if (targets.Count != layers.Count)
        {
            throw new InvalidOperationException($"The stand-alone network has {targets.Count} layers with weights; the supernet path used {layers.Count}.");
        }

        using var _ = no_grad();
        for (var i = 0; i < layers.Count; i++)
        {
            var (kind, sources) = (layers[i].Kind, layers[i].Tensors);
            Tensor[] destinations = (targets[i], kind) switch
            {
                (Conv2d conv, RecordedLayerKind.Convolution) => [conv.weight!],
                (BatchNorm2d norm, RecordedLayerKind.BatchNorm) => [norm.weight!, norm.bias!, norm.running_mean!, norm.running_var!, norm.num_batches_tracked!],
                (Linear linear, RecordedLayerKind.Linear) => [linear.weight!, linear.bias!],
                _ => throw new InvalidOperationException($"Layer {i}: the stand-alone network has a {targets[i].GetType().Name}; the supernet path used a {kind}."),
            };
            for (var t = 0; t < destinations.Length; t++)
            {
                if (!destinations[t].shape.SequenceEqual(sources[t].shape))
                {
                    throw new InvalidOperationException(
                        $"Layer {i} ({kind}), tensor {t}: the stand-alone shape is [{string.Join(", ", destinations[t].shape)}], the supernet's [{string.Join(", ", sources[t].shape)}].");
                }

                destinations[t].copy_(sources[t]);
            }
        }
    }

    /// <summary>The layers with weights of <paramref name="model"/> in the order one eval-mode pass of a zero sample calls them.</summary>
    private static List<nn.Module> ForwardOrder(nn.Module<Tensor, Tensor> model, long[] sampleShape)
    {
        var called = new List<nn.Module>();
        var removers = model.modules()
            .OfType<nn.Module<Tensor, Tensor>>()
            .Where(m => m is Conv2d or BatchNorm2d or Linear)
            .Select(m => m.register_forward_pre_hook(called.Add))
            .ToList();
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var _ = no_grad();
            using var probe = zeros(sampleShape);
            using var output = model.call(probe);
        }
        finally
        {
            removers.ForEach(r => r.remove());
            model.train(wasTraining);
        }

        return called;
    }
}
