using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NasOrleans.Grains.Telemetry;

/// <summary>The grains' ActivitySource and Meter (one each), and the instruments on it.</summary>
public static class NasTelemetry
{
    /// <summary>Name of the ActivitySource and of the Meter.</summary>
    public const string Name = "NasOrleans.Grains";

    /// <summary>Name of the activity a client starts around submitting a study (the root of the study's trace).</summary>
    public const string SubmitActivity = "nas.submit";

    /// <summary>Name of the activity that trains one trial on a trainer slot.</summary>
    public const string TrialTrainActivity = "trial.train";

    /// <summary>Name of the activity in which the study records a trial's result.</summary>
    public const string TrialRecordActivity = "trial.record";

    /// <summary>Tag with the study id.</summary>
    public const string StudyTag = "nas.study";

    /// <summary>Tag with the trial id.</summary>
    public const string TrialTag = "nas.trial";

    /// <summary>Tag with the trial's outcome (a <c>TrialStatus</c> name: Completed, Failed).</summary>
    public const string TrialStatusTag = "nas.trial.status";

    /// <summary>Tag: the scheduler shard.</summary>
    public const string ShardTag = "nas.shard";

    /// <summary>Traces of submits, study pumps, proposals and trainings.</summary>
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

    /// <summary>Leases that expired or whose silo died, and whose trials were queued again (tag <see cref="LeaseExpiryReasonTag"/>).</summary>
    public static readonly Counter<long> LeaseExpiries = Meter.CreateCounter<long>(NasMetricNames.LeaseExpiries, "{lease}", "Leases re-queued because their trainer stopped renewing them or its silo died.");

    /// <summary>
    /// Tag of <see cref="LeaseExpiries"/>: <c>timeout</c>, <c>silo_dead</c>, or <c>unclaimed</c> (a new scheduler
    /// activation held a re-offered trial for its trainer's heartbeat, and none came within the recovery window).
    /// </summary>
    public const string LeaseExpiryReasonTag = "nas.lease.reason";

    private static readonly ConcurrentDictionary<long, long> QueueDepths = new();

    static NasTelemetry()
    {
        Meter.CreateObservableGauge(
            "nas.queue.depth",
            () => QueueDepths.Select(d => new Measurement<long>(d.Value, new KeyValuePair<string, object?>(ShardTag, d.Key))),
            "{trial}",
            "Trials waiting in each scheduler shard's queue (tag shard) of this silo.");
        QueueGauges.Register(Meter);
        SlotGauges.Register(Meter);
    }

    /// <summary>Starts the client-side activity around submitting study <paramref name="studyId"/> (null when nobody listens).</summary>
    public static Activity? StartSubmit(string studyId)
    {
        var activity = ActivitySource.StartActivity(SubmitActivity, ActivityKind.Client);
        activity?.SetTag(StudyTag, studyId);
        return activity;
    }

    /// <summary>
    /// Starts an activity for trial <paramref name="trialId"/> as a child of <paramref name="traceParent"/> (the study's
    /// submit, carried with the trial because trainers pull trials later, outside the submit's call), or of the current
    /// activity when it is null or unreadable.
    /// </summary>
    public static Activity? StartTrialActivity(string name, string studyId, long trialId, string? traceParent)
    {
        var activity = traceParent is not null && ActivityContext.TryParse(traceParent, null, out var parent)
            ? ActivitySource.StartActivity(name, ActivityKind.Internal, parent)
            : ActivitySource.StartActivity(name);
        activity?.SetTag(StudyTag, studyId);
        activity?.SetTag(TrialTag, trialId);
        return activity;
    }

    /// <summary>The W3C traceparent of <paramref name="activity"/>, or null when there is none (or it is not W3C).</summary>
    public static string? TraceParentOf(Activity? activity) =>
        activity is { IdFormat: ActivityIdFormat.W3C } ? activity.Id : null;

    /// <summary>Sets the queue depth the gauge reports for scheduler shard <paramref name="shard"/>.</summary>
    public static void SetQueueDepth(long shard, long depth) => QueueDepths[shard] = depth;
}
