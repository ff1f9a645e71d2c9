using System.Globalization;
using Azure.Data.Tables;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Storage.Azure;

/// <summary>
/// The <see cref="ICompletionLog"/> part of <see cref="AzureTrialStore"/>: <c>c_</c> rows in the study's partition,
/// written in the same entity group transaction as the trial rows (when a study's rows of one call number 100 or
/// fewer, as a trainer's report does; beyond that in several transactions, trial rows first). An entry's key is fixed
/// before the first attempt (a time-ordered number, the call's write id and the entry's ordinal), so a transaction
/// retried after a lost acknowledgement appends nothing more, while a second call always appends.
/// </summary>
public sealed partial class AzureTrialStore
{
    private static long s_lastLogTicks;

    /// <inheritdoc />
    public async Task RecordCompletionsAsync(IReadOnlyList<TrialRecord> trials, IReadOnlyList<CompletionLogEntry> completions, CancellationToken cancellationToken = default)
    {
        if (!CompletionLogEntry.IsWorkToRecord(trials, completions))
        {
            return;
        }

        var actions = TrialActions(trials);
        var writeId = Guid.NewGuid().ToString("N");
        var order = AzureKeys.Number(NextLogTicks());
        for (var i = 0; i < completions.Count; i++)
        {
            var entry = completions[i];
            var entity = new TableEntity(
                AzureKeys.Encode(entry.StudyId),
                string.Create(CultureInfo.InvariantCulture, $"{AzureKeys.Completion}{order}_{writeId}_{i:D6}"))
            {
                ["StudyId"] = entry.StudyId,
                ["TrialId"] = entry.TrialId,
                ["Attempt"] = entry.Attempt,
                ["Status"] = (int)entry.Status,
                ["RecordedAt"] = entry.RecordedAt.UtcTicks,
            };
            AzureTrialRows.SetIf(entity, "LeaseId", entry.LeaseId);
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity));
        }

        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        await AzureBatches.SubmitAsync(_trials, actions, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CompletionLogEntry>> GetCompletionsAsync(string studyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<CompletionLogEntry>();
        await foreach (var entity in _trials.QueryAsync<TableEntity>(AzureKeys.StartsWith(AzureKeys.Encode(studyId), AzureKeys.Completion), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new CompletionLogEntry
            {
                StudyId = entity.GetString("StudyId"),
                TrialId = entity.GetInt64("TrialId") ?? 0,
                LeaseId = entity.GetGuid("LeaseId"),
                Attempt = entity.GetInt32("Attempt") ?? 0,
                Status = (TrialStatus)(entity.GetInt32("Status") ?? 0),
                RecordedAt = AzureTrialRows.FromTicks(entity.GetInt64("RecordedAt") ?? 0),
            });
        }

        return entries;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<long, int>> GetRecordedTwiceAsync(string studyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var counts = new SortedDictionary<long, int>();
        var filter = AzureKeys.StartsWith(AzureKeys.Encode(studyId), AzureKeys.Completion);
        await foreach (var entity in _trials.QueryAsync<TableEntity>(filter, select: ["TrialId"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var trial = entity.GetInt64("TrialId") ?? 0;
            counts[trial] = counts.GetValueOrDefault(trial) + 1;
        }

        return counts.Where(c => c.Value > 1).ToDictionary(c => c.Key, c => c.Value);
    }

    // Strictly increasing within this process (so one silo's entries keep their order), close to the wall clock.
    private static long NextLogTicks()
    {
        while (true)
        {
            var last = Interlocked.Read(ref s_lastLogTicks);
            var next = Math.Max(DateTime.UtcNow.Ticks, last + 1);
            if (Interlocked.CompareExchange(ref s_lastLogTicks, next, last) == last)
            {
                return next;
            }
        }
    }
}
