using NasOrleans.Core.Trainers;

namespace NasOrleans.Training.Trainers;

/// <summary>A progress sink that ignores reports and never stops a run.</summary>
public sealed class SilentProgress : ITrainingProgress
{
    /// <summary>The one instance.</summary>
    public static SilentProgress Instance { get; } = new();

    /// <inheritdoc />
    public ValueTask<bool> ReportAsync(int step, IReadOnlyDictionary<string, double> metrics, CancellationToken cancellationToken) => ValueTask.FromResult(false);
}
