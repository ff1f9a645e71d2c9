using System.Text.Json.Serialization;

namespace NasOrleans.Training.Export;

/// <summary>One domain of an exported multi-path model (MPNAS): its path, classes, input normalization and metrics.</summary>
public sealed record DomainDescription
{
    /// <summary>The domain's name, as the spec's <c>domains:</c> entry names it.</summary>
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <summary>The dataset the domain trained on.</summary>
    [JsonPropertyName("dataset")] public string? Dataset { get; init; }

    /// <summary>The domain's path: an architecture key within the space.</summary>
    [JsonPropertyName("architecture_key")] public required string ArchitectureKey { get; init; }

    /// <summary>The path by decision name, for people.</summary>
    [JsonPropertyName("architecture")] public IReadOnlyDictionary<string, string> Architecture { get; init; } = new Dictionary<string, string>();

    /// <summary>The number of classes of the domain's head.</summary>
    [JsonPropertyName("classes")] public int Classes { get; init; }

    /// <summary>Raw input scale: features are multiplied by it before normalization.</summary>
    [JsonPropertyName("input_scale")] public float InputScale { get; init; } = 1;

    /// <summary>Normalization mean.</summary>
    [JsonPropertyName("mean")] public float[] Mean { get; init; } = [0];

    /// <summary>Normalization standard deviation.</summary>
    [JsonPropertyName("std")] public float[] Std { get; init; } = [1];

    /// <summary>The domain's metrics when the model was saved (test accuracy, path params and FLOPs).</summary>
    [JsonPropertyName("metrics")] public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();
}
