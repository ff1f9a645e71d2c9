namespace NasOrleans.Grains.Training;

/// <summary>How a slot's run of one lease ended.</summary>
public enum SlotTrialOutcome
{
    /// <summary>Trained, and the study recorded it as completed.</summary>
    Completed,

    /// <summary>Trained (or failed to train), and the study recorded it as failed.</summary>
    Failed,

    /// <summary>Trained, but the study did not record it (another lease's result came first, or the study ended).</summary>
    NotRecorded,

    /// <summary>The scheduler said the trial is another lease's or recorded: the training was cancelled.</summary>
    LeaseLost,

    /// <summary>The slot was stopped (draining) and handed the lease back.</summary>
    HandedBack,
}
