using Microsoft.Extensions.Diagnostics.HealthChecks;
using NasOrleans.Storage;

namespace NasOrleans.Hosting.Http;

/// <summary>Ready while the trial store answers a keyed read within the probe's time (a database that is down or unreachable fails it).</summary>
internal sealed class StoreReadyCheck(ITrialStore store) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await store.GetStudyAsync("readyz-probe", timeout.Token).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"{store.GetType().Name} answers");
        }
#pragma warning disable CA1031 // Any failure of the store means not ready; the description says which.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy($"{store.GetType().Name} does not answer: {ex.GetType().Name}: {ex.Message}");
        }
    }
}
