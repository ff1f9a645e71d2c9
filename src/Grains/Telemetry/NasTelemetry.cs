using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NasOrleans.Grains.Telemetry;

/// <summary>The grains' ActivitySource and Meter (one each), and the instruments on it.</summary>
public static class NasTelemetry
{
    /// <summary>Name of the ActivitySource and of the Meter.</summary>
    public const string Name = "NasOrleans.Grains";

    /// <summary>Traces of study pumps, proposals and trainings.</summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    /// <summary>The meter.</summary>
    public static readonly Meter Meter = new(Name);

    /// <summary>Trials leased to trainers.</summary>
    public static readonly Counter<long> TrialsStarted = Meter.CreateCounter<long>("nas.trials.started", "{trial}", "Trials leased to a trainer.");

    /// <summary>Trials completed successfully.</summary>
    public static readonly Counter<long> TrialsCompleted = Meter.CreateCounter<long>("nas.trials.completed", "{trial}", "Trials recorded as completed.");

    /// <summary>Trials that failed.</summary>
    public static readonly Counter<long> TrialsFailed = Meter.CreateCounter<long>("nas.trials.failed", "{trial}", "Trials recorded as failed.");

    /// <summary>Training time per trial.</summary>
    public static readonly Histogram<double> TrialDuration = Meter.CreateHistogram<double>("nas.trial.duration", "s", "Training time of a trial.");

    /// <summary>Time a strategy takes to propose a batch.</summary>
    public static readonly Histogram<double> ProposalLatency = Meter.CreateHistogram<double>("nas.proposal.latency", "ms", "Time to obtain a batch of proposals from the strategy.");

    private static long s_queueDepth;

    static NasTelemetry()
    {
        Meter.CreateObservableGauge("nas.queue.depth", () => Interlocked.Read(ref s_queueDepth), "{trial}", "Trials waiting in the scheduler's queue.");
    }

    /// <summary>Sets the queue depth the gauge reports.</summary>
    public static void SetQueueDepth(long depth) => Interlocked.Exchange(ref s_queueDepth, depth);
}
