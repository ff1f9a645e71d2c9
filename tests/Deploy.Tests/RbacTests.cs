namespace NasOrleans.Deploy.Tests;

/// <summary>The silos' RBAC: a namespaced Role with exactly what Orleans' Kubernetes hosting needs, bound to their ServiceAccount.</summary>
public sealed class RbacTests
{
    [Theory]
    [MemberData(nameof(RepositoryPaths.OverlayData), MemberType = typeof(RepositoryPaths))]
    public void Role_Pods_GetListWatchPatchOnly(string overlay)
    {
        var manifests = RenderedManifests.ForOverlay(overlay);
        Assert.Empty(manifests.OfType<V1ClusterRole>());
        Assert.Empty(manifests.OfType<V1ClusterRoleBinding>());
        var rule = Assert.Single(manifests.Named<V1Role>("nas-silo").Rules);
        Assert.Equal([""], rule.ApiGroups);
        Assert.Equal(["pods"], rule.Resources);
        // "delete" only with KubernetesHostingOptions.DeleteDefunctSiloPods, which NasOrleans leaves off.
        Assert.Equal(["get", "list", "patch", "watch"], rule.Verbs.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RepositoryPaths.OverlayData), MemberType = typeof(RepositoryPaths))]
    public void RoleBinding_BindsTheSilosServiceAccount(string overlay)
    {
        var manifests = RenderedManifests.ForOverlay(overlay);
        var binding = manifests.Named<V1RoleBinding>("nas-silo");
        Assert.Equal(("Role", "nas-silo"), (binding.RoleRef.Kind, binding.RoleRef.Name));
        var subject = Assert.Single(binding.Subjects);
        Assert.Equal(("ServiceAccount", "nas-silo", "nasorleans"), (subject.Kind, subject.Name, subject.NamespaceProperty));
        Assert.Single(manifests.OfType<V1ServiceAccount>(), a => a.Metadata.Name == "nas-silo");
        Assert.All(manifests.SiloDeployments, d => Assert.Equal("nas-silo", d.Spec.Template.Spec.ServiceAccountName));
    }
}
