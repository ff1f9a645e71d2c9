using NasOrleans.Core.Spaces;
using NasOrleans.Training.Data;
using NasOrleans.Training.Devices;
using NasOrleans.Training.Loop;
using NasOrleans.Training.Models;

namespace NasOrleans.Training.Trainers;

/// <summary>
/// Trains one architecture from scratch, stand-alone (its own weights, seeded by the settings' seed), for the budget
/// the settings give (epochs over at most <see cref="TrainingSettings.MaxTrainSamples"/> training samples), on the CPU
/// unless told otherwise, and reports its validation and test accuracy and the training samples it processed.
/// </summary>
public static class StandaloneTraining
{
    /// <summary>Trains <paramref name="architecture"/> of <paramref name="space"/> on <paramref name="split"/>; see the class summary.</summary>
    public static async Task<StandaloneResult> TrainAsync(
        SearchSpace space, Architecture architecture, DatasetSplit split, TrainingSettings settings, CancellationToken cancellationToken, string device = "cpu")
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(settings);
        settings.ThrowIfInvalid();
        var (parameters, flops) = ModelCost.Compute(space, architecture, split.Shape, split.Classes);
        using var module = SeededModel.Build(space, architecture, split.Shape, split.Classes, settings.Seed);
        var result = await TrainingLoop.RunAsync(module, split, settings, DeviceSelector.Choose(device), SilentProgress.Instance, cancellationToken).ConfigureAwait(false);
        var perEpoch = settings.MaxTrainSamples > 0 ? Math.Min(settings.MaxTrainSamples, split.Train.Count) : split.Train.Count;
        var diverged = result.Status == TrainingStatus.Diverged;
        return new StandaloneResult(
            architecture.Key,
            parameters,
            flops,
            diverged ? double.NaN : result.ValidationAccuracy,
            diverged ? double.NaN : result.TestAccuracy ?? double.NaN,
            (long)perEpoch * Math.Max(result.Epochs, diverged ? result.Epochs + 1 : 0),
            result.TrainSeconds);
    }
}
