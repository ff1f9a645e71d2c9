namespace NasOrleans.Grains.Interfaces.Messages;

/// <summary>Where a trial stands. Values are stored: never renumber them.</summary>
[GenerateSerializer]
[Alias("nas.TrialStatus")]
public enum TrialStatus
{
    /// <summary>Waiting in the scheduler's queue.</summary>
    Pending = 0,

    /// <summary>Leased to a trainer.</summary>
    Running = 1,

    /// <summary>Trained; metrics recorded.</summary>
    Completed = 2,

    /// <summary>Training failed; the reason is recorded.</summary>
    Failed = 3,

    /// <summary>An architecture the study had already evaluated (or an equivalent one): answered from the ledger at no cost.</summary>
    Cached = 4,

    /// <summary>Stopped early by the study (early stopping or cancellation).</summary>
    Stopped = 5,
}
