using NasOrleans.Hosting;

namespace NasOrleans.Deploy.Tests;

/// <summary>The Services reach the control silos' gateway (30000) and HTTP server (8080).</summary>
public sealed class ServiceTests
{
    [Theory]
    [MemberData(nameof(RepositoryPaths.OverlayData), MemberType = typeof(RepositoryPaths))]
    public void Services_GatewayAndHttp_TargetControlSiloPorts(string overlay)
    {
        var manifests = RenderedManifests.ForOverlay(overlay);
        var control = manifests.Named<V1Deployment>("nas-control").Spec.Template;
        var container = control.Spec.Containers.Single();
        foreach (var (name, port) in new[] { ("nas-gateway", new NasClusterOptions().GatewayPort), ("nas-http", 8080) })
        {
            var service = manifests.Named<V1Service>(name);
            Assert.All(service.Spec.Selector, l => Assert.Equal(l.Value, control.Metadata.Labels[l.Key]));
            var servicePort = Assert.Single(service.Spec.Ports);
            Assert.Equal(port, servicePort.Port);
            Assert.Equal(port, SiloPodTemplateTests.PortNumber(container, servicePort.TargetPort.Value));
        }
    }
}
