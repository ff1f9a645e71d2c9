using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Grains.Telemetry;

/// <summary>
/// The queue counts behind the pending and running gauges: each scheduler shard active on this silo publishes its
/// studies' counts after every sweep and withdraws them when it deactivates, so that summing a gauge over the silos
/// counts every trial once even after a shard moved.
/// </summary>
public static class QueueGauges
{
    private static readonly ConcurrentDictionary<long, IReadOnlyDictionary<string, QueueCounts>> Shards = new();

    /// <summary>Replaces what shard <paramref name="shard"/> reports with <paramref name="studies"/>.</summary>
    public static void Publish(long shard, IReadOnlyDictionary<string, QueueCounts> studies)
    {
        ArgumentNullException.ThrowIfNull(studies);
        Shards[shard] = studies;
    }

    /// <summary>Stops reporting shard <paramref name="shard"/> (it deactivated on this silo).</summary>
    public static void Withdraw(long shard) => Shards.TryRemove(shard, out _);

    /// <summary>Trials pending over every shard on this silo.</summary>
    public static long TotalPending => Shards.Values.Sum(s => s.Values.Sum(c => (long)c.Queued));

    /// <summary>Trials running over every shard on this silo.</summary>
    public static long TotalRunning => Shards.Values.Sum(s => s.Values.Sum(c => (long)c.Leased));

    internal static void Register(Meter meter)
    {
        meter.CreateObservableGauge(NasMetricNames.TrialsPending, () => PerStudy(c => c.Queued), "{trial}",
            "Trials waiting for a trainer, per study (tag nas.study), on the silo that holds the study's scheduler shard.");
        meter.CreateObservableGauge(NasMetricNames.TrialsRunning, () => PerStudy(c => c.Leased), "{trial}",
            "Trials leased to a trainer and not yet finished, per study.");
        meter.CreateObservableGauge(NasMetricNames.ClusterTrialsPending, () => TotalPending, "{trial}",
            "Trials waiting for a trainer over every study this silo schedules (sum over silos: the cluster's queue).");
        meter.CreateObservableGauge(NasMetricNames.ClusterTrialsRunning, () => TotalRunning, "{trial}",
            "Trials running over every study this silo schedules.");
    }

    private static IEnumerable<Measurement<long>> PerStudy(Func<QueueCounts, int> count) =>
        Shards.Values.SelectMany(s => s)
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .Select(g => new Measurement<long>(g.Sum(p => (long)count(p.Value)), new KeyValuePair<string, object?>(NasTelemetry.StudyTag, g.Key)));
}
