using System.Diagnostics.Metrics;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Grains.Telemetry;

namespace NasOrleans.Grains.Tests.Telemetry;

/// <summary>The pending and running gauges: what shards publish, summed per study, gone when a shard withdraws.</summary>
public sealed class QueueGaugesTests
{
    [Fact]
    public void Publish_TwoShardsHoldOneStudy_GaugesSumTheShardsPerStudy()
    {
        var study = "gauges-" + Guid.NewGuid().ToString("N");
        var (shardA, shardB) = (Random.Shared.NextInt64(1L << 40, 1L << 50), Random.Shared.NextInt64(1L << 50, 1L << 60));
        QueueGauges.Publish(shardA, new Dictionary<string, QueueCounts> { [study] = new(Queued: 3, Leased: 1) });
        QueueGauges.Publish(shardB, new Dictionary<string, QueueCounts> { [study] = new(Queued: 2, Leased: 4) });
        try
        {
            Assert.Equal(5, Observe(NasMetricNames.TrialsPending, study));
            Assert.Equal(5, Observe(NasMetricNames.TrialsRunning, study));

            QueueGauges.Withdraw(shardB);

            Assert.Equal(3, Observe(NasMetricNames.TrialsPending, study));
            Assert.Equal(1, Observe(NasMetricNames.TrialsRunning, study));
        }
        finally
        {
            QueueGauges.Withdraw(shardA);
            QueueGauges.Withdraw(shardB);
        }

        Assert.Null(Observe(NasMetricNames.TrialsPending, study));
    }

    [Fact]
    public void Publish_ShardPublishesAgain_ReplacesItsEarlierCounts()
    {
        var study = "gauges-" + Guid.NewGuid().ToString("N");
        var shard = Random.Shared.NextInt64(1L << 40, 1L << 60);
        try
        {
            QueueGauges.Publish(shard, new Dictionary<string, QueueCounts> { [study] = new(7, 0) });
            QueueGauges.Publish(shard, new Dictionary<string, QueueCounts> { [study] = new(2, 5) });

            Assert.Equal(2, Observe(NasMetricNames.TrialsPending, study));
            Assert.Equal(5, Observe(NasMetricNames.TrialsRunning, study));
        }
        finally
        {
            QueueGauges.Withdraw(shard);
        }
    }

    /// <summary>The gauge's value for <paramref name="study"/> at one collection, or null when it reports none.</summary>
    private static long? Observe(string instrument, string study)
    {
        _ = NasTelemetry.Meter; // creates the instruments, as the silo's telemetry setup does
        long? value = null;
        using var listener = new MeterListener
        {
            InstrumentPublished = (i, l) =>
            {
                if (i.Meter.Name == NasTelemetry.Name && i.Name == instrument)
                {
                    l.EnableMeasurementEvents(i);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, measurement, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == NasTelemetry.StudyTag && Equals(tag.Value, study))
                {
                    value = (value ?? 0) + measurement;
                }
            }
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return value;
    }
}
