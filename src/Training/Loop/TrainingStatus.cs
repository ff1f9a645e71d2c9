namespace NasOrleans.Training.Loop;

/// <summary>How a training run ended.</summary>
public enum TrainingStatus
{
    /// <summary>Every epoch ran.</summary>
    Completed,

    /// <summary>The progress sink asked to stop before the last epoch (early stopping); the result holds what was reached.</summary>
    Stopped,

    /// <summary>The loss became NaN, infinite or exploded; the result's reason says where.</summary>
    Diverged,
}
