using System.Text;

namespace NasOrleans.Deploy.Tests;

/// <summary>No secret value reaches a command line, and no Secret outside the development overlays carries data.</summary>
public sealed class SecretTests
{
    [Theory]
    [MemberData(nameof(RepositoryPaths.OverlayData), MemberType = typeof(RepositoryPaths))]
    public void Containers_ArgsAndCommands_HoldNoSecretValue(string overlay)
    {
        var manifests = RenderedManifests.ForOverlay(overlay);
        var values = manifests.OfType<V1Secret>().SelectMany(s => s.Data?.Values ?? [])
            .SelectMany(v => Encoding.UTF8.GetString(v).Split('\n', ';', ',', ' ').Append(Encoding.UTF8.GetString(v)))
            .Select(v => v.Trim())
            .Where(v => v.Length >= 8)
            .ToHashSet(StringComparer.Ordinal);
        var templates = manifests.OfType<V1Deployment>().Select(d => d.Spec.Template).Concat(manifests.OfType<V1StatefulSet>().Select(s => s.Spec.Template));
        foreach (var container in templates.SelectMany(t => t.Spec.Containers))
        {
            var line = string.Join(' ', (container.Command ?? []).Concat(container.Args ?? []));
            Assert.DoesNotContain(values, v => line.Contains(v, StringComparison.Ordinal));
            Assert.DoesNotContain("password", line, StringComparison.OrdinalIgnoreCase);
            Assert.All(container.Env ?? [], e => Assert.False(values.Contains(e.Value ?? ""), $"{container.Name}: {e.Name} holds a secret value"));
        }
    }

    [Fact]
    public void Production_Secrets_ReferencedByNameOnly()
    {
        var manifests = RenderedManifests.ForOverlay("production");
        Assert.Empty(manifests.OfType<V1Secret>());
        var volumes = manifests.SiloDeployments.SelectMany(d => d.Spec.Template.Spec.Volumes).Where(v => v.Secret is not null);
        Assert.All(manifests.SiloDeployments, d => Assert.Contains(d.Spec.Template.Spec.Volumes, v => v.Secret?.SecretName == "nas-tls"));
        Assert.All(volumes, v => Assert.Contains(v.Secret.SecretName, new[] { "nas-tls", "nas-cluster-key", "nas-api-keys" }));
        Assert.All(manifests.SiloDeployments, d =>
            Assert.Contains(d.Spec.Template.Spec.Containers.Single().Env, e => e is { Name: "Nas__Cluster__Tls__Enabled", Value: "true" }));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("production")]
    [InlineData("gpu")]
    public void Silos_ClusterKey_MountedReadOnlyFromItsSecretAndNamedByTheKeyFile(string overlay)
    {
        var manifests = RenderedManifests.ForOverlay(overlay);

        Assert.NotEmpty(manifests.SiloDeployments);
        Assert.All(manifests.SiloDeployments, d =>
        {
            var pod = d.Spec.Template.Spec;
            var container = pod.Containers.Single();
            var volume = Assert.Single(pod.Volumes, v => v.Secret?.SecretName == "nas-cluster-key");
            var mount = Assert.Single(container.VolumeMounts, m => m.Name == volume.Name);
            Assert.True(mount.ReadOnlyProperty);
            Assert.Equal(Convert.ToInt32("400", 8), volume.Secret.DefaultMode); // YAML 0400 is octal: owner read only
            Assert.Contains(container.Env, e => e.Name == "Nas__Cluster__KeyFile" && e.Value == mount.MountPath + "/key");
        });
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("production")]
    public void ControlSilos_Gateway_EnabledWithTheKeysFileOfItsSecret(string overlay)
    {
        var manifests = RenderedManifests.ForOverlay(overlay);
        var control = Assert.Single(manifests.SiloDeployments, d => d.Metadata.Name == "nas-control");
        var pod = control.Spec.Template.Spec;
        var container = pod.Containers.Single();

        var volume = Assert.Single(pod.Volumes, v => v.Secret?.SecretName == "nas-api-keys");
        var mount = Assert.Single(container.VolumeMounts, m => m.Name == volume.Name);
        Assert.True(mount.ReadOnlyProperty);
        Assert.Contains(container.Env, e => e is { Name: "Nas__Gateway__Enabled", Value: "true" });
        Assert.Contains(container.Env, e => e.Name == "Nas__Gateway__ApiKeysFile" && e.Value!.StartsWith(mount.MountPath + "/", StringComparison.Ordinal));
        Assert.All(manifests.SiloDeployments.Where(d => d.Metadata.Name != "nas-control"), d =>
            Assert.DoesNotContain(d.Spec.Template.Spec.Volumes, v => v.Secret?.SecretName == "nas-api-keys"));
    }
}
