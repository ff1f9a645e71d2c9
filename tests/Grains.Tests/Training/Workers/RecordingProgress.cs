using NasOrleans.Core.Trainers;

namespace NasOrleans.Grains.Tests.Training.Workers;

/// <summary>Records the steps reported and answers "stop" at <c>stopAt</c> (0: never).</summary>
internal sealed class RecordingProgress(int stopAt) : ITrainingProgress
{
    public List<int> Steps { get; } = [];

    public Action<int>? OnReport { get; init; }

    public ValueTask<bool> ReportAsync(int step, IReadOnlyDictionary<string, double> metrics, CancellationToken cancellationToken)
    {
        Steps.Add(step);
        OnReport?.Invoke(step);
        return ValueTask.FromResult(stopAt > 0 && step >= stopAt);
    }
}
