using System.IO.Compression;
using System.Text.Json;
using NasOrleans.Core.Spaces;
using NasOrleans.Training.Supernets.MultiPath;

namespace NasOrleans.Training.Export;

/// <summary>
/// The package of a trained <see cref="MultiPathModel"/>: the same zip layout as <see cref="ModelPackage"/> (
/// <c>model.json</c> and <c>weights.dat</c>), the description at format version 2 with one entry per domain, so
/// <see cref="ExportedModel.Load"/> rebuilds it and predicts for a named domain.
/// </summary>
public static class MultiPathPackage
{
    /// <summary>The description's format version for multi-path models.</summary>
    public const int FormatVersion = 2;

    /// <summary>The package's bytes: <paramref name="model"/>'s weights and a description of its domains.</summary>
    public static byte[] Create(MultiPathModel model, SearchSpace space, string specJson, string? study, IReadOnlyList<DomainDescription> domains, IReadOnlyDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(domains);
        if (domains.Count != model.Domains)
        {
            throw new ArgumentException($"The model has {model.Domains} domains; {domains.Count} were described.", nameof(domains));
        }

        var description = new ModelDescription
        {
            FormatVersion = FormatVersion,
            Study = study,
            Trial = 1,
            Spec = specJson,
            ArchitectureKey = model.Paths[0].Key,
            Architecture = space.Describe(model.Paths[0]),
            SpaceKind = space.Kind,
            InputShape = [.. InputShapeOf(model)],
            Classes = model.Classes[0],
            Dataset = domains[0].Dataset,
            Metrics = metrics,
            Domains = [.. domains.Select((d, i) => d with { ArchitectureKey = model.Paths[i].Key, Architecture = space.Describe(model.Paths[i]), Classes = model.Classes[i] })],
        };
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var entry = zip.CreateEntry(ArtifactStore.DescriptionFile).Open())
            {
                JsonSerializer.Serialize(entry, description, ArtifactStore.Json);
            }

            using var weights = zip.CreateEntry(ArtifactStore.WeightsFile).Open();
            weights.Write(model.SaveWeights());
        }

        return stream.ToArray();
    }

    private static int[] InputShapeOf(MultiPathModel model) => [model.Input.Channels, model.Input.Height, model.Input.Width];
}
