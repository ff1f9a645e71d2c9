using NasOrleans.Core.Trainers;

namespace NasOrleans.Training.Tests.Loop;

/// <summary>Records every report; answers "stop" from <paramref name="stopAtStep"/> on.</summary>
public sealed class RecordingProgress(int stopAtStep = int.MaxValue) : ITrainingProgress
{
    public List<(int Step, IReadOnlyDictionary<string, double> Metrics)> Reports { get; } = [];

    public ValueTask<bool> ReportAsync(int step, IReadOnlyDictionary<string, double> metrics, CancellationToken cancellationToken)
    {
        lock (Reports)
        {
            Reports.Add((step, metrics));
        }

        return ValueTask.FromResult(step >= stopAtStep);
    }
}
