namespace NasOrleans.Grains.Telemetry;

/// <summary>
/// The names of the metrics the silos export, as OpenTelemetry instruments and as Prometheus series (what the
/// <c>/metrics</c> endpoint serves and what deploy/k8s scales on). Renaming one breaks dashboards and autoscalers.
/// </summary>
public static class NasMetricNames
{
    /// <summary>Trials waiting for a trainer, per study (tag <see cref="NasTelemetry.StudyTag"/>), on the silo that holds the study's queue.</summary>
    public const string TrialsPending = "nas.trials.pending";

    /// <summary>Trials leased to a trainer and not yet finished, per study.</summary>
    public const string TrialsRunning = "nas.trials.running";

    /// <summary>Trials waiting for a trainer over every study this silo schedules (the autoscalers' input: sum over silos).</summary>
    public const string ClusterTrialsPending = "nas.cluster.trials.pending";

    /// <summary>Trials running over every study this silo schedules.</summary>
    public const string ClusterTrialsRunning = "nas.cluster.trials.running";

    /// <summary>Leases that expired (their trainer stopped renewing) and were re-queued.</summary>
    public const string LeaseExpiries = "nas.leases.expired";

    /// <summary>Trainer slots of this silo that are training, per device (tag <c>nas.device</c>).</summary>
    public const string SlotsBusy = "nas.slots.busy";

    /// <summary>Trainer slots of this silo that are waiting for work, per device.</summary>
    public const string SlotsIdle = "nas.slots.idle";

    /// <summary>CUDA memory allocated by this silo's trainer, per device (only where CUDA is present).</summary>
    public const string GpuMemoryUsed = "nas.gpu.memory.used";

    /// <summary>The Prometheus series of <see cref="ClusterTrialsPending"/> (OpenTelemetry's exporter: dots to underscores, the <c>{trial}</c> unit dropped).</summary>
    public const string PrometheusClusterTrialsPending = "nas_cluster_trials_pending";

    /// <summary>The Prometheus series of <see cref="TrialsPending"/>.</summary>
    public const string PrometheusTrialsPending = "nas_trials_pending";

    /// <summary>The Prometheus series of <see cref="ClusterTrialsRunning"/>.</summary>
    public const string PrometheusClusterTrialsRunning = "nas_cluster_trials_running";

    /// <summary>The Prometheus series of <see cref="TrialsRunning"/>.</summary>
    public const string PrometheusTrialsRunning = "nas_trials_running";

    /// <summary>The Prometheus series of <see cref="LeaseExpiries"/> (a counter: <c>_total</c> added).</summary>
    public const string PrometheusLeaseExpiries = "nas_leases_expired_total";

    /// <summary>The Prometheus series of <see cref="SlotsBusy"/>.</summary>
    public const string PrometheusSlotsBusy = "nas_slots_busy";

    /// <summary>The Prometheus series of <see cref="SlotsIdle"/>.</summary>
    public const string PrometheusSlotsIdle = "nas_slots_idle";

    /// <summary>The Prometheus series of <see cref="GpuMemoryUsed"/> (unit bytes).</summary>
    public const string PrometheusGpuMemoryUsed = "nas_gpu_memory_used_bytes";

    /// <summary>The Prometheus histogram of the trial duration (<c>nas.trial.duration</c>, seconds).</summary>
    public const string PrometheusTrialDuration = "nas_trial_duration_seconds";
}
