using Microsoft.Extensions.Time.Testing;
using NasOrleans.Grains.Training;

namespace NasOrleans.Grains.Tests.Training;

public sealed class SlotWakeupTests
{
    [Fact]
    public async Task WaitAsync_PulseBeforeTheIdleWaitEnds_ReturnsAtOnce()
    {
        var time = new FakeTimeProvider();
        var wakeup = new SlotWakeup();
        var waiters = Enumerable.Range(0, 3).Select(_ => wakeup.WaitAsync(TimeSpan.FromSeconds(30), time, CancellationToken.None)).ToList();
        Assert.All(waiters, w => Assert.False(w.IsCompleted));

        wakeup.Pulse();

        await Task.WhenAll(waiters).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task WaitAsync_NoPulse_ReturnsOnlyWhenTheIdleWaitEnds()
    {
        var time = new FakeTimeProvider();
        var wait = new SlotWakeup().WaitAsync(TimeSpan.FromSeconds(30), time, CancellationToken.None);

        time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(wait.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        await wait.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task WaitAsync_PulseBeforeTheWaitStarted_DoesNotEndALaterWait()
    {
        var time = new FakeTimeProvider();
        var wakeup = new SlotWakeup();
        wakeup.Pulse();

        var wait = wakeup.WaitAsync(TimeSpan.FromSeconds(30), time, CancellationToken.None);

        Assert.False(wait.IsCompleted);
        using var stop = new CancellationTokenSource();
        var stopped = wakeup.WaitAsync(TimeSpan.FromSeconds(30), time, stop.Token);
        await stop.CancelAsync();
        await stopped.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(wait.IsCompleted);
    }
}
