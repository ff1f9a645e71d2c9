namespace NasOrleans.Grains.Training.Workers;

/// <summary>The kinds of <see cref="SlotWorkerMessage"/>.</summary>
public static class SlotWorkerMessageKinds
{
    /// <summary>Worker to slot: started, with its process id.</summary>
    public const string Ready = "ready";

    /// <summary>Slot to worker: train one trial.</summary>
    public const string Train = "train";

    /// <summary>Worker to slot: intermediate metrics; the worker waits for a <see cref="Decision"/>.</summary>
    public const string Report = "report";

    /// <summary>Slot to worker: whether to stop the trial early.</summary>
    public const string Decision = "decision";

    /// <summary>Worker to slot: the trial's outcome.</summary>
    public const string Outcome = "outcome";
}
