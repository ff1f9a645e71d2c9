using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Storage;

/// <summary>
/// The trial store in memory, with the SQLite store's semantics (for tests and the <c>--store memory</c> benchmark).
/// One lock guards everything, so a batch is applied atomically. Records are copied on write (their maps too), and a
/// NaN score is kept as null, as SQLite keeps it; nothing survives the process.
/// </summary>
public sealed partial class MemoryTrialStore : ITrialStore, IMeasurementStore, ICompletionLog, IStrategyJournal, IArtifactStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, StudySummary> _studies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedDictionary<long, TrialRecord>> _trials = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc />
    public Task UpsertTrialsAsync(IReadOnlyList<TrialRecord> trials, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trials);
        cancellationToken.ThrowIfCancellationRequested();
        var copies = CopyAll(trials);
        lock (_gate)
        {
            UpsertLocked(copies);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TrialRecord>> GetTrialsAsync(string studyId, TrialQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Offset);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Limit);
        if (query.Order is not (TrialOrder.ById or TrialOrder.ByScore))
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Order, "Unknown trial order.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_trials.TryGetValue(studyId, out var study) || query.Limit == 0)
            {
                return Task.FromResult<IReadOnlyList<TrialRecord>>([]);
            }

            IEnumerable<TrialRecord> selected = study.Values;
            if (query.Status is { } status)
            {
                selected = selected.Where(t => t.Status == status);
            }

            if (query.Order == TrialOrder.ByScore)
            {
                // As SQLite orders score DESC: nulls last, ties by trial id (Core's TrialRanking, the one order of "best").
                selected = selected
                    .Where(t => t.Status == TrialStatus.Completed && t.Feasible)
                    .OrderBy(t => t.Score is null ? 1 : 0)
                    .ThenByDescending(t => t.Score)
                    .ThenBy(t => t.TrialId);
            }

            IReadOnlyList<TrialRecord> page = selected.Skip(query.Offset).Take(query.Limit).ToList();
            return Task.FromResult(page);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TrialRecord>> GetAllTrialsAsync(string studyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<TrialRecord> all = _trials.TryGetValue(studyId, out var study) ? study.Values.ToList() : [];
            return Task.FromResult(all);
        }
    }

    /// <inheritdoc />
    public Task<TrialRecord?> GetTrialAsync(string studyId, long trialId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var trial = _trials.TryGetValue(studyId, out var study) && study.TryGetValue(trialId, out var found) ? found : null;
            return Task.FromResult(trial);
        }
    }

    /// <inheritdoc />
    public Task UpsertStudyAsync(StudySummary study, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(study);
        cancellationToken.ThrowIfCancellationRequested();
        var copy = study with
        {
            DataChecksums = new Dictionary<string, string>(study.DataChecksums ?? new Dictionary<string, string>()),
            BestScore = study.BestScore is { } s && double.IsNaN(s) ? null : study.BestScore,
            Algorithm = study.Algorithm ?? "",
            Objective = study.Objective ?? "",
            Owner = study.Owner ?? "",
        };
        lock (_gate)
        {
            _studies[study.StudyId] = copy;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<StudySummary?> GetStudyAsync(string studyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_studies.GetValueOrDefault(studyId));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StudySummary>> ListStudiesAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<StudySummary> studies = _studies.Values
                .OrderByDescending(s => s.CreatedAt)
                .ThenBy(s => s.StudyId, StringComparer.Ordinal)
                .ToList();
            return Task.FromResult(studies);
        }
    }

    /// <inheritdoc />
    public Task DeleteStudyAsync(string studyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _studies.Remove(studyId);
            _trials.Remove(studyId);
            _measurements.Remove(studyId);
            _completions.Remove(studyId);
            _journals.Remove(studyId);
            _snapshots.Remove(studyId);
            _artifacts.Remove(studyId);
        }

        return Task.CompletedTask;
    }

    private static TrialRecord[] CopyAll(IReadOnlyList<TrialRecord> trials)
    {
        var copies = new TrialRecord[trials.Count];
        for (var i = 0; i < copies.Length; i++)
        {
            copies[i] = Copy(trials[i]);
        }

        return copies;
    }

    // Callers hold _gate.
    private void UpsertLocked(TrialRecord[] copies)
    {
        foreach (var trial in copies)
        {
            if (!_trials.TryGetValue(trial.StudyId, out var study))
            {
                _trials[trial.StudyId] = study = [];
            }

            study[trial.TrialId] = trial;
        }
    }

    private static TrialRecord Copy(TrialRecord trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        return trial with
        {
            Metrics = new Dictionary<string, double>(trial.Metrics ?? new Dictionary<string, double>()),
            Score = trial.Score is { } s && double.IsNaN(s) ? null : trial.Score,
            DurationSeconds = trial.DurationSeconds is { } d && double.IsNaN(d) ? null : trial.DurationSeconds,
        };
    }
}
