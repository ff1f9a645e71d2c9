namespace NasOrleans.Training.Loop;

/// <summary>How the learning rate changes over a run (after the optional linear warmup).</summary>
public enum LearningRateSchedule
{
    /// <summary>The learning rate stays as given.</summary>
    Constant,

    /// <summary>Cosine decay from the learning rate to zero over the remaining steps, updated every batch.</summary>
    Cosine,
}
