using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Storage;

/// <summary>The <see cref="ICompletionLog"/> part of <see cref="MemoryTrialStore"/>: rows and log entries change under one lock.</summary>
public sealed partial class MemoryTrialStore
{
    private readonly Dictionary<string, List<CompletionLogEntry>> _completions = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task RecordCompletionsAsync(IReadOnlyList<TrialRecord> trials, IReadOnlyList<CompletionLogEntry> completions, CancellationToken cancellationToken = default)
    {
        _ = CompletionLogEntry.IsWorkToRecord(trials, completions);
        cancellationToken.ThrowIfCancellationRequested();
        var copies = CopyAll(trials);
        lock (_gate)
        {
            UpsertLocked(copies);
            foreach (var completion in completions)
            {
                if (!_completions.TryGetValue(completion.StudyId, out var log))
                {
                    _completions[completion.StudyId] = log = [];
                }

                log.Add(completion);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CompletionLogEntry>> GetCompletionsAsync(string studyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<CompletionLogEntry> entries = _completions.TryGetValue(studyId, out var log) ? log.ToList() : [];
            return Task.FromResult(entries);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<long, int>> GetRecordedTwiceAsync(string studyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyDictionary<long, int> twice = _completions.TryGetValue(studyId, out var log)
                ? log.GroupBy(e => e.TrialId).Where(g => g.Count() > 1).ToDictionary(g => g.Key, g => g.Count())
                : new Dictionary<long, int>();
            return Task.FromResult(twice);
        }
    }
}
