using System.Text.Json.Serialization;

namespace NasOrleans.Deploy.Tests.Keda;

/// <summary>One trigger of a ScaledObject (type prometheus: metadata serverAddress, query, threshold, ...).</summary>
public sealed class ScaleTrigger
{
    [JsonPropertyName("type")]
    public string Type { get; set; } = "";

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("metadata")]
    public IDictionary<string, string> Metadata { get; set; } = new Dictionary<string, string>();
}
