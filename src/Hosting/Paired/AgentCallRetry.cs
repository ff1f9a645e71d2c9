using Orleans.Runtime;

namespace NasOrleans.Hosting.Paired;

/// <summary>
/// Retries a call to an agent grain while the control silo that hosted it is dying and the grain moves (Orleans rejects
/// calls to a dead silo at once): agent calls are idempotent (a repeated read is a read, a repeated update of the
/// same round is a duplicate), so a lost control silo costs a round some seconds, not its rollouts.
/// </summary>
internal static class AgentCallRetry
{
    /// <summary>How long a call is retried before the round gives up.</summary>
    public static readonly TimeSpan RetryFor = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(500);

    /// <summary>Runs <paramref name="call"/>, retrying on a rejected or timed-out message until <see cref="RetryFor"/> has passed.</summary>
    public static async Task<T> RunAsync<T>(Func<Task<T>> call, Action<Exception, int> retrying, TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (Exception ex) when (IsTransient(ex) && time.GetElapsedTime(started) < RetryFor && !cancellationToken.IsCancellationRequested)
            {
                retrying(ex, attempt);
                await Task.Delay(Delay, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static bool IsTransient(Exception ex) =>
        ex is OrleansMessageRejectionException or SiloUnavailableException or TimeoutException or Orleans.Runtime.Messaging.ConnectionFailedException;
}
