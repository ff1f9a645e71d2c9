using Microsoft.Data.Sqlite;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Storage.Sqlite;
using static NasOrleans.Storage.Tests.TestRecords;

namespace NasOrleans.Storage.Tests;

/// <summary>The store contract against <see cref="SqliteTrialStore"/>, plus what only a file can show.</summary>
public sealed class SqliteTrialStoreTests : TrialStoreContractTests
{
    private readonly TempDirectory _directory = new();

    private SqliteStorageOptions Options => new() { DataDirectory = _directory.Path };

    protected override Task<ITrialStore> CreateStoreAsync() => Task.FromResult<ITrialStore>(new SqliteTrialStore(Options));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task InitializeAsync_CalledAgainAndByAnotherStore_KeepsOneVersionRow()
    {
        await Store.InitializeAsync();
        using (var second = new SqliteTrialStore(Options))
        {
            await second.InitializeAsync();
        }

        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(version) FROM (SELECT version FROM schema_version ORDER BY version);";
        Assert.Equal(string.Join(",", Enumerable.Range(1, SqliteSchema.LatestVersion)), await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task InitializeAsync_SeveralStoresAtOnceOnANewFile_MigrateOnce()
    {
        var options = new SqliteStorageOptions { DataDirectory = Path.Combine(_directory.Path, "fresh") };
        var stores = Enumerable.Range(0, 6).Select(_ => new SqliteTrialStore(options)).ToList();

        await Task.WhenAll(stores.Select(s => Task.Run(() => s.InitializeAsync())));
        stores.ForEach(s => s.Dispose());

        await using var connection = new SqliteConnection(options.BuildConnectionString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM schema_version;";
        Assert.Equal((long)SqliteSchema.LatestVersion, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task InitializeAsync_FileAtVersionOne_AddsTheMeasurementsTable()
    {
        await Store.UpsertTrialsAsync([Trial("s", 1)]);
        ((SqliteTrialStore)Store).Dispose();
        await using (var connection = await OpenAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "DROP TABLE trial_measurements; DELETE FROM schema_version WHERE version > 1;";
            await command.ExecuteNonQueryAsync();
        }

        using var reopened = new SqliteTrialStore(Options);
        await reopened.AppendMeasurementsAsync(
            [new TrialMeasurement { StudyId = "s", TrialId = 1, Step = 1, RecordedAt = Epoch, Metrics = new Dictionary<string, double> { ["loss"] = 0.5 } }]);

        Assert.Equal(0.5, Assert.Single(await reopened.GetMeasurementsAsync("s", 1)).Metrics["loss"]);
        Assert.Single(await reopened.GetAllTrialsAsync("s"));
    }

    [Fact]
    public async Task InitializeAsync_FileAtVersionTwo_AddsTheCompletionLog()
    {
        await Store.UpsertTrialsAsync([Completed("s", 1, 0.5)]);
        ((SqliteTrialStore)Store).Dispose();
        await using (var connection = await OpenAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "DROP TABLE trial_completions; DELETE FROM schema_version WHERE version > 2;";
            await command.ExecuteNonQueryAsync();
        }

        using var reopened = new SqliteTrialStore(Options);
        var entry = new CompletionLogEntry { StudyId = "s", TrialId = 1, Status = TrialStatus.Completed, RecordedAt = Epoch };
        await reopened.RecordCompletionsAsync([Completed("s", 1, 0.5)], [entry]);
        await reopened.RecordCompletionsAsync([Completed("s", 1, 0.5)], [entry]);

        Assert.Equal(2, (await reopened.GetRecordedTwiceAsync("s"))[1]);
        Assert.Single(await reopened.GetAllTrialsAsync("s"));
    }

    [Fact]
    public async Task InitializeAsync_FileAtVersionThree_AddsTheStrategyJournal()
    {
        await Store.UpsertTrialsAsync([Completed("s", 1, 0.5)]);
        ((SqliteTrialStore)Store).Dispose();
        await using (var connection = await OpenAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "DROP TABLE strategy_events; DROP TABLE strategy_snapshots; DELETE FROM schema_version WHERE version > 3;";
            await command.ExecuteNonQueryAsync();
        }

        using var reopened = new SqliteTrialStore(Options);
        await reopened.AppendStrategyEventsAsync("s", "population", [new StrategyJournalEvent { Sequence = 1, Kind = StrategyEventKind.Proposed, TrialId = 1, ArchitectureKey = "a" }]);
        await reopened.SaveStrategySnapshotAsync("s", "population", new StrategySnapshot(1, "{}"));

        Assert.Single(await reopened.GetStrategyEventsAsync("s", "population", 0));
        Assert.Equal(1, (await reopened.GetStrategySnapshotAsync("s", "population"))!.Sequence);
        Assert.Single(await reopened.GetAllTrialsAsync("s"));
    }

    [Fact]
    public async Task InitializeAsync_FileAtVersionFour_AddsTheArtifactsTable()
    {
        await Store.UpsertTrialsAsync([Completed("s", 1, 0.5)]);
        await ((IStrategyJournal)Store).SaveStrategySnapshotAsync("s", "population", new StrategySnapshot(1, "{}"));
        ((SqliteTrialStore)Store).Dispose();
        await using (var connection = await OpenAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "DROP TABLE artifacts; DELETE FROM schema_version WHERE version > 4;";
            await command.ExecuteNonQueryAsync();
        }

        using var reopened = new SqliteTrialStore(Options);
        var version = await reopened.PutArtifactAsync("s", "checkpoint", new byte[] { 1, 2, 3 }, expectedVersion: 0);

        Assert.Equal(1, version);
        Assert.Equal(new byte[] { 1, 2, 3 }, (await reopened.GetLatestArtifactAsync("s", "checkpoint"))!.Content.ToArray());
        Assert.Single(await reopened.GetAllTrialsAsync("s"));
        Assert.NotNull(await reopened.GetStrategySnapshotAsync("s", "population"));
        await using var check = await OpenAsync();
        await using var versions = check.CreateCommand();
        versions.CommandText = "SELECT max(version) FROM schema_version;";
        Assert.Equal((long)SqliteSchema.LatestVersion, await versions.ExecuteScalarAsync());
        Assert.Equal(6, SqliteSchema.LatestVersion);
    }

    [Fact]
    public async Task InitializeAsync_FileAtVersionFiveWithAStudy_ReadsNoOwnerAndKeepsTheNewFields()
    {
        ((SqliteTrialStore)Store).Dispose();
        await using (var connection = await OpenAsync())
        await using (var command = connection.CreateCommand())
        {
            // The studies table exactly as versions 1 to 5 created it, with a row an earlier build wrote.
            command.CommandText = """
                DROP TABLE studies;
                CREATE TABLE studies (
                    study_id TEXT NOT NULL PRIMARY KEY, status INTEGER NOT NULL, spec_json TEXT NOT NULL, spec_hash TEXT NOT NULL,
                    seed TEXT NOT NULL, product_version TEXT NOT NULL, data_checksums TEXT NOT NULL, created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL, max_trials INTEGER NOT NULL, completed INTEGER NOT NULL, failed INTEGER NOT NULL,
                    cached INTEGER NOT NULL, running INTEGER NOT NULL, pending INTEGER NOT NULL, best_trial_id INTEGER NULL,
                    best_score REAL NULL, message TEXT NULL, algorithm TEXT NOT NULL, objective TEXT NOT NULL);
                CREATE INDEX ix_studies_created_at ON studies (created_at DESC, study_id);
                INSERT INTO studies VALUES ('old', 1, '{}', 'hash-old', '42', '0.1.0', '{}', $at, $at, 100, 3, 1, 0, 2, 4, 2, 0.5, NULL, 'random', 'accuracy');
                DELETE FROM schema_version WHERE version > 5;
                """;
            command.Parameters.AddWithValue("$at", SqliteValues.FormatTimestamp(Epoch));
            await command.ExecuteNonQueryAsync();
        }

        using (var reopened = new SqliteTrialStore(Options))
        {
            var old = await reopened.GetStudyAsync("old");

            Assert.Equal(("", 0), (old!.Owner, old.ExtraTrials));
            Assert.Equal((100, 3, 0.5, Epoch), (old.MaxTrials, old.Completed, old.BestScore, old.CreatedAt));
            await reopened.UpsertStudyAsync(old with { Owner = "alice", ExtraTrials = 7, MaxTrials = 107 });
        }

        SqliteConnection.ClearAllPools();
        using var again = new SqliteTrialStore(Options);
        var extended = await again.GetStudyAsync("old");
        Assert.Equal(("alice", 7, 107), (extended!.Owner, extended.ExtraTrials, extended.MaxTrials));
        await using var check = await OpenAsync();
        await using var versions = check.CreateCommand();
        versions.CommandText = "SELECT max(version) FROM schema_version;";
        Assert.Equal((long)SqliteSchema.LatestVersion, await versions.ExecuteScalarAsync());
    }

    [Fact]
    public async Task InitializeAsync_VersionSixRunAgainOnAFileThatHasItsColumns_AddsNothingAndKeepsTheRow()
    {
        await Store.UpsertStudyAsync(Study("s", Epoch) with { Owner = "alice", ExtraTrials = 7 });
        ((SqliteTrialStore)Store).Dispose();
        await using (var connection = await OpenAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "DELETE FROM schema_version WHERE version > 5;";
            await command.ExecuteNonQueryAsync();
        }

        using var reopened = new SqliteTrialStore(Options);
        var stored = await reopened.GetStudyAsync("s");

        Assert.Equal(("alice", 7), (stored!.Owner, stored.ExtraTrials));
        await using var check = await OpenAsync();
        await using var columns = check.CreateCommand();
        columns.CommandText = "SELECT count(*) FROM pragma_table_info('studies') WHERE name IN ('owner', 'extra_trials');";
        Assert.Equal(2L, await columns.ExecuteScalarAsync());
    }

    [Fact]
    public async Task InitializeAsync_NewFile_CreatesTablesInWalMode()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        var mode = await command.ExecuteScalarAsync();
        command.CommandText = "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master WHERE type IN ('table', 'index') ORDER BY name);";
        var names = (string)(await command.ExecuteScalarAsync())!;

        Assert.Equal("wal", mode);
        Assert.Equal(Path.Combine(_directory.Path, "nas.db"), ((SqliteTrialStore)Store).DataSource);
        foreach (var name in new[] { "studies", "trials", "grain_state", "schema_version", "ix_trials_best" })
        {
            Assert.Contains(name, names.Split(','));
        }
    }

    [Fact]
    public async Task InitializeAsync_DatabaseFromNewerBuild_Throws()
    {
        await using (var connection = await OpenAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO schema_version (version, applied_at) VALUES (999, 'later');";
            await command.ExecuteNonQueryAsync();
        }

        using var store = new SqliteTrialStore(Options);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync());
        Assert.Contains("999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_ReopenedFile_IsStillThere()
    {
        await Store.UpsertStudyAsync(Study("s", Epoch));
        await Store.UpsertTrialsAsync([Completed("s", 1, 0.75), Trial("s", 2)]);
        ((SqliteTrialStore)Store).Dispose();
        SqliteConnection.ClearAllPools();

        using var reopened = new SqliteTrialStore(Options);
        var trials = await reopened.GetAllTrialsAsync("s");

        Assert.Equal("s", (await reopened.GetStudyAsync("s"))!.StudyId);
        Assert.Equal([1L, 2L], trials.Select(t => t.TrialId));
        Assert.Equal(0.75, trials[0].Metrics["accuracy"]);
    }

    [Fact]
    public async Task UpsertTrialsAsync_TwoStoresOnOneFile_LoseNothing()
    {
        // Two stores on one file stand for two processes: SQLite's file lock (and busy timeout) serializes them.
        using var other = new SqliteTrialStore(Options);
        async Task WriteAsync(ITrialStore store, int first)
        {
            for (var b = 0; b < 40; b++)
            {
                await store.UpsertTrialsAsync([.. Enumerable.Range(first + (b * 10), 10).Select(i => Completed("s", i, i))]);
            }
        }

        await Task.WhenAll(Task.Run(() => WriteAsync(Store, 0)), Task.Run(() => WriteAsync(other, 400)));

        Assert.Equal(800, (await Store.GetAllTrialsAsync("s")).Count);
        Assert.Equal(800, (await other.GetTrialsAsync("s", new TrialQuery(0, 1000, TrialStatus.Completed))).Count);
    }

    [Fact]
    public async Task GetTrialsAsync_WhileAnotherConnectionHoldsTheWriteLock_ReadsCommittedRows()
    {
        await Store.UpsertTrialsAsync([Trial("s", 1)]);
        await using var writer = await OpenAsync();
        await using var transaction = writer.BeginTransaction(deferred: false);
        await using (var insert = writer.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "UPDATE trials SET status = 3 WHERE trial_id = 1;";
            await insert.ExecuteNonQueryAsync();
        }

        var read = await Store.GetTrialsAsync("s", new TrialQuery(0, 10)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(TrialStatus.Pending, Assert.Single(read).Status);
    }

    [Fact]
    public async Task UpsertStudyAsync_LargestSeed_IsStoredAsDecimalText()
    {
        await Store.UpsertStudyAsync(Study("s", Epoch) with { Seed = ulong.MaxValue });

        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seed FROM studies;";
        Assert.Equal("18446744073709551615", await command.ExecuteScalarAsync());
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(Options.BuildConnectionString());
        await connection.OpenAsync();
        return connection;
    }
}
