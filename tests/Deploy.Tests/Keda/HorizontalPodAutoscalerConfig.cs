using System.Text.Json.Serialization;
using k8s.Models;

namespace NasOrleans.Deploy.Tests.Keda;

/// <summary>The HPA settings KEDA passes on.</summary>
public sealed class HorizontalPodAutoscalerConfig
{
    [JsonPropertyName("behavior")]
    public V2HorizontalPodAutoscalerBehavior? Behavior { get; set; }
}
