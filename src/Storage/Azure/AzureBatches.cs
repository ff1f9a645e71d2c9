using Azure.Data.Tables;

namespace NasOrleans.Storage.Azure;

/// <summary>
/// Entity group transactions: the actions on one partition go in batches of at most <see cref="MaxActions"/> actions
/// and <see cref="MaxBatchBytes"/> of entities (the service allows 100 and 4 MiB). Each batch is atomic; a call that
/// needs several batches is not, but every action this store sends is idempotent (upserts and deletes by key, and
/// appends under keys fixed before the first attempt), so a retried call converges.
/// </summary>
internal static class AzureBatches
{
    /// <summary>The most actions in one transaction (the service's limit).</summary>
    public const int MaxActions = 100;

    /// <summary>The most entity bytes (estimated) this store puts in one transaction.</summary>
    public const long MaxBatchBytes = 3 * 1024 * 1024;

    /// <summary>The actions cut into transactions: per partition, in the given order, within the limits.</summary>
    public static List<List<TableTransactionAction>> Split(IEnumerable<TableTransactionAction> actions)
    {
        var batches = new List<List<TableTransactionAction>>();
        foreach (var partition in actions.GroupBy(a => a.Entity.PartitionKey, StringComparer.Ordinal))
        {
            var current = new List<TableTransactionAction>();
            long bytes = 0;
            foreach (var action in partition)
            {
                var size = AzureText.EstimateBytes(action.Entity as TableEntity ?? new TableEntity(action.Entity.PartitionKey, action.Entity.RowKey));
                if (current.Count == MaxActions || (current.Count > 0 && bytes + size > MaxBatchBytes))
                {
                    batches.Add(current);
                    current = [];
                    bytes = 0;
                }

                current.Add(action);
                bytes += size;
            }

            if (current.Count > 0)
            {
                batches.Add(current);
            }
        }

        return batches;
    }

    /// <summary>Submits the actions as transactions (<see cref="Split"/>), one after another.</summary>
    public static async Task SubmitAsync(TableClient table, IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        foreach (var batch in Split(actions))
        {
            await table.SubmitTransactionAsync(batch, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Deletes every entity the filter selects (keys only are read), in transactions. A batch that fails because one
    /// of its entities is gone already (another deleter, or a retry after a lost acknowledgement) is read again.
    /// </summary>
    /// <returns>How many were deleted.</returns>
    public static async Task<int> DeleteWhereAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var keys = new List<TableTransactionAction>();
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                keys.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(entity.PartitionKey, entity.RowKey), global::Azure.ETag.All));
            }

            try
            {
                await SubmitAsync(table, keys, cancellationToken).ConfigureAwait(false);
                return keys.Count;
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 404 && attempt < 10)
            {
                // Deleted meanwhile: read what is left and go on.
            }
        }
    }
}
