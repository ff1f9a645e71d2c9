namespace NasOrleans.Core.Trainers;

/// <summary>Where a trainer reports intermediate metrics (the heartbeat of its lease).</summary>
public interface ITrainingProgress
{
    /// <summary>Reports metrics at <paramref name="step"/> (an epoch, say); true means "stop this trial now".</summary>
    ValueTask<bool> ReportAsync(int step, IReadOnlyDictionary<string, double> metrics, CancellationToken cancellationToken);
}
