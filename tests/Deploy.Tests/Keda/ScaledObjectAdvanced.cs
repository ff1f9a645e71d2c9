using System.Text.Json.Serialization;

namespace NasOrleans.Deploy.Tests.Keda;

/// <summary>A ScaledObject's advanced settings: the behavior of the HPA that KEDA creates.</summary>
public sealed class ScaledObjectAdvanced
{
    [JsonPropertyName("horizontalPodAutoscalerConfig")]
    public HorizontalPodAutoscalerConfig? HorizontalPodAutoscalerConfig { get; set; }
}
