namespace NasOrleans.Grains.Training;

/// <summary>
/// Wakes a silo's idle trainer slots when one of them finds work: a slot that pulled leases pulses, and every slot
/// waiting out its idle backoff pulls at once instead of at the end of its wait (up to the longest poll interval).
/// Local to the silo: no grain call, nothing for the scheduler to track. One per silo (DI singleton).
/// </summary>
public sealed class SlotWakeup
{
    private TaskCompletionSource _pulse = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Wakes every slot waiting in <see cref="WaitAsync"/>.</summary>
    public void Pulse()
    {
        var pulsed = Interlocked.Exchange(ref _pulse, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        pulsed.TrySetResult();
    }

    /// <summary>Waits <paramref name="idle"/>, or until the next <see cref="Pulse"/>, or until <paramref name="cancellationToken"/> fires (without throwing).</summary>
    public async Task WaitAsync(TimeSpan idle, TimeProvider time, CancellationToken cancellationToken)
    {
        var pulse = Volatile.Read(ref _pulse).Task;
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(idle, time, wait.Token);
        await Task.WhenAny(delay, pulse).ConfigureAwait(false);
        await wait.CancelAsync().ConfigureAwait(false);
        await delay.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
