using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace NasOrleans.Hosting.Http;

/// <summary>Ready once this silo is an active member of the cluster (it joined and was not declared dead).</summary>
internal sealed class ClusterReadyCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"silo {silo.SiloAddress} is active")
            : HealthCheckResult.Unhealthy($"silo {silo.SiloAddress} is {status}, not active in cluster {silo.ClusterId}"));
    }
}
