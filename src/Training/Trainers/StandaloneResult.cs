namespace NasOrleans.Training.Trainers;

/// <summary>What <see cref="StandaloneTraining"/> reached for one architecture.</summary>
/// <param name="Architecture">The architecture's key.</param>
/// <param name="Params">Its parameters.</param>
/// <param name="Flops">Its FLOPs for one sample.</param>
/// <param name="ValidationAccuracy">Validation accuracy in percent after the last epoch (what a search may see).</param>
/// <param name="TestAccuracy">Test accuracy in percent (for the report only); NaN when training diverged.</param>
/// <param name="TrainingSamples">Training samples processed: epochs finished x training samples.</param>
/// <param name="Seconds">Wall time of the training and validation passes.</param>
public sealed record StandaloneResult(
    string Architecture, long Params, double Flops, double ValidationAccuracy, double TestAccuracy, long TrainingSamples, double Seconds)
{
    /// <summary>Whether training ended with finite accuracies (it did not diverge).</summary>
    public bool Succeeded => double.IsFinite(ValidationAccuracy) && double.IsFinite(TestAccuracy);
}
