namespace NasOrleans.Grains.Training;

/// <summary>Beats a lease on an interval while a trial trains, on its own task.</summary>
internal sealed class LeaseHeartbeat : IDisposable
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
                await progress.BeatAsync().ConfigureAwait(false);
            }
        });
    }

    public void Dispose()
    {
        _stop.Cancel();
        _loop.ContinueWith(_ => _stop.Dispose(), TaskScheduler.Default);
    }
}
