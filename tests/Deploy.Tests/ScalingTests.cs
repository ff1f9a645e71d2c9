using System.Reflection;
using System.Text.RegularExpressions;
using NasOrleans.Deploy.Tests.Keda;
using NasOrleans.Grains.Telemetry;

namespace NasOrleans.Deploy.Tests;

/// <summary>The trainers scale on the queue the silos export (KEDA ScaledObjects; the HPA alternative in dev-hpa).</summary>
public sealed partial class ScalingTests
{
    [Theory]
    [MemberData(nameof(RepositoryPaths.OverlayData), MemberType = typeof(RepositoryPaths))]
    public void Trainers_EachScaledByOneAutoscaler(string overlay)
    {
        var manifests = RenderedManifests.ForOverlay(overlay);
        var scaled = manifests.OfType<ScaledObject>().Select(s => s.Spec.ScaleTargetRef.Name)
            .Concat(manifests.OfType<V2HorizontalPodAutoscaler>().Select(h => h.Spec.ScaleTargetRef.Name))
            .ToList();
        var trainers = manifests.SiloDeployments.Where(d => d.Spec.Template.Metadata.Labels["nasorleans.io/role"] == "trainer").Select(d => d.Metadata.Name);
        Assert.Equal(trainers.Order(StringComparer.Ordinal), scaled.Order(StringComparer.Ordinal));
        Assert.All(manifests.SiloDeployments.Where(d => scaled.Contains(d.Metadata.Name)), d => Assert.Null(d.Spec.Replicas));
    }

    [Theory]
    [MemberData(nameof(RepositoryPaths.OverlayData), MemberType = typeof(RepositoryPaths))]
    public void ScaledObjects_PrometheusTrigger_QueriesExportedPendingTrials(string overlay)
    {
        foreach (var scaledObject in RenderedManifests.ForOverlay(overlay).OfType<ScaledObject>())
        {
            var trigger = Assert.Single(scaledObject.Spec.Triggers);
            Assert.Equal("prometheus", trigger.Type);
            var query = trigger.Metadata["query"];
            Assert.Contains($"sum({NasMetricNames.PrometheusClusterTrialsPending})", query, StringComparison.Ordinal);
            Assert.All(MetricName().Matches(query).Select(m => m.Value), name => Assert.Contains(name, ExportedPrometheusNames()));
            Assert.True(int.Parse(trigger.Metadata["threshold"], System.Globalization.CultureInfo.InvariantCulture) > 0);
            Assert.True(scaledObject.Spec.MaxReplicaCount > scaledObject.Spec.MinReplicaCount);
            Assert.NotNull(scaledObject.Spec.CooldownPeriod);
            Assert.NotNull(scaledObject.Spec.Advanced?.HorizontalPodAutoscalerConfig?.Behavior?.ScaleDown?.StabilizationWindowSeconds);
        }
    }

    [Fact]
    public void HpaAlternative_ExternalMetric_IsExportedPendingTrials()
    {
        var hpa = Assert.Single(RenderedManifests.ForOverlay("dev-hpa").OfType<V2HorizontalPodAutoscaler>());
        var metric = Assert.Single(hpa.Spec.Metrics);
        Assert.Equal("External", metric.Type);
        Assert.Equal(NasMetricNames.PrometheusClusterTrialsPending, metric.External.Metric.Name);
        Assert.Empty(RenderedManifests.ForOverlay("dev-hpa").OfType<ScaledObject>());
    }

    /// <summary>The Prometheus names of the silos' instruments: the Prometheus constants and each OpenTelemetry name with dots as underscores.</summary>
    private static HashSet<string> ExportedPrometheusNames() =>
    [
        .. typeof(NasMetricNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Select(n => n.Replace('.', '_')),
    ];

    [GeneratedRegex("nas_[a-z_]+")]
    private static partial Regex MetricName();
}
