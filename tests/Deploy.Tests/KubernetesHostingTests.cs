using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Hosting.Kubernetes;
using NasOrleans.Hosting;

namespace NasOrleans.Deploy.Tests;

/// <summary>Kubernetes hosting turns on only inside a cluster, so that the same binaries run everywhere.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class KubernetesHostingTests
{
    private static readonly NasClusterOptions Redis = new() { Clustering = ClusteringKind.Redis, RedisConnectionString = "127.0.0.1:6379" };

    [Fact]
    public void UseKubernetesHostingInCluster_NoServiceHost_AddsNoKubernetesServices()
    {
        Assert.False(HasKubernetesHosting(b => b.UseKubernetesHostingInCluster(Redis, serviceHost: null)));
    }

    [Fact]
    public void UseKubernetesHostingInCluster_ServiceHostSet_AddsKubernetesServices()
    {
        Assert.True(HasKubernetesHosting(b => b.UseKubernetesHostingInCluster(Redis, serviceHost: "10.96.0.1")));
    }

    [Fact]
    public void UseKubernetesHostingInCluster_LocalhostClusteringInsideCluster_AddsNoKubernetesServices()
    {
        Assert.False(HasKubernetesHosting(b => b.UseKubernetesHostingInCluster(new NasClusterOptions(), serviceHost: "10.96.0.1")));
    }

    [Fact]
    public void UseNasClustering_WithoutServiceHostVariable_LeavesKubernetesHostingOff()
    {
        using var _ = new EnvironmentVariable(KubernetesHosting.ServiceHostVariable, null);
        Assert.False(HasKubernetesHosting(b => b.UseNasClustering(Redis)));
    }

    [Fact]
    public void UseNasClustering_WithServiceHostVariable_TurnsKubernetesHostingOn()
    {
        using var _ = new EnvironmentVariable(KubernetesHosting.ServiceHostVariable, "10.96.0.1");
        Assert.True(HasKubernetesHosting(b => b.UseNasClustering(Redis)));
    }

    [Fact]
    public void UseKubernetesHostingInCluster_ServiceHostSet_LeavesDefunctPodDeletionOff()
    {
        using var name = new EnvironmentVariable("POD_NAME", "nas-control-0");
        using var space = new EnvironmentVariable("POD_NAMESPACE", "nasorleans");
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleans(b => b.UseKubernetesHostingInCluster(Redis, serviceHost: "10.96.0.1"));
        using var services = builder.Services.BuildServiceProvider();
        var options = services.GetRequiredService<IOptions<KubernetesHostingOptions>>().Value;
        Assert.False(options.DeleteDefunctSiloPods);
    }

    private static bool HasKubernetesHosting(Action<ISiloBuilder> configure)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleans(configure);
        return builder.Services.Any(d => d.ImplementationType?.Namespace == "Orleans.Hosting.Kubernetes" || d.ServiceType.Namespace == "Orleans.Hosting.Kubernetes");
    }
}
