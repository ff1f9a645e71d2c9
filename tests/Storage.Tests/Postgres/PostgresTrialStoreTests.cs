using System.Globalization;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Storage.Postgres;
using static NasOrleans.Storage.Tests.TestRecords;

namespace NasOrleans.Storage.Tests.Postgres;

/// <summary>The store contract against <see cref="PostgresTrialStore"/> (a fresh schema per test), plus what only a server can show.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresTrialStoreTests(PostgresFixture fixture) : TrialStoreContractTests
{
    private readonly PostgresStorageOptions _options = fixture.NewOptions();

    protected override Task<ITrialStore> CreateStoreAsync() => Task.FromResult<ITrialStore>(new PostgresTrialStore(_options));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await fixture.DropSchemaAsync(_options.Schema);
    }

    [Fact]
    public async Task InitializeAsync_SeveralStoresAtOnceOnANewSchema_MigrateOnce()
    {
        var options = fixture.NewOptions();
        var stores = Enumerable.Range(0, 6).Select(_ => new PostgresTrialStore(options)).ToList();
        try
        {
            await Task.WhenAll(stores.Select(s => Task.Run(() => s.InitializeAsync())));

            Assert.Equal((long)PostgresSchema.LatestVersion, await fixture.ScalarAsync($"SELECT count(*) FROM \"{options.Schema}\".schema_version"));
            Assert.Equal(8L, await fixture.ScalarAsync(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = $1 AND table_name IN ('studies', 'trials', 'trial_measurements', 'grain_state', 'trial_completions', 'strategy_events', 'strategy_snapshots', 'artifacts')",
                options.Schema));
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }

            await fixture.DropSchemaAsync(options.Schema);
        }
    }

    [Fact]
    public async Task InitializeAsync_SchemaAtVersionFourWithAStudy_ReadsNoOwnerAndKeepsTheNewFields()
    {
        await Store.UpsertTrialsAsync([Completed("old", 1, 0.5)]);
        var schema = _options.Schema;

        // The studies table exactly as versions 1 to 4 created it, with a row an earlier build wrote.
        var at = Epoch.UtcTicks.ToString(CultureInfo.InvariantCulture);
        await fixture.ScalarAsync($$"""
            DROP TABLE "{{schema}}".studies;
            CREATE TABLE "{{schema}}".studies (
                study_id text NOT NULL PRIMARY KEY, status integer NOT NULL, spec_json text NOT NULL, spec_hash text NOT NULL,
                seed numeric(20, 0) NOT NULL, product_version text NOT NULL, data_checksums jsonb NOT NULL, created_at bigint NOT NULL,
                updated_at bigint NOT NULL, max_trials integer NOT NULL, completed integer NOT NULL, failed integer NOT NULL,
                cached integer NOT NULL, running integer NOT NULL, pending integer NOT NULL, best_trial_id bigint NULL,
                best_score double precision NULL, message text NULL, algorithm text NOT NULL, objective text NOT NULL);
            INSERT INTO "{{schema}}".studies VALUES
                ('old', 1, '{}', 'hash-old', 42, '0.1.0', '{}', {{at}}, {{at}}, 100, 3, 1, 0, 2, 4, 1, 0.5, NULL, 'random', 'accuracy');
            DELETE FROM "{{schema}}".schema_version WHERE version > 4
            """);

        await using (var reopened = new PostgresTrialStore(_options))
        {
            var old = await reopened.GetStudyAsync("old");

            Assert.Equal(("", 0), (old!.Owner, old.ExtraTrials));
            Assert.Equal((100, 3, 0.5, Epoch), (old.MaxTrials, old.Completed, old.BestScore, old.CreatedAt));
            await reopened.UpsertStudyAsync(old with { Owner = "alice", ExtraTrials = 7, MaxTrials = 107 });
        }

        await using var again = new PostgresTrialStore(_options);
        var extended = await again.GetStudyAsync("old");
        Assert.Equal(("alice", 7, 107), (extended!.Owner, extended.ExtraTrials, extended.MaxTrials));
        Assert.Single(await again.GetAllTrialsAsync("old"));
        Assert.Equal((long)PostgresSchema.LatestVersion, await fixture.ScalarAsync($"SELECT count(*) FROM \"{schema}\".schema_version"));
    }

    [Fact]
    public async Task InitializeAsync_SchemaAtVersionThree_AddsTheArtifactsTable()
    {
        await Store.UpsertTrialsAsync([Completed("s", 1, 0.5)]);
        await fixture.ScalarAsync($"DROP TABLE \"{_options.Schema}\".artifacts; DELETE FROM \"{_options.Schema}\".schema_version WHERE version > 3");

        await using var reopened = new PostgresTrialStore(_options);
        var version = await reopened.PutArtifactAsync("s", "checkpoint", new byte[] { 1, 2, 3 }, expectedVersion: 0);

        Assert.Equal(1, version);
        Assert.Equal(new byte[] { 1, 2, 3 }, (await reopened.GetLatestArtifactAsync("s", "checkpoint"))!.Content.ToArray());
        Assert.Single(await reopened.GetAllTrialsAsync("s"));
        Assert.Equal(5, PostgresSchema.LatestVersion);
        Assert.Equal((long)PostgresSchema.LatestVersion, await fixture.ScalarAsync($"SELECT count(*) FROM \"{_options.Schema}\".schema_version"));
        Assert.Equal("e", await fixture.ScalarAsync(
            "SELECT a.attstorage::text FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = 'artifacts' AND a.attname = 'content'",
            _options.Schema));
    }

    [Fact]
    public async Task InitializeAsync_SchemaAtVersionTwo_AddsTheStrategyJournal()
    {
        await Store.UpsertTrialsAsync([Completed("s", 1, 0.5)]);
        await fixture.ScalarAsync($"DROP TABLE \"{_options.Schema}\".strategy_events; DROP TABLE \"{_options.Schema}\".strategy_snapshots; DELETE FROM \"{_options.Schema}\".schema_version WHERE version > 2");

        await using var reopened = new PostgresTrialStore(_options);
        await reopened.AppendStrategyEventsAsync("s", "population", [new StrategyJournalEvent { Sequence = 1, Kind = StrategyEventKind.Proposed, TrialId = 1, ArchitectureKey = "a" }]);
        await reopened.SaveStrategySnapshotAsync("s", "population", new StrategySnapshot(1, "{}"));

        Assert.Single(await reopened.GetStrategyEventsAsync("s", "population", 0));
        Assert.Equal(1, (await reopened.GetStrategySnapshotAsync("s", "population"))!.Sequence);
        Assert.Single(await reopened.GetAllTrialsAsync("s"));
        Assert.Equal((long)PostgresSchema.LatestVersion, await fixture.ScalarAsync($"SELECT count(*) FROM \"{_options.Schema}\".schema_version"));
    }

    [Fact]
    public async Task InitializeAsync_SchemaAtVersionOne_AddsTheCompletionLog()
    {
        await Store.UpsertTrialsAsync([Completed("s", 1, 0.5)]);
        await fixture.ScalarAsync($"DROP TABLE \"{_options.Schema}\".trial_completions; DELETE FROM \"{_options.Schema}\".schema_version WHERE version > 1");

        await using var reopened = new PostgresTrialStore(_options);
        var entry = new CompletionLogEntry { StudyId = "s", TrialId = 1, LeaseId = Guid.NewGuid(), Status = TrialStatus.Completed, RecordedAt = Epoch };
        await reopened.RecordCompletionsAsync([Completed("s", 1, 0.5)], [entry]);
        await reopened.RecordCompletionsAsync([Completed("s", 1, 0.5)], [entry]);

        Assert.Equal(2, (await reopened.GetRecordedTwiceAsync("s"))[1]);
        Assert.Single(await reopened.GetAllTrialsAsync("s"));
        Assert.Equal((long)PostgresSchema.LatestVersion, await fixture.ScalarAsync($"SELECT count(*) FROM \"{_options.Schema}\".schema_version"));
    }

    [Fact]
    public async Task InitializeAsync_SchemaFromNewerBuild_Throws()
    {
        await fixture.ScalarAsync($"INSERT INTO \"{_options.Schema}\".schema_version (version, applied_at) VALUES (999, now())");

        await using var store = new PostgresTrialStore(_options);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync());

        Assert.Contains("999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpsertTrialsAsync_SameKeyTwiceInOneBatch_KeepsTheLast()
    {
        await Store.UpsertTrialsAsync([Trial("s", 1), Completed("s", 1, 0.5), Trial("s", 2)]);

        var all = await Store.GetAllTrialsAsync("s");

        Assert.Equal([1L, 2L], all.Select(t => t.TrialId));
        Assert.Equal(TrialStatus.Completed, all[0].Status);
    }

    [Fact]
    public async Task UpsertTrialsAsync_ThousandRowBatch_IsOneRowPerTrial()
    {
        await Store.UpsertTrialsAsync([.. Enumerable.Range(0, 1000).Select(i => Completed("s", i, i / 1000.0))]);

        Assert.Equal(1000L, await fixture.ScalarAsync($"SELECT count(*) FROM \"{_options.Schema}\".trials WHERE study_id = 's'"));
        Assert.Equal(0.999, (await Store.GetTrialsAsync("s", new TrialQuery(0, 1, Order: TrialOrder.ByScore)))[0].Score);
    }

    [Fact]
    public async Task Data_AnotherStoreOnTheSchema_SeesIt()
    {
        await Store.UpsertStudyAsync(Study("s", Epoch));
        await Store.UpsertTrialsAsync([Completed("s", 1, 0.75)]);

        await using var other = new PostgresTrialStore(_options);

        Assert.Equal("s", (await other.GetStudyAsync("s"))!.StudyId);
        Assert.Equal(0.75, (await other.GetTrialAsync("s", 1))!.Metrics["accuracy"]);
    }
}
