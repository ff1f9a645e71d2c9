using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace NasOrleans.Grains.Telemetry;

/// <summary>The sources of the busy and idle trainer slot gauges: each slot host on this silo tracks its slots here.</summary>
public static class SlotGauges
{
    /// <summary>Tag with a slot's device (<c>cpu</c>, <c>cuda:0</c>).</summary>
    public const string DeviceTag = "nas.device";

    private static readonly ConcurrentDictionary<Tracking, Func<IEnumerable<(string Device, bool Busy)>>> Sources = new();

    /// <summary>Reports the slots <paramref name="slots"/> lists (read at each collection) until the result is disposed.</summary>
    public static IDisposable Track(Func<IEnumerable<(string Device, bool Busy)>> slots)
    {
        ArgumentNullException.ThrowIfNull(slots);
        var tracking = new Tracking();
        Sources[tracking] = slots;
        return tracking;
    }

    /// <summary>The slots counted now, per device and state.</summary>
    public static IReadOnlyDictionary<(string Device, bool Busy), int> Counts()
    {
        var counts = new Dictionary<(string Device, bool Busy), int>();
        foreach (var slot in Sources.Values.SelectMany(s => s()))
        {
            counts[slot] = counts.GetValueOrDefault(slot) + 1;
            counts.TryAdd((slot.Device, !slot.Busy), 0);
        }

        return counts;
    }

    internal static void Register(Meter meter)
    {
        meter.CreateObservableGauge(NasMetricNames.SlotsBusy, () => Of(busy: true), "{slot}", "Trainer slots of this silo that are training, per device (tag nas.device).");
        meter.CreateObservableGauge(NasMetricNames.SlotsIdle, () => Of(busy: false), "{slot}", "Trainer slots of this silo that wait for work, per device.");
    }

    private static IEnumerable<Measurement<int>> Of(bool busy) =>
        Counts().Where(c => c.Key.Busy == busy).Select(c => new Measurement<int>(c.Value, new KeyValuePair<string, object?>(DeviceTag, c.Key.Device)));

    private sealed class Tracking : IDisposable
    {
        public void Dispose() => Sources.TryRemove(this, out _);
    }
}
