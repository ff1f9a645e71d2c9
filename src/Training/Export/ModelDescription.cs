using System.Text.Json.Serialization;

namespace NasOrleans.Training.Export;

/// <summary>
/// The JSON description that travels with trained weights: what network to build (the study's spec and the
/// architecture), its input, and how raw inputs are normalized. Written as <c>model.json</c>.
/// </summary>
public sealed record ModelDescription
{
    /// <summary>The format version of this description.</summary>
    [JsonPropertyName("format_version")] public int FormatVersion { get; init; } = 1;

    /// <summary>The study, when known.</summary>
    [JsonPropertyName("study")] public string? Study { get; init; }

    /// <summary>The trial.</summary>
    [JsonPropertyName("trial")] public long Trial { get; init; }

    /// <summary>The study's canonical spec JSON (its space rebuilds the network); set on export.</summary>
    [JsonPropertyName("spec")] public string? Spec { get; init; }

    /// <summary>The architecture's key within the space.</summary>
    [JsonPropertyName("architecture_key")] public required string ArchitectureKey { get; init; }

    /// <summary>The architecture by decision name, for people.</summary>
    [JsonPropertyName("architecture")] public IReadOnlyDictionary<string, string> Architecture { get; init; } = new Dictionary<string, string>();

    /// <summary>The space kind.</summary>
    [JsonPropertyName("space_kind")] public required string SpaceKind { get; init; }

    /// <summary>Input channels, height and width (tabular: features, 1, 1).</summary>
    [JsonPropertyName("input_shape")] public required int[] InputShape { get; init; }

    /// <summary>The number of classes.</summary>
    [JsonPropertyName("classes")] public int Classes { get; init; }

    /// <summary>Class names, when the dataset has them.</summary>
    [JsonPropertyName("class_names")] public IReadOnlyList<string>? ClassNames { get; init; }

    /// <summary>The dataset the weights were trained on.</summary>
    [JsonPropertyName("dataset")] public string? Dataset { get; init; }

    /// <summary>Raw input scale: features are multiplied by it before normalization.</summary>
    [JsonPropertyName("input_scale")] public float InputScale { get; init; } = 1;

    /// <summary>Normalization mean (one value for images, one per feature for tabular data).</summary>
    [JsonPropertyName("mean")] public float[] Mean { get; init; } = [0];

    /// <summary>Normalization standard deviation.</summary>
    [JsonPropertyName("std")] public float[] Std { get; init; } = [1];

    /// <summary>The trial's metrics when the weights were saved.</summary>
    [JsonPropertyName("metrics")] public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>
    /// The domains of a multi-path model (MPNAS's final model, format version 2): each domain's path, head and input
    /// normalization; null for a single network (then <see cref="ArchitectureKey"/> and <see cref="Classes"/> describe it).
    /// </summary>
    [JsonPropertyName("domains")] public IReadOnlyList<DomainDescription>? Domains { get; init; }
}
