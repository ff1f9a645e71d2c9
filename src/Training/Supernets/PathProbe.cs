using NasOrleans.Core.Spaces;
using NasOrleans.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace NasOrleans.Training.Supernets;

/// <summary>
/// What the <see cref="Supernet"/> and the <see cref="MultiPath.MultiPathModel"/> do alike: record the layers one path
/// uses (an eval-mode pass of a zero sample, no statistics change), build the path's stand-alone network from them,
/// and write or read their weights as bytes.
/// </summary>
internal static class PathProbe
{
    /// <summary>Runs <paramref name="run"/> once in eval mode on a zero sample of <paramref name="input"/> and returns what it recorded.</summary>
    public static PathRecorder Record(nn.Module module, InputShape input, Device device, Func<Tensor, PathRecorder, Tensor> run)
    {
        var recorder = new PathRecorder();
        var wasTraining = module.training;
        module.eval();
        try
        {
            using var _ = no_grad();
            using var probe = zeros(1, input.Channels, input.Height, input.Width, device: device);
            using var logits = run(probe, recorder);
        }
        finally
        {
            module.train(wasTraining);
        }

        return recorder;
    }

    /// <summary>
    /// The stand-alone network <see cref="ModelBuilder"/> builds for <paramref name="path"/>, holding copies of the layers
    /// <paramref name="record"/> records, left in training mode when <paramref name="training"/>.
    /// </summary>
    public static nn.Module<Tensor, Tensor> Standalone(SearchSpace space, Architecture path, InputShape input, int classes, Func<PathRecorder> record, bool training)
    {
        var model = ModelBuilder.Build(space, path, input, classes);
        using (NewDisposeScope())
        {
            StandaloneCopier.Copy(record().Layers, model, [1, input.Channels, input.Height, input.Width]);
        }

        model.train(training);
        return model;
    }

    /// <summary>The head convolution, global average pooling and <paramref name="domain"/>'s classifier applied to the last block's output.</summary>
    public static Tensor Classify(SharedConvBn head, TorchSharp.Modules.Linear classifier, Tensor last, int domain, PathRecorder? recorder)
    {
        using var features = head.Apply(last, MobileCnnPlan.HeadChannels, 1, 1, domain, activate: true, recorder);
        using var pooled = nn.functional.adaptive_avg_pool2d(features, 1);
        using var flat = pooled.flatten(1);
        recorder?.Linear(classifier.weight!.alias(), classifier.bias!.alias());
        return classifier.call(flat);
    }

    /// <summary>Every weight and buffer of <paramref name="module"/> as bytes.</summary>
    public static byte[] Save(nn.Module module)
    {
        using var stream = new MemoryStream();
        module.save(stream);
        return stream.ToArray();
    }

    /// <summary>Loads what <see cref="Save"/> wrote into a module of the same layout.</summary>
    public static void Load(nn.Module module, byte[] weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        using var stream = new MemoryStream(weights, writable: false);
        module.load(stream);
    }
}
