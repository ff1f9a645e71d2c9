using System.IO.Compression;
using System.Text.Json;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Specs;
using NasOrleans.Core.Trainers;
using NasOrleans.Training.Data;
using NasOrleans.Training.Devices;
using NasOrleans.Training.Loop;
using NasOrleans.Training.Models;
using NasOrleans.Training.Supernets.MultiPath;
using NasOrleans.Training.Trainers;
using TorchSharp;
using static TorchSharp.torch;

namespace NasOrleans.Training.Export;

/// <summary>
/// A model exported by <c>nas export</c>, loaded for inference in any process: it rebuilds the network from
/// the description, loads the weights, and classifies raw inputs (normalized as in training). A multi-path model
/// (a <c>mpnas</c> or <c>tunas</c> study's final model) has a head per domain: name the domain when predicting.
/// </summary>
public sealed class ExportedModel : IDisposable
{
    private readonly nn.Module<Tensor, Tensor>? _module;
    private readonly MultiPathModel? _multiPath;
    private readonly FeatureNormalization[] _normalizations;

    private ExportedModel(ModelDescription description, nn.Module<Tensor, Tensor>? module, MultiPathModel? multiPath, Device device)
    {
        Description = description;
        (_module, _multiPath) = (module, multiPath);
        Device = device;
        _normalizations = description.Domains is { Count: > 0 } domains
            ? [.. domains.Select(d => new FeatureNormalization(d.InputScale, d.Mean, d.Std))]
            : [new FeatureNormalization(description.InputScale, description.Mean, description.Std)];
    }

    /// <summary>The trainable values the model holds (a multi-path model: each of its nodes once, and each domain's head and batch norms).</summary>
    public long Parameters => (_multiPath ?? (nn.Module)_module!).parameters().Sum(p => p.numel());

    /// <summary>The domains of a multi-path model, in order (empty for a single network).</summary>
    public IReadOnlyList<string> Domains => [.. (Description.Domains ?? []).Select(d => d.Name)];

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
        MultiPathModel? multiPath = description.Domains is { Count: > 0 } domains
            ? new MultiPathModel(space, shape, [.. domains.Select(d => d.Classes)], [.. domains.Select(d => Architecture.FromKey(d.ArchitectureKey))])
            : null;
        nn.Module module = multiPath ?? (nn.Module)ModelBuilder.Build(space, Architecture.FromKey(description.ArchitectureKey), shape, description.Classes);
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
        return new ExportedModel(description, multiPath is null ? (nn.Module<Tensor, Tensor>)module : null, multiPath, chosen);
    }

    /// <summary>Class indices of raw samples (each the sample's features as stored, e.g. pixel bytes 0-255 for IDX images).</summary>
    public int[] Predict(IReadOnlyList<float[]> rawSamples) => Predict(rawSamples, null);

    /// <summary>
    /// Class indices of raw samples of <paramref name="domain"/> (a multi-path model's domain, by name; null for a single
    /// network), from that domain's head, normalized as that domain was in training.
    /// </summary>
    public int[] Predict(IReadOnlyList<float[]> rawSamples, string? domain)
    {
        ArgumentNullException.ThrowIfNull(rawSamples);
        var index = DomainIndex(domain);
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
            _normalizations[Math.Max(index, 0)].Apply(span);
        }

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var input = tensor(buffer, [rawSamples.Count, .. Description.InputShape.Select(d => (long)d)]).to(Device);
        var logits = _multiPath is not null ? _multiPath.forward(input, index) : _module!.forward(input);
        return [.. logits.argmax(1).cpu().data<long>().Select(v => (int)v)];
    }

    /// <summary>Accuracy (percent) on an already normalized dataset, such as a <see cref="DatasetCatalog"/> split's test part.</summary>
    public double Evaluate(Dataset dataset) => Evaluate(dataset, null);

    /// <summary>Accuracy (percent) of <paramref name="domain"/>'s path (null for a single network) on an already normalized dataset.</summary>
    public double Evaluate(Dataset dataset, string? domain)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var index = DomainIndex(domain);
        if (_multiPath is null)
        {
            return ModelEvaluator.Evaluate(_module!, dataset, Device, 1024, CancellationToken.None).Accuracy;
        }

        using var path = _multiPath.ExtractStandalone(index);
        path.eval();
        return ModelEvaluator.Evaluate(path, dataset, Device, 1024, CancellationToken.None).Accuracy;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _module?.Dispose();
        _multiPath?.Dispose();
    }

    /// <summary>The index of <paramref name="domain"/>; -1 for a single network; throws naming the domains when it does not fit.</summary>
    private int DomainIndex(string? domain)
    {
        if (_multiPath is null)
        {
            return domain is null
                ? -1
                : throw new ArgumentException($"This model is a single network with no domains; predict without a domain (got '{domain}').", nameof(domain));
        }

        var index = Domains.ToList().IndexOf(domain ?? "");
        return index >= 0
            ? index
            : throw new ArgumentException(
                domain is null
                    ? $"This multi-path model has a head per domain: name one of {string.Join(", ", Domains)}."
                    : $"This multi-path model has no domain '{domain}'; its domains are {string.Join(", ", Domains)}.",
                nameof(domain));
    }
}
