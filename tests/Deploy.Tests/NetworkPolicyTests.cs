namespace NasOrleans.Deploy.Tests;

/// <summary>NetworkPolicies let in every port a silo listens on, each only from whom it serves; databases only from silos.</summary>
public sealed class NetworkPolicyTests
{
    private const string SiloLabel = "nasorleans.io/silo";
    private const string ClientLabel = "nasorleans.io/client";

    [Theory]
    [MemberData(nameof(RepositoryPaths.OverlayData), MemberType = typeof(RepositoryPaths))]
    public void SiloPorts_EachCoveredByAPolicy(string overlay)
    {
        var manifests = RenderedManifests.ForOverlay(overlay);
        foreach (var deployment in manifests.SiloDeployments)
        {
            var template = deployment.Spec.Template;
            var container = template.Spec.Containers.Single();
            foreach (var port in container.Ports)
            {
                var allowed = RulesFor(manifests, template.Metadata.Labels, port.ContainerPort);
                Assert.True(allowed.Count > 0, $"{deployment.Metadata.Name}: no NetworkPolicy lets in port {port.ContainerPort}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(RepositoryPaths.OverlayData), MemberType = typeof(RepositoryPaths))]
    public void SiloAndGatewayPorts_OnlyFromSilosAndClients(string overlay)
    {
        var manifests = RenderedManifests.ForOverlay(overlay);
        var control = manifests.Named<V1Deployment>("nas-control").Spec.Template.Metadata.Labels;
        Assert.Equal([SiloLabel], Peers(RulesFor(manifests, control, 11111)));
        Assert.Equal([ClientLabel, SiloLabel], Peers(RulesFor(manifests, control, 30000)));
    }

    [Theory]
    [MemberData(nameof(RepositoryPaths.OverlayData), MemberType = typeof(RepositoryPaths))]
    public void Databases_OnlyFromSilos(string overlay)
    {
        var manifests = RenderedManifests.ForOverlay(overlay);
        foreach (var database in manifests.OfType<V1StatefulSet>())
        {
            var template = database.Spec.Template;
            foreach (var port in template.Spec.Containers.SelectMany(c => c.Ports))
            {
                Assert.Equal([SiloLabel], Peers(RulesFor(manifests, template.Metadata.Labels, port.ContainerPort)));
            }
        }
    }

    /// <summary>The ingress rules of the policies selecting pods with <paramref name="labels"/> that let in <paramref name="port"/>.</summary>
    private static List<V1NetworkPolicyIngressRule> RulesFor(RenderedManifests manifests, IDictionary<string, string> labels, int port) =>
    [
        .. manifests.OfType<V1NetworkPolicy>()
            .Where(p => p.Spec.PodSelector.MatchLabels.All(l => labels.TryGetValue(l.Key, out var v) && v == l.Value))
            .SelectMany(p => p.Spec.Ingress ?? [])
            .Where(r => r.Ports is null || r.Ports.Any(p => p.Port.Value == port.ToString(System.Globalization.CultureInfo.InvariantCulture))),
    ];

    /// <summary>The pod labels the rules admit from; a rule open to all (no from, or a namespace or IP peer) shows as "*".</summary>
    private static List<string> Peers(List<V1NetworkPolicyIngressRule> rules) =>
    [
        .. rules.SelectMany(r => r.FromProperty is null or { Count: 0 }
                ? ["*"]
                : r.FromProperty.Select(f => f.NamespaceSelector is null && f.IpBlock is null && f.PodSelector?.MatchLabels is { Count: 1 } m && m.Values.Single() == "true" ? m.Keys.Single() : "*"))
            .Distinct()
            .Order(StringComparer.Ordinal),
    ];
}
