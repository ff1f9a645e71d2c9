namespace NasOrleans.Training.Supernets.Search;

/// <summary>How a supernet search run ended.</summary>
public enum SupernetSearchStatus
{
    /// <summary>All steps ran; the final checkpoint is written.</summary>
    Completed,

    /// <summary>The progress callback asked to stop; the last checkpoint (just written) stands.</summary>
    Stopped,

    /// <summary>Saving a checkpoint found a newer one: another trainer took the search over; this one wrote nothing more.</summary>
    TakenOver,

    /// <summary>A training loss was not finite; nothing was written for the failing interval.</summary>
    Diverged,
}
