using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace NasOrleans.Client.Backends;

/// <summary>
/// Retries a refused or failed gateway connection for a short while (a silo that is still starting), then gives up,
/// so that a gateway where nothing listens is reported in seconds instead of after the whole connect timeout.
/// </summary>
internal sealed class GatewayRetryFilter : IClientConnectionRetryFilter
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _window;
    private readonly TimeSpan _delay;
    private readonly long _started;

    public GatewayRetryFilter(TimeProvider time, TimeSpan window, TimeSpan delay)
    {
        _time = time;
        _window = window;
        _delay = delay;
        _started = time.GetTimestamp();
    }

    /// <summary>The last connection error seen, for the message when the filter gives up.</summary>
    public Exception? LastError { get; private set; }

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        LastError = exception;
        if (cancellationToken.IsCancellationRequested || exception is not (ConnectionFailedException or OrleansMessageRejectionException))
        {
            return false;
        }

        if (_time.GetElapsedTime(_started) + _delay > _window)
        {
            return false;
        }

        await Task.Delay(_delay, _time, cancellationToken);
        return true;
    }
}
