using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace NasOrleans.Deploy.Tests.Keda;

/// <summary>
/// KEDA's ScaledObject (keda.sh/v1alpha1), with the fields deploy/k8s uses, so that the strict loader rejects a
/// misspelt one; the full KEDA schema is checked by deploy/k8s/validate (npm @kubernetes-models/keda).
/// </summary>
[KubernetesEntity(Group = "keda.sh", ApiVersion = "v1alpha1", Kind = "ScaledObject", PluralName = "scaledobjects")]
public sealed class ScaledObject : IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "keda.sh/v1alpha1";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "ScaledObject";

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public ScaledObjectSpec Spec { get; set; } = new();
}
