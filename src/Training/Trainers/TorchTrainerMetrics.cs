using NasOrleans.Training.Loop;

namespace NasOrleans.Training.Trainers;

/// <summary>The metrics of a trial from a <see cref="TrainingResult"/> and the model's cost.</summary>
internal static class TorchTrainerMetrics
{
    public static Dictionary<string, double> From(TrainingResult result, long parameters, double flops)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["params"] = parameters,
            ["flops"] = flops,
            ["epochs"] = result.Epochs,
            ["train_seconds"] = result.TrainSeconds,
            ["train_samples_per_second"] = result.TrainSamplesPerSecond,
        };
        if (result.Epochs > 0)
        {
            metrics["validation_accuracy"] = result.ValidationAccuracy;
            metrics["validation_loss"] = result.ValidationLoss;
        }

        if (result.TestAccuracy is { } test)
        {
            metrics["test_accuracy"] = test;
        }

        foreach (var key in metrics.Where(p => !double.IsFinite(p.Value)).Select(p => p.Key).ToList())
        {
            metrics.Remove(key);
        }

        return metrics;
    }
}
