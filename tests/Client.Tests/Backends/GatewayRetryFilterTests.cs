using Microsoft.Extensions.Time.Testing;
using NasOrleans.Client.Backends;
using Orleans.Runtime.Messaging;

namespace NasOrleans.Client.Tests.Backends;

public sealed class GatewayRetryFilterTests
{
    [Fact]
    public async Task ShouldRetryConnectionAttempt_RefusedWithinTheWindow_RetriesAfterTheDelay()
    {
        var time = new FakeTimeProvider();
        var filter = new GatewayRetryFilter(time, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1));

        var retry = filter.ShouldRetryConnectionAttempt(new ConnectionFailedException("refused"), CancellationToken.None);
        Assert.False(retry.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(await retry);
        Assert.IsType<ConnectionFailedException>(filter.LastError);
    }

    [Fact]
    public async Task ShouldRetryConnectionAttempt_WindowSpent_GivesUp()
    {
        var time = new FakeTimeProvider();
        var filter = new GatewayRetryFilter(time, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1));
        time.Advance(TimeSpan.FromSeconds(9.5));

        Assert.False(await filter.ShouldRetryConnectionAttempt(new ConnectionFailedException("refused"), CancellationToken.None));
    }

    [Fact]
    public async Task ShouldRetryConnectionAttempt_OtherError_GivesUpAtOnce()
    {
        var filter = new GatewayRetryFilter(new FakeTimeProvider(), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1));

        Assert.False(await filter.ShouldRetryConnectionAttempt(new InvalidOperationException("bad handshake"), CancellationToken.None));
    }
}
