namespace NasOrleans.Training.Loop;

/// <summary>What a training run reached.</summary>
/// <param name="Status">Completed, stopped early, or diverged.</param>
/// <param name="Reason">Why it stopped or diverged, in words; null when completed.</param>
/// <param name="ValidationAccuracy">The validation accuracy after the last finished epoch, in percent (NaN when no epoch finished).</param>
/// <param name="ValidationLoss">The validation loss after the last finished epoch (NaN when no epoch finished).</param>
/// <param name="TestAccuracy">The test accuracy in percent, evaluated once at the end of a completed or stopped run (for the report only); null when diverged.</param>
/// <param name="TestLoss">The test loss, alongside <paramref name="TestAccuracy"/>.</param>
/// <param name="Curve">The metrics of every finished epoch.</param>
/// <param name="TrainSeconds">Wall time of the epochs: training and validation passes (the test pass excluded).</param>
/// <param name="TrainSamplesPerSecond">Training samples per second of the training passes alone (forward, backward, step).</param>
public sealed record TrainingResult(
    TrainingStatus Status,
    string? Reason,
    double ValidationAccuracy,
    double ValidationLoss,
    double? TestAccuracy,
    double? TestLoss,
    IReadOnlyList<EpochMetrics> Curve,
    double TrainSeconds,
    double TrainSamplesPerSecond)
{
    /// <summary>The number of finished epochs.</summary>
    public int Epochs => Curve.Count;
}
