namespace NasOrleans.Deploy.Tests;

/// <summary>Every folder under deploy/k8s/overlays renders in a clean checkout (nothing secret needed).</summary>
public sealed class OverlayRenderTests
{
    [Fact]
    public void Overlays_Listed_IncludeDevGpuAndProduction()
    {
        Assert.Superset(new HashSet<string>(["dev", "gpu", "production"]), RepositoryPaths.Overlays.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(RepositoryPaths.OverlayData), MemberType = typeof(RepositoryPaths))]
    public void Render_Overlay_ProducesNamespacedDocuments(string overlay)
    {
        var manifests = RenderedManifests.ForOverlay(overlay);
        Assert.NotEmpty(manifests.SiloDeployments);
        var namespaced = manifests.Objects.OfType<IMetadata<V1ObjectMeta>>().Where(o => o is not V1Namespace);
        Assert.All(namespaced, o => Assert.Equal("nasorleans", o.Metadata.NamespaceProperty));
    }
}
