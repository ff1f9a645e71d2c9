using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Storage.Azure;

/// <summary>
/// The trial store in Azure Storage, for a cluster of silos sharing one storage account. Every row of a study (trials,
/// measurements, completion log, strategy journal, artifact index) lives in the study's partition of one table, so a
/// batch of a study's rows is one entity group transaction (up to 100 rows, atomic); study summaries live in a second
/// table, artifact contents and large strategy snapshots in a blob container. Where the PostgreSQL store takes locks,
/// this one writes conditionally on ETags and retries on conflict. Transient failures are retried by the Azure clients
/// (<see cref="AzureStorageOptions.MaxRetries"/>); every write is idempotent so a retry adds nothing twice.
/// Semantics match the SQLite and PostgreSQL stores: a NaN score is kept as null, score order puts nulls last,
/// timestamps round-trip to the tick. Queries other than by key read the study's partition (fine for the studies of
/// this product, up to about a million trials).
/// </summary>
public sealed partial class AzureTrialStore : ITrialStore, IMeasurementStore, ICompletionLog, IStrategyJournal, IArtifactStore
{
    private readonly AzureStorageOptions _options;
    private readonly TableClient _trials;
    private readonly TableClient _studies;
    private readonly BlobContainerClient _blobs;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private volatile bool _initialized;

    /// <summary>Creates a store over the account that <paramref name="options"/> names (nothing is contacted yet).</summary>
    /// <param name="options">The account, the name prefix and the retries.</param>
    /// <param name="logger">Optional logger.</param>
    /// <exception cref="ArgumentException">The options are invalid (every problem is listed).</exception>
    public AzureTrialStore(AzureStorageOptions options, ILogger<AzureTrialStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        _options = options;
        _logger = logger ?? NullLogger<AzureTrialStore>.Instance;
        var tables = options.CreateTableServiceClient();
        _trials = tables.GetTableClient(options.TrialsTable);
        _studies = tables.GetTableClient(options.StudiesTable);
        _blobs = options.CreateBlobServiceClient().GetBlobContainerClient(options.ArtifactsContainer);
        _artifactRules = new ArtifactRules(options.Artifacts);
    }

    /// <summary>The prefix of the store's tables and container.</summary>
    public string TablePrefix => _options.TablePrefix;

    /// <summary>Whether the tables and container were created or checked.</summary>
    internal bool IsInitialized => _initialized;

    /// <inheritdoc />
    /// <remarks>Creates the two tables and the container when missing; safe from several silos at once.</remarks>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (_initialized)
        {
            return;
        }

        await _initLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_initialized)
            {
                await _trials.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
                await _studies.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
                await _blobs.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                _initialized = true;
                _logger.AzureOpened(_trials.AccountName, _options.TablePrefix);
            }
        }
        finally
        {
            _initLock.Release();
        }
    }

    /// <inheritdoc />
    /// <remarks>When a batch names one key twice, the last record wins. Each study's rows go in transactions of up to 100.</remarks>
    public async Task UpsertTrialsAsync(IReadOnlyList<TrialRecord> trials, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trials);
        if (trials.Count == 0)
        {
            return;
        }

        var actions = TrialActions(trials);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var started = Stopwatch.GetTimestamp();
        await AzureBatches.SubmitAsync(_trials, actions, cancellationToken).ConfigureAwait(false);
        _logger.TrialsUpserted(actions.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <inheritdoc />
    /// <remarks>A negative offset or limit throws; a zero limit returns nothing. <see cref="TrialOrder.ByScore"/> ranks
    /// completed feasible trials only (null scores last), so a status filter other than completed returns nothing.</remarks>
    public async Task<IReadOnlyList<TrialRecord>> GetTrialsAsync(string studyId, TrialQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Offset);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Limit);
        if (query.Order is not (TrialOrder.ById or TrialOrder.ByScore))
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Order, "Unknown trial order.");
        }

        if (query.Limit == 0 || (query.Order == TrialOrder.ByScore && query.Status is not (null or TrialStatus.Completed)))
        {
            return [];
        }

        var filter = AzureKeys.StartsWith(AzureKeys.Encode(studyId), AzureKeys.Trial);
        if (query.Order == TrialOrder.ByScore)
        {
            var ranked = await QueryTrialsAsync(filter + $" and Status eq {(int)TrialStatus.Completed} and Feasible eq true", cancellationToken).ConfigureAwait(false);
            return [.. ranked
                .OrderBy(t => t.Score is null)
                .ThenByDescending(t => t.Score ?? 0)
                .ThenBy(t => t.TrialId)
                .Skip(query.Offset)
                .Take(query.Limit)];
        }

        if (query.Status is { } status)
        {
            filter += $" and Status eq {(int)status}";
        }

        var rows = await QueryTrialsAsync(filter, cancellationToken, query.Offset + query.Limit).ConfigureAwait(false);
        return [.. rows.Skip(query.Offset).Take(query.Limit)];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TrialRecord>> GetAllTrialsAsync(string studyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        return await QueryTrialsAsync(AzureKeys.StartsWith(AzureKeys.Encode(studyId), AzureKeys.Trial), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<TrialRecord?> GetTrialAsync(string studyId, long trialId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        var entity = await GetEntityAsync(_trials, AzureKeys.Encode(studyId), AzureKeys.TrialRow(trialId), cancellationToken).ConfigureAwait(false);
        return entity is null ? null : AzureTrialRows.FromEntity(entity);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The study's rows (trials, measurements, log, journals, artifact index) go first, then its blobs, then its
    /// summary: not one transaction, but a delete cut short leaves the summary, and deleting again finishes it.
    /// </remarks>
    public async Task DeleteStudyAsync(string studyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var deleted = await AzureBatches.DeleteWhereAsync(_trials, $"PartitionKey eq '{AzureKeys.Quote(AzureKeys.Encode(studyId))}'", cancellationToken).ConfigureAwait(false);
        await DeleteBlobsAsync(StudyBlobPrefix(studyId), cancellationToken).ConfigureAwait(false);
        await DeleteIfExistsAsync(_studies, AzureKeys.StudiesPartition, AzureKeys.Encode(studyId), cancellationToken).ConfigureAwait(false);
        _logger.StudyDeleted(studyId, deleted);
    }

    private static List<TableTransactionAction> TrialActions(IReadOnlyList<TrialRecord> trials)
    {
        // The last record of a key wins: a transaction may not name one entity twice.
        var byKey = new Dictionary<(string, long), TableEntity>(trials.Count);
        foreach (var trial in trials)
        {
            byKey[(trial?.StudyId ?? "", trial?.TrialId ?? 0)] = AzureTrialRows.ToEntity(trial!);
        }

        return [.. byKey.Values.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e))];
    }

    private async Task<List<TrialRecord>> QueryTrialsAsync(string filter, CancellationToken cancellationToken, int? stopAfter = null)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<TrialRecord>();
        await foreach (var entity in _trials.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(AzureTrialRows.FromEntity(entity));
            if (rows.Count == stopAfter)
            {
                break;
            }
        }

        return rows;
    }

    private async Task<TableEntity?> GetEntityAsync(TableClient table, string partition, string row, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    private static async Task DeleteIfExistsAsync(TableClient table, string partition, string row, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(partition, row, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Gone already.
        }
    }
}
