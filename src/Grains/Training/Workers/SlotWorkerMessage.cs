namespace NasOrleans.Grains.Training.Workers;

/// <summary>
/// One line of the protocol between a trainer slot and its worker process (JSON, one message per line, after
/// <see cref="SlotWorkerWire.Prefix"/>). The slot sends <see cref="SlotWorkerMessageKinds.Train"/> and
/// <see cref="SlotWorkerMessageKinds.Decision"/>; the worker sends <see cref="SlotWorkerMessageKinds.Ready"/>,
/// <see cref="SlotWorkerMessageKinds.Report"/> and <see cref="SlotWorkerMessageKinds.Outcome"/>.
/// </summary>
public sealed record SlotWorkerMessage
{
    /// <summary>What the message is (<see cref="SlotWorkerMessageKinds"/>).</summary>
    public required string Kind { get; init; }

    /// <summary>Train: the study.</summary>
    public string? StudyId { get; init; }

    /// <summary>Train: the trial.</summary>
    public long TrialId { get; init; }

    /// <summary>Train: the spec's hash (the worker keeps one trainer per study and hash).</summary>
    public string? SpecHash { get; init; }

    /// <summary>Train: the study's spec, as JSON.</summary>
    public string? Spec { get; init; }

    /// <summary>Train: the architecture's key.</summary>
    public string? Architecture { get; init; }

    /// <summary>Train: the slot's device.</summary>
    public string? Device { get; init; }

    /// <summary>Train: the slot's CPU thread budget.</summary>
    public int Threads { get; init; }

    /// <summary>Report: the step (an epoch).</summary>
    public int Step { get; init; }

    /// <summary>Report and outcome: metrics.</summary>
    public Dictionary<string, double>? Metrics { get; init; }

    /// <summary>Decision: true when the study wants the trial stopped early.</summary>
    public bool Stop { get; init; }

    /// <summary>Outcome: whether the trial succeeded.</summary>
    public bool Succeeded { get; init; }

    /// <summary>Outcome: why it failed.</summary>
    public string? Error { get; init; }

    /// <summary>Ready: the worker's process id.</summary>
    public int ProcessId { get; init; }
}
