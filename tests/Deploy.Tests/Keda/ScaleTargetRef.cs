using System.Text.Json.Serialization;

namespace NasOrleans.Deploy.Tests.Keda;

/// <summary>What a ScaledObject scales.</summary>
public sealed class ScaleTargetRef
{
    [JsonPropertyName("apiVersion")]
    public string? ApiVersion { get; set; }

    [JsonPropertyName("kind")]
    public string? Kind { get; set; }

    [JsonPropertyName("name")]
    public string Name { get; set; } = "";
}
