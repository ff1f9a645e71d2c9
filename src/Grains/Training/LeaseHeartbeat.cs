namespace NasOrleans.Grains.Training;

/// <summary>Beats a lease on an interval, on its own task, from training start until the result is recorded.</summary>
internal sealed class LeaseHeartbeat : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LeaseHeartbeat(LeaseProgress progress, TimeSpan interval, TimeProvider time)
    {
        _loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(interval, time);
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                await progress.BeatAsync(_stop.Token).ConfigureAwait(false);
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }
}
