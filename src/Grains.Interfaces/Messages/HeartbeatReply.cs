namespace NasOrleans.Grains.Interfaces.Messages;

/// <summary>The scheduler's answer to a heartbeat.</summary>
[GenerateSerializer]
[Alias("nas.HeartbeatReply")]
public enum HeartbeatReply
{
    /// <summary>The lease is extended: go on.</summary>
    Continue = 0,

    /// <summary>The study wants this trial stopped (early stopping): complete it now with what you have.</summary>
    Stop = 1,

    /// <summary>This lease is no longer current (expired and re-queued, or the study ended): abandon the trial.</summary>
    LeaseLost = 2,
}
