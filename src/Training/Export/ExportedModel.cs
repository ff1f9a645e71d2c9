using System.IO.Compression;
using System.Text.Json;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Specs;
using NasOrleans.Core.Trainers;
using NasOrleans.Training.Data;
using NasOrleans.Training.Devices;
using NasOrleans.Training.Loop;
using NasOrleans.Training.Models;
using NasOrleans.Training.Trainers;
using TorchSharp;
using static TorchSharp.torch;

namespace NasOrleans.Training.Export;

/// <summary>
/// A model exported by <c>nas export</c>, loaded for inference in any process: it rebuilds the network from
/// the description, loads the weights, and classifies raw inputs (normalized as in training).
/// </summary>
public sealed class ExportedModel : IDisposable
{
    private readonly nn.Module<Tensor, Tensor> _module;
    private readonly FeatureNormalization _normalization;

    private ExportedModel(ModelDescription description, nn.Module<Tensor, Tensor> module, Device device)
    {
        Description = description;
        _module = module;
        Device = device;
        _normalization = new FeatureNormalization(description.InputScale, description.Mean, description.Std);
    }

    /// <summary>What the model is.</summary>
    public ModelDescription Description { get; }

    /// <summary>The device it runs on.</summary>
    public Device Device { get; }

    /// <summary>Loads a package written by <see cref="ModelPackage.Write"/>; <paramref name="device"/> as <see cref="DeviceSelector.Choose"/> reads it.</summary>
    public static ExportedModel Load(string path, string? device = null)
    {
        using var zip = ZipFile.OpenRead(path);
        var entry = zip.GetEntry(ArtifactStore.DescriptionFile) ?? throw new InvalidDataException($"{path} is not a NasOrleans model package: it has no {ArtifactStore.DescriptionFile}.");
        ModelDescription description;
        using (var stream = entry.Open())
        {
            description = JsonSerializer.Deserialize<ModelDescription>(stream, ArtifactStore.Json)
                ?? throw new InvalidDataException($"{path}: empty {ArtifactStore.DescriptionFile}.");
        }

        var spec = StudySpecParser.ParseJson(description.Spec ?? throw new InvalidDataException($"{path}: the description has no spec."), TorchTrainers.Catalog);
        var space = SpaceCatalog.Create(spec.Space);
        var shape = new InputShape(description.InputShape[0], description.InputShape[1], description.InputShape[2]);
        var module = ModelBuilder.Build(space, Architecture.FromKey(description.ArchitectureKey), shape, description.Classes);
        var weights = Path.Combine(Path.GetTempPath(), $"nas-weights-{Guid.NewGuid():N}.dat");
        try
        {
            (zip.GetEntry(ArtifactStore.WeightsFile) ?? throw new InvalidDataException($"{path} has no {ArtifactStore.WeightsFile}.")).ExtractToFile(weights);
            module.load(weights);
        }
        finally
        {
            File.Delete(weights);
        }

        var chosen = DeviceSelector.Choose(device);
        module.to(chosen);
        module.eval();
        return new ExportedModel(description, module, chosen);
    }

    /// <summary>Class indices of raw samples (each the sample's features as stored, e.g. pixel bytes 0-255 for IDX images).</summary>
    public int[] Predict(IReadOnlyList<float[]> rawSamples)
    {
        ArgumentNullException.ThrowIfNull(rawSamples);
        var features = Description.InputShape.Aggregate(1, (a, b) => a * b);
        var buffer = new float[rawSamples.Count * features];
        for (var i = 0; i < rawSamples.Count; i++)
        {
            if (rawSamples[i].Length != features)
            {
                throw new ArgumentException($"Sample {i} has {rawSamples[i].Length} features; the model takes {features}.", nameof(rawSamples));
            }

            var span = buffer.AsSpan(i * features, features);
            rawSamples[i].CopyTo(span);
            _normalization.Apply(span);
        }

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var input = tensor(buffer, [rawSamples.Count, .. Description.InputShape.Select(d => (long)d)]).to(Device);
        return [.. _module.forward(input).argmax(1).cpu().data<long>().Select(v => (int)v)];
    }

    /// <summary>Accuracy (percent) on an already normalized dataset, such as a <see cref="DatasetCatalog"/> split's test part.</summary>
    public double Evaluate(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return ModelEvaluator.Evaluate(_module, dataset, Device, 1024, CancellationToken.None).Accuracy;
    }

    /// <inheritdoc />
    public void Dispose() => _module.Dispose();
}
