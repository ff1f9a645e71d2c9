using Microsoft.Extensions.Logging;

namespace NasOrleans.Storage.Postgres;

/// <summary>
/// Retries an operation whose failure is transient (<see cref="PostgresTransientErrors"/>) with exponential backoff and
/// jitter, at most <see cref="PostgresStorageOptions.MaxRetries"/> times; every retry is logged, and so is giving up.
/// Callers pass only operations that are safe to run again (upserts, reads, ETag-checked writes that recognise their
/// own earlier commit).
/// </summary>
internal sealed class PostgresRetryPolicy(PostgresStorageOptions options, ILogger logger, string component, Action onTransientFailure)
{
    /// <summary>Runs <paramref name="attempt"/> (given the attempt number, from 1) until it succeeds or fails for good.</summary>
    public async Task<T> ExecuteAsync<T>(string operation, Func<int, CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        for (var number = 1; ; number++)
        {
            try
            {
                var result = await attempt(number, cancellationToken).ConfigureAwait(false);
                if (number > 1)
                {
                    logger.Recovered(component, operation, number);
                }

                return result;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && PostgresTransientErrors.IsTransient(ex, out var reason))
            {
                if (number > options.MaxRetries)
                {
                    logger.RetriesExhausted(ex, component, operation, number, reason);
                    throw;
                }

                var delay = Delay(number);
                logger.TransientFailure(ex, component, operation, number, options.MaxRetries + 1, reason, (long)delay.TotalMilliseconds);
                onTransientFailure();
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The wait after failed attempt <paramref name="number"/>: base * 2^(n-1), capped, times 0.8 to 1.2.</summary>
    private TimeSpan Delay(int number)
    {
        var exponential = options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(number - 1, 20));
        var capped = Math.Min(exponential, options.RetryMaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.8 + (0.4 * Random.Shared.NextDouble())));
    }
}
