using System.Globalization;
using NasOrleans.Core.Randomness;

namespace NasOrleans.Training.Loop;

/// <summary>The mutable state of one run.</summary>
internal sealed class TrainingRunState(TrainingSettings settings, int trainCount, int classes, DeterministicRandom shuffle)
{
    private readonly double _floor = Math.Log(classes);
    private double _firstLoss = double.NaN;

    public TrainingSettings Settings { get; } = settings;

    public DeterministicRandom Shuffle { get; } = shuffle;

    public long StepsPerEpoch { get; } = Math.Max(1, (trainCount + settings.BatchSize - 1) / settings.BatchSize);

    public long Step { get; set; }

    public double LearningRate { get; set; } = settings.LearningRate;

    public long Samples { get; set; }

    public double TrainSeconds { get; set; }

    public string? Divergence { get; set; }

    public string? CheckDivergence(float loss, int epoch, int batch)
    {
        if (double.IsNaN(_firstLoss))
        {
            _firstLoss = loss;
        }

        var limit = Math.Min(TrainingSettings.LossLimit, TrainingSettings.LossGrowthLimit * Math.Max(_firstLoss, _floor));
        var what = float.IsNaN(loss) ? "loss NaN"
            : float.IsInfinity(loss) ? "loss infinite"
            : loss > limit ? $"loss {loss.ToString("G4", CultureInfo.InvariantCulture)} above {limit.ToString("G4", CultureInfo.InvariantCulture)}"
            : null;
        return what is null
            ? null
            : $"training diverged at epoch {epoch}, batch {batch}: {what}; lower learning_rate (was {Settings.LearningRate.ToString(CultureInfo.InvariantCulture)})";
    }
}
