using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NasOrleans.Storage.Sqlite;

/// <summary>
/// The versioned schema shared by the trial store and the grain storage. Migrations run in order, each once,
/// inside one write transaction (BEGIN IMMEDIATE), so concurrent initializers (threads or processes) are safe.
/// Never edit a released migration: append a new one.
/// </summary>
internal static class SqliteSchema
{
    private static readonly string[] Migrations =
    [
        // Version 1: studies, trials (rows, keyed by study and trial id), grain state.
        """
        CREATE TABLE studies (
            study_id        TEXT    NOT NULL PRIMARY KEY,
            status          INTEGER NOT NULL,
            spec_json       TEXT    NOT NULL,
            spec_hash       TEXT    NOT NULL,
            seed            TEXT    NOT NULL,
            product_version TEXT    NOT NULL,
            data_checksums  TEXT    NOT NULL,
            created_at      TEXT    NOT NULL,
            updated_at      TEXT    NOT NULL,
            max_trials      INTEGER NOT NULL,
            completed       INTEGER NOT NULL,
            failed          INTEGER NOT NULL,
            cached          INTEGER NOT NULL,
            running         INTEGER NOT NULL,
            pending         INTEGER NOT NULL,
            best_trial_id   INTEGER NULL,
            best_score      REAL    NULL,
            message         TEXT    NULL,
            algorithm       TEXT    NOT NULL,
            objective       TEXT    NOT NULL
        );
        CREATE INDEX ix_studies_created_at ON studies (created_at DESC, study_id);
        CREATE TABLE trials (
            study_id         TEXT    NOT NULL,
            trial_id         INTEGER NOT NULL,
            architecture_key TEXT    NOT NULL,
            canonical_key    TEXT    NOT NULL,
            status           INTEGER NOT NULL,
            attempt          INTEGER NOT NULL,
            source_trial_id  INTEGER NULL,
            metrics          TEXT    NOT NULL,
            score            REAL    NULL,
            feasible         INTEGER NOT NULL,
            error            TEXT    NULL,
            trainer          TEXT    NULL,
            created_at       TEXT    NOT NULL,
            finished_at      TEXT    NULL,
            duration_seconds REAL    NULL,
            display          TEXT    NULL,
            PRIMARY KEY (study_id, trial_id)
        ) WITHOUT ROWID;
        CREATE INDEX ix_trials_best ON trials (study_id, status, feasible, score DESC);
        CREATE TABLE grain_state (
            grain_type TEXT NOT NULL,
            grain_id   TEXT NOT NULL,
            etag       TEXT NOT NULL,
            payload    BLOB NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (grain_type, grain_id)
        );
        """,

        // Version 2: intermediate measurements of trials (IMeasurementStore), one row per (study, trial, step).
        """
        CREATE TABLE trial_measurements (
            study_id    TEXT    NOT NULL,
            trial_id    INTEGER NOT NULL,
            step        INTEGER NOT NULL,
            metrics     TEXT    NOT NULL,
            recorded_at TEXT    NOT NULL,
            PRIMARY KEY (study_id, trial_id, step)
        ) WITHOUT ROWID;
        """,

        // Version 3: the append-only completion log (ICompletionLog), one row per accepted completion, never updated.
        """
        CREATE TABLE IF NOT EXISTS trial_completions (
            seq         INTEGER PRIMARY KEY AUTOINCREMENT,
            study_id    TEXT    NOT NULL,
            trial_id    INTEGER NOT NULL,
            lease_id    TEXT    NULL,
            attempt     INTEGER NOT NULL,
            status      INTEGER NOT NULL,
            recorded_at TEXT    NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_trial_completions_trial ON trial_completions (study_id, trial_id);
        """,

        // Version 4: strategy journals (IStrategyJournal): one row per proposal or observation, never updated, and the
        // latest snapshot of each strategy (a rowid table: snapshots are large).
        """
        CREATE TABLE IF NOT EXISTS strategy_events (
            study_id         TEXT    NOT NULL,
            strategy         TEXT    NOT NULL,
            seq              INTEGER NOT NULL,
            kind             INTEGER NOT NULL,
            trial_id         INTEGER NOT NULL,
            architecture_key TEXT    NOT NULL,
            score            REAL    NULL,
            PRIMARY KEY (study_id, strategy, seq)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS strategy_snapshots (
            study_id   TEXT    NOT NULL,
            strategy   TEXT    NOT NULL,
            seq        INTEGER NOT NULL,
            state      TEXT    NOT NULL,
            updated_at TEXT    NOT NULL,
            PRIMARY KEY (study_id, strategy)
        );
        """,

        // Version 5: versioned artifacts (IArtifactStore), checkpoints of long jobs: one row per kept version, the
        // content last so that listing (which reads the columns before it) never loads the BLOB's overflow pages.
        """
        CREATE TABLE IF NOT EXISTS artifacts (
            study_id   TEXT    NOT NULL,
            name       TEXT    NOT NULL,
            version    INTEGER NOT NULL,
            size       INTEGER NOT NULL,
            sha256     TEXT    NOT NULL,
            metadata   TEXT    NOT NULL,
            created_at TEXT    NOT NULL,
            content    BLOB    NOT NULL,
            PRIMARY KEY (study_id, name, version)
        );
        """,

        // Version 6: studies.owner and studies.extra_trials, added by SqliteAddedColumns (only where missing).
        "",
    ];

    /// <summary>The schema version this build writes.</summary>
    public static int LatestVersion => Migrations.Length;

    /// <summary>Brings the database to <see cref="LatestVersion"/>; returns the version found before.</summary>
    /// <exception cref="InvalidOperationException">The database was written by a newer build.</exception>
    public static async Task<int> MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);

        // Fast path without the write lock: already current (the common case, and the one a reader process hits).
        var found = await ReadVersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
        if (found == LatestVersion)
        {
            return found;
        }

        await using var transaction = SqliteDatabase.BeginImmediate(connection);
        await SqliteDatabase.ExecuteAsync(
            connection,
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL);",
            cancellationToken,
            transaction).ConfigureAwait(false);
        found = await ReadVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (found > LatestVersion)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"The database '{connection.DataSource}' has schema version {found}, newer than this build supports ({LatestVersion}). Upgrade NasOrleans."));
        }

        for (var version = found + 1; version <= LatestVersion; version++)
        {
            if (Migrations[version - 1].Length > 0)
            {
                await SqliteDatabase.ExecuteAsync(connection, Migrations[version - 1], cancellationToken, transaction).ConfigureAwait(false);
            }

            await SqliteAddedColumns.AddMissingAsync(connection, transaction, version, cancellationToken).ConfigureAwait(false);
            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_version (version, applied_at) VALUES ($version, $at);";
            record.Parameters.AddWithValue("$version", version);
            record.Parameters.AddWithValue("$at", SqliteValues.FormatTimestamp(DateTimeOffset.UtcNow));
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return found;
    }

    /// <summary>The highest applied version, 0 for a database without the version table.</summary>
    public static async Task<int> ReadVersionAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version';";
        var exists = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0;
        if (!exists)
        {
            return 0;
        }

        command.CommandText = "SELECT coalesce(max(version), 0) FROM schema_version;";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }
}
