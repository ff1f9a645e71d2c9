namespace NasOrleans.Storage;

/// <summary>The <see cref="IMeasurementStore"/> part of <see cref="MemoryTrialStore"/> (same lock, same copying rules).</summary>
public sealed partial class MemoryTrialStore
{
    private readonly Dictionary<string, Dictionary<long, SortedDictionary<long, TrialMeasurement>>> _measurements = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task AppendMeasurementsAsync(IReadOnlyList<TrialMeasurement> measurements, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        cancellationToken.ThrowIfCancellationRequested();
        var copies = new TrialMeasurement[measurements.Count];
        for (var i = 0; i < copies.Length; i++)
        {
            var measurement = measurements[i];
            ArgumentNullException.ThrowIfNull(measurement);
            ArgumentException.ThrowIfNullOrEmpty(measurement.StudyId);
            copies[i] = measurement with { Metrics = new Dictionary<string, double>(measurement.Metrics ?? new Dictionary<string, double>()) };
        }

        lock (_gate)
        {
            foreach (var measurement in copies)
            {
                if (!_measurements.TryGetValue(measurement.StudyId, out var study))
                {
                    _measurements[measurement.StudyId] = study = [];
                }

                if (!study.TryGetValue(measurement.TrialId, out var steps))
                {
                    study[measurement.TrialId] = steps = [];
                }

                steps[measurement.Step] = measurement;
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TrialMeasurement>> GetMeasurementsAsync(string studyId, long trialId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<TrialMeasurement> curve = _measurements.TryGetValue(studyId, out var study) && study.TryGetValue(trialId, out var steps)
                ? steps.Values.ToList()
                : [];
            return Task.FromResult(curve);
        }
    }
}
