using NasOrleans.Grains.Telemetry;

namespace NasOrleans.Grains.Tests.Telemetry;

/// <summary>The busy and idle slot gauges' counts per device, and their end when a slot host stops tracking.</summary>
public sealed class SlotGaugesTests
{
    [Fact]
    public void Track_SlotsOnTwoDevices_CountsBusyAndIdlePerDeviceUntilDisposed()
    {
        var cpu = "cpu-test-" + Guid.NewGuid().ToString("N");
        var gpu = "cuda-test-" + Guid.NewGuid().ToString("N");
        var busy = new[] { true, false, false };
        var tracking = SlotGauges.Track(() => [(cpu, busy[0]), (cpu, busy[1]), (gpu, busy[2])]);

        var counts = SlotGauges.Counts();
        Assert.Equal(1, counts[(cpu, true)]);
        Assert.Equal(1, counts[(cpu, false)]);
        Assert.Equal(0, counts[(gpu, true)]);
        Assert.Equal(1, counts[(gpu, false)]);

        busy[2] = true;
        Assert.Equal(1, SlotGauges.Counts()[(gpu, true)]);

        tracking.Dispose();
        Assert.DoesNotContain(SlotGauges.Counts().Keys, k => k.Device == cpu || k.Device == gpu);
    }
}
