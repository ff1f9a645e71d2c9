namespace NasOrleans.Training.Loop;

/// <summary>One point of the learning curve.</summary>
/// <param name="Epoch">The epoch, from 1.</param>
/// <param name="TrainLoss">The mean training loss of the epoch (label smoothing included).</param>
/// <param name="ValidationLoss">The mean cross-entropy on the validation part after the epoch.</param>
/// <param name="ValidationAccuracy">The validation accuracy after the epoch, in percent.</param>
/// <param name="LearningRate">The learning rate of the epoch's last batch.</param>
public sealed record EpochMetrics(int Epoch, double TrainLoss, double ValidationLoss, double ValidationAccuracy, double LearningRate)
{
    /// <summary>The metrics as reported through <c>ITrainingProgress</c>: epoch, validation_accuracy, validation_loss, train_loss, learning_rate.</summary>
    public IReadOnlyDictionary<string, double> ToReport() => new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["epoch"] = Epoch,
        ["validation_accuracy"] = ValidationAccuracy,
        ["validation_loss"] = ValidationLoss,
        ["train_loss"] = TrainLoss,
        ["learning_rate"] = LearningRate,
    };
}
