using NasOrleans.Hosting;

namespace NasOrleans.Deploy.Tests;

/// <summary>What every silo pod template of every overlay must carry for Orleans' Kubernetes hosting and the product.</summary>
public sealed class SiloPodTemplateTests
{
    private static readonly string[] FieldRefVariables = ["POD_NAME", "POD_NAMESPACE", "POD_IP"];

    public static TheoryData<string, string> Silos()
    {
        var data = new TheoryData<string, string>();
        foreach (var overlay in RepositoryPaths.Overlays)
        {
            foreach (var deployment in RenderedManifests.ForOverlay(overlay).SiloDeployments)
            {
                data.Add(overlay, deployment.Metadata.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Silos))]
    public void PodTemplate_OrleansLabels_MatchOrleansAndNasIds(string overlay, string name)
    {
        var (template, env) = Silo(overlay, name);
        var labels = template.Metadata.Labels;
        Assert.Equal(Value(env, "ORLEANS_SERVICE_ID"), labels["orleans/serviceId"]);
        Assert.Equal(Value(env, "ORLEANS_CLUSTER_ID"), labels["orleans/clusterId"]);
        Assert.Equal(Value(env, "Nas__Cluster__ServiceId"), labels["orleans/serviceId"]);
        Assert.Equal(Value(env, "Nas__Cluster__ClusterId"), labels["orleans/clusterId"]);
        Assert.Equal("true", labels["nasorleans.io/silo"]);
    }

    [Theory]
    [MemberData(nameof(Silos))]
    public void PodTemplate_PodVariables_ComeFromFieldRefsBeforeTheirUse(string overlay, string name)
    {
        var (_, env) = Silo(overlay, name);
        Assert.Equal("metadata.name", env.Single(e => e.Name == "POD_NAME").ValueFrom.FieldRef.FieldPath);
        Assert.Equal("metadata.namespace", env.Single(e => e.Name == "POD_NAMESPACE").ValueFrom.FieldRef.FieldPath);
        Assert.Equal("status.podIP", env.Single(e => e.Name == "POD_IP").ValueFrom.FieldRef.FieldPath);
        Assert.Equal("$(POD_IP)", Value(env, "Nas__Cluster__AdvertisedIPAddress"));

        // $(VAR) expands only variables defined earlier in the list.
        var firstUse = env.ToList().FindIndex(e => FieldRefVariables.Any(v => e.Value?.Contains($"$({v})", StringComparison.Ordinal) == true));
        var lastDefinition = FieldRefVariables.Max(v => env.ToList().FindIndex(e => e.Name == v));
        Assert.True(firstUse > lastDefinition, $"{name}: a $(POD_*) reference comes before the POD_* variables");
    }

    [Theory]
    [MemberData(nameof(Silos))]
    public void PodTemplate_ClusterConfiguration_ComesFromEnvironmentAndSecrets(string overlay, string name)
    {
        var (template, env) = Silo(overlay, name);
        Assert.Equal("Redis", Value(env, "Nas__Cluster__Clustering"));
        Assert.Equal("Postgres", Value(env, "Nas__Silo__Store"));
        Assert.Equal("8080", Value(env, "Nas__Silo__HttpPort"));
        AssertSecret(env, "Nas__Cluster__RedisConnectionString", "nas-redis", "connection");
        AssertSecret(env, "Nas__Silo__PostgresConnectionString", "nas-postgres", "connection");
        var container = template.Spec.Containers.Single();
        Assert.True(container.Args is null or { Count: 0 }, $"{name}: silos take no arguments (configuration by environment)");
        Assert.True(container.Command is null or { Count: 0 }, $"{name}: the image's entrypoint runs the silo");
        Assert.All(env.Where(e => e.Name.Contains("ConnectionString", StringComparison.Ordinal) || e.Name.Contains("Password", StringComparison.OrdinalIgnoreCase)),
            e => Assert.Null(e.Value));
    }

    [Theory]
    [MemberData(nameof(Silos))]
    public void PodTemplate_Probes_UseHealthzAndReadyzOnPort8080(string overlay, string name)
    {
        var (template, _) = Silo(overlay, name);
        var container = template.Spec.Containers.Single();
        Assert.Equal("/healthz", container.LivenessProbe.HttpGet.Path);
        Assert.Equal("/readyz", container.ReadinessProbe.HttpGet.Path);
        Assert.Equal(8080, PortNumber(container, container.LivenessProbe.HttpGet.Port.Value));
        Assert.Equal(8080, PortNumber(container, container.ReadinessProbe.HttpGet.Port.Value));
        Assert.Equal(new NasClusterOptions().SiloPort, container.Ports.Single(p => p.Name == "silo").ContainerPort);
    }

    [Theory]
    [MemberData(nameof(Silos))]
    public void PodTemplate_Security_NonRootReadOnlyNoCapabilities(string overlay, string name)
    {
        var (template, _) = Silo(overlay, name);
        var pod = template.Spec.SecurityContext;
        Assert.True(pod.RunAsNonRoot);
        Assert.Equal(10001, pod.RunAsUser);
        Assert.Equal("RuntimeDefault", pod.SeccompProfile.Type);
        var container = template.Spec.Containers.Single();
        Assert.False(container.SecurityContext.AllowPrivilegeEscalation);
        Assert.True(container.SecurityContext.ReadOnlyRootFilesystem);
        Assert.Equal(["ALL"], container.SecurityContext.Capabilities.Drop);
        Assert.Equal(["/data", "/tmp"], container.VolumeMounts.Where(m => m.ReadOnlyProperty != true).Select(m => m.MountPath).Order(StringComparer.Ordinal));
        Assert.Equal("nas-silo", template.Spec.ServiceAccountName);
    }

    [Theory]
    [MemberData(nameof(Silos))]
    public void PodTemplate_Resources_RequestedAndLimited(string overlay, string name)
    {
        var resources = Silo(overlay, name).Template.Spec.Containers.Single().Resources;
        Assert.True(resources.Requests.ContainsKey("cpu") && resources.Requests.ContainsKey("memory"), $"{name}: cpu and memory requests");
        Assert.True(resources.Limits.ContainsKey("memory"), $"{name}: a memory limit");
        Assert.Matches(@":\d+\.\d+\.\d+$", Silo(overlay, name).Template.Spec.Containers.Single().Image);
    }

    [Theory]
    [MemberData(nameof(Silos))]
    public void PodTemplate_TerminationGrace_OutlastsDrainAndHostShutdown(string overlay, string name)
    {
        var (template, env) = Silo(overlay, name);
        var drain = Value(env, "Nas__Silo__DrainGrace") is { } d ? TimeSpan.Parse(d, System.Globalization.CultureInfo.InvariantCulture) : new NasSiloOptions().DrainGrace;
        var shutdown = TimeSpan.FromSeconds(int.Parse(Value(env, "DOTNET_shutdownTimeoutSeconds") ?? "30", System.Globalization.CultureInfo.InvariantCulture));
        var grace = TimeSpan.FromSeconds(template.Spec.TerminationGracePeriodSeconds ?? 30);
        var margin = TimeSpan.FromSeconds(10);
        Assert.True(shutdown >= drain + margin, $"{name}: the host's shutdown timeout {shutdown} must outlast the drain {drain} and the lease hand-back");
        Assert.True(grace >= shutdown + margin, $"{name}: terminationGracePeriodSeconds {grace} must outlast the host's shutdown timeout {shutdown}");
    }

    internal static (V1PodTemplateSpec Template, IList<V1EnvVar> Env) Silo(string overlay, string name)
    {
        var template = RenderedManifests.ForOverlay(overlay).Named<V1Deployment>(name).Spec.Template;
        return (template, template.Spec.Containers.Single().Env);
    }

    private static string? Value(IList<V1EnvVar> env, string name) => env.SingleOrDefault(e => e.Name == name)?.Value;

    private static void AssertSecret(IList<V1EnvVar> env, string name, string secret, string key)
    {
        var variable = env.Single(e => e.Name == name);
        Assert.Null(variable.Value);
        Assert.Equal(secret, variable.ValueFrom.SecretKeyRef.Name);
        Assert.Equal(key, variable.ValueFrom.SecretKeyRef.Key);
    }

    internal static int PortNumber(V1Container container, string port) =>
        int.TryParse(port, out var number) ? number : container.Ports.Single(p => p.Name == port).ContainerPort;
}
