using NasOrleans.Core.Trainers;
using NasOrleans.Training.Data;
using NasOrleans.Training.Supernets;
using NasOrleans.Training.Supernets.Search;
using static NasOrleans.Training.Tests.Supernets.SupernetSamples;
using static TorchSharp.torch;

namespace NasOrleans.Training.Tests.Supernets.Search;

/// <summary>Tiny synthetic domains (12x12 RGB, a few hundred samples) and settings for the search job tests.</summary>
internal static class SupernetSearchSamples
{
    /// <summary>Two domains of <see cref="SupernetSamples.Classes"/> classes; class k brightens channel k % 3.</summary>
    public static SupernetSearchDomain[] Domains(int train = 240, int validation = 96) =>
        [.. Classes.Select((classes, d) => new SupernetSearchDomain($"d{d}", Part($"d{d}/train", classes, train, 10 + d), Part($"d{d}/validation", classes, validation, 20 + d)))];

    /// <summary>Small settings: SGD at 0.02 (ABDP at w = 2 on SGD 0.05 diverged within a few steps), checkpoint every 4, batch 8 per domain, controllers asked 4 steps at a time.</summary>
    public static SupernetSearchSettings Settings(long totalSteps = 12) => new()
    {
        TotalSteps = totalSteps,
        CheckpointEvery = 4,
        BatchSizes = [8, 8],
        LearningRate = 0.02,
        ControllerSampleBatch = 4,
        CostTarget = 5000,
        Seed = 11,
        Device = "cpu",
    };

    public static Dataset Part(string name, int classes, int count, long seed)
    {
        manual_seed(seed);
        var labels = randint(0, classes, [count], ScalarType.Int64);
        var features = randn(count, Input.Channels, Input.Height, Input.Width);
        var channel = labels.remainder(Input.Channels);
        var shift = nn.functional.one_hot(channel, Input.Channels).to_type(ScalarType.Float32).mul(1.5).reshape(count, Input.Channels, 1, 1);
        return new Dataset(name, features.add(shift), labels, Input, classes);
    }

    /// <summary>Records the reports; asks to stop once <see cref="StopAtStep"/> is reported.</summary>
    public sealed class RecordingProgress : ITrainingProgress
    {
        public long StopAtStep { get; init; } = long.MaxValue;

        public List<(int Step, IReadOnlyDictionary<string, double> Metrics)> Reports { get; } = [];

        public ValueTask<bool> ReportAsync(int step, IReadOnlyDictionary<string, double> metrics, CancellationToken cancellationToken)
        {
            Reports.Add((step, metrics));
            return ValueTask.FromResult(step >= StopAtStep);
        }
    }
}
