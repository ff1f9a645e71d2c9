using Orleans.Hosting;

namespace NasOrleans.Hosting;

/// <summary>
/// Turns on Orleans' Kubernetes hosting (<c>Microsoft.Orleans.Hosting.Kubernetes</c>) only inside a cluster, so that
/// the same binaries run on a laptop, under scripts/cluster and in a pod.
/// </summary>
/// <remarks>
/// Kubernetes hosting is not a membership provider: Redis (or another table) stays the membership. Inside a pod it
/// names the silo after <c>POD_NAME</c>; takes <c>ORLEANS_SERVICE_ID</c> / <c>ORLEANS_CLUSTER_ID</c> over
/// <see cref="NasClusterOptions.ServiceId"/> / <see cref="NasClusterOptions.ClusterId"/> (deploy/k8s sets both to the
/// same values); listens on every address when no listening endpoint is set; and advertises <c>POD_IP</c> only when no
/// address was configured, which never happens here (<see cref="NasClusterOptions.ResolveAdvertisedAddress"/> falls
/// back to loopback), so the manifests set <c>Nas__Cluster__AdvertisedIPAddress</c> from <c>POD_IP</c>. It then
/// watches the pods labelled <c>orleans/serviceId</c> and <c>orleans/clusterId</c> and declares the silo of a deleted
/// pod dead at once, which needs a Role with get, list, watch and patch on pods (delete only with
/// <c>DeleteDefunctSiloPods</c>, left off).
/// </remarks>
public static class KubernetesHosting
{
    /// <summary>The variable the kubelet sets in every container of a pod; its presence means "inside a cluster".</summary>
    public const string ServiceHostVariable = "KUBERNETES_SERVICE_HOST";

    /// <summary>Kubernetes hosting when this process runs inside a cluster (<see cref="ServiceHostVariable"/> set).</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="options">The cluster options; development clustering never gets Kubernetes hosting.</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static ISiloBuilder UseKubernetesHostingInCluster(this ISiloBuilder builder, NasClusterOptions options) =>
        builder.UseKubernetesHostingInCluster(options, Environment.GetEnvironmentVariable(ServiceHostVariable));

    /// <summary>Kubernetes hosting when <paramref name="serviceHost"/> (the value of <see cref="ServiceHostVariable"/>) is set.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="options">The cluster options; development clustering never gets Kubernetes hosting.</param>
    /// <param name="serviceHost">The value of <see cref="ServiceHostVariable"/>, or null outside a cluster.</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static ISiloBuilder UseKubernetesHostingInCluster(this ISiloBuilder builder, NasClusterOptions options, string? serviceHost)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        // deploy/k8s/base/role.yaml grants no "delete" on pods: the Deployments replace the pods of dead silos.
        return IsEnabled(options, serviceHost)
            ? builder.UseKubernetesHosting(o => o.Configure(k => k.DeleteDefunctSiloPods = false))
            : builder;
    }

    /// <summary>Whether Kubernetes hosting applies: inside a cluster and with a shared membership table (not localhost).</summary>
    /// <param name="options">The cluster options.</param>
    /// <param name="serviceHost">The value of <see cref="ServiceHostVariable"/>, or null outside a cluster.</param>
    /// <returns>True when Kubernetes hosting is to be turned on.</returns>
    public static bool IsEnabled(NasClusterOptions options, string? serviceHost)
    {
        ArgumentNullException.ThrowIfNull(options);
        return !string.IsNullOrWhiteSpace(serviceHost) && options.Clustering != ClusteringKind.Localhost;
    }
}
