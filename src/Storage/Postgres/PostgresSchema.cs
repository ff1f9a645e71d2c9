using System.Globalization;
using Npgsql;

namespace NasOrleans.Storage.Postgres;

/// <summary>
/// The versioned schema shared by the PostgreSQL trial store and grain storage. Migrations run in order, each once,
/// inside one transaction that first takes a transaction-scoped advisory lock (<c>pg_advisory_xact_lock</c>) keyed by
/// the schema name, so silos that start at the same moment migrate one after another and the later ones find the work
/// done. DDL is transactional in PostgreSQL: a failed migration leaves nothing behind. Never edit a released
/// migration: append a new one.
/// </summary>
/// <remarks>
/// Timestamps are <c>bigint</c> UTC ticks (<see cref="DateTimeOffset.UtcTicks"/>, 100 ns since 0001-01-01), so values
/// round-trip exactly (PostgreSQL's <c>timestamptz</c> keeps microseconds only). In SQL:
/// <c>to_timestamp((created_at - 621355968000000000) / 1e7)</c>. Metrics and checksums are <c>jsonb</c>; NaN and
/// infinities are kept as the strings "NaN", "Infinity" and "-Infinity".
/// </remarks>
internal static class PostgresSchema
{
    private static readonly string[] Migrations =
    [
        // Version 1: studies, trials (one row per trial), intermediate measurements, grain state.
        """
        CREATE TABLE studies (
            study_id        text             NOT NULL PRIMARY KEY,
            status          integer          NOT NULL,
            spec_json       text             NOT NULL,
            spec_hash       text             NOT NULL,
            seed            numeric(20, 0)   NOT NULL,
            product_version text             NOT NULL,
            data_checksums  jsonb            NOT NULL,
            created_at      bigint           NOT NULL,
            updated_at      bigint           NOT NULL,
            max_trials      integer          NOT NULL,
            completed       integer          NOT NULL,
            failed          integer          NOT NULL,
            cached          integer          NOT NULL,
            running         integer          NOT NULL,
            pending         integer          NOT NULL,
            best_trial_id   bigint           NULL,
            best_score      double precision NULL,
            message         text             NULL,
            algorithm       text             NOT NULL,
            objective       text             NOT NULL
        );
        CREATE INDEX ix_studies_created_at ON studies (created_at DESC, study_id COLLATE "C");
        CREATE TABLE trials (
            study_id         text             NOT NULL,
            trial_id         bigint           NOT NULL,
            architecture_key text             NOT NULL,
            canonical_key    text             NOT NULL,
            status           integer          NOT NULL,
            attempt          integer          NOT NULL,
            source_trial_id  bigint           NULL,
            metrics          jsonb            NOT NULL,
            score            double precision NULL,
            feasible         boolean          NOT NULL,
            error            text             NULL,
            trainer          text             NULL,
            created_at       bigint           NOT NULL,
            finished_at      bigint           NULL,
            duration_seconds double precision NULL,
            display          text             NULL,
            PRIMARY KEY (study_id, trial_id)
        );
        CREATE INDEX ix_trials_best ON trials (study_id, status, feasible, score DESC NULLS LAST, trial_id);
        CREATE TABLE trial_measurements (
            study_id    text   NOT NULL,
            trial_id    bigint NOT NULL,
            step        bigint NOT NULL,
            metrics     jsonb  NOT NULL,
            recorded_at bigint NOT NULL,
            PRIMARY KEY (study_id, trial_id, step)
        );
        CREATE TABLE grain_state (
            grain_type text        NOT NULL,
            grain_id   text        NOT NULL,
            etag       text        NOT NULL,
            payload    bytea       NOT NULL,
            updated_at timestamptz NOT NULL,
            PRIMARY KEY (grain_type, grain_id)
        );
        """,

        // Version 2: the append-only completion log (ICompletionLog), one row per accepted completion, never updated.
        // (write_id, ordinal) names an entry within one write, so a write retried after an unclear commit adds nothing.
        """
        CREATE TABLE IF NOT EXISTS trial_completions (
            seq         bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            write_id    uuid    NOT NULL,
            ordinal     integer NOT NULL,
            study_id    text    NOT NULL,
            trial_id    bigint  NOT NULL,
            lease_id    uuid    NULL,
            attempt     integer NOT NULL,
            status      integer NOT NULL,
            recorded_at bigint  NOT NULL,
            UNIQUE (write_id, ordinal)
        );
        CREATE INDEX IF NOT EXISTS ix_trial_completions_trial ON trial_completions (study_id, trial_id);
        """,

        // Version 3: strategy journals (IStrategyJournal): one row per proposal or observation, never updated, and the
        // latest snapshot of each strategy. A retried append skips the sequences it already wrote.
        """
        CREATE TABLE IF NOT EXISTS strategy_events (
            study_id         text             NOT NULL,
            strategy         text             NOT NULL,
            seq              bigint           NOT NULL,
            kind             integer          NOT NULL,
            trial_id         bigint           NOT NULL,
            architecture_key text             NOT NULL,
            score            double precision NULL,
            PRIMARY KEY (study_id, strategy, seq)
        );
        CREATE TABLE IF NOT EXISTS strategy_snapshots (
            study_id   text        NOT NULL,
            strategy   text        NOT NULL,
            seq        bigint      NOT NULL,
            state      text        NOT NULL,
            updated_at timestamptz NOT NULL,
            PRIMARY KEY (study_id, strategy)
        );
        """,

        // Version 4: versioned artifacts (IArtifactStore), checkpoints of long jobs: one row per kept version, the
        // content as bytea kept out of line and uncompressed (checkpoints hardly compress). write_id names the put, so
        // a put retried after an unclear commit finds its own row instead of storing another version.
        """
        CREATE TABLE IF NOT EXISTS artifacts (
            study_id   text   NOT NULL,
            name       text   NOT NULL,
            version    bigint NOT NULL,
            size       bigint NOT NULL,
            sha256     text   NOT NULL,
            metadata   jsonb  NOT NULL,
            write_id   uuid   NOT NULL,
            created_at bigint NOT NULL,
            content    bytea  NOT NULL,
            PRIMARY KEY (study_id, name, version)
        );
        ALTER TABLE artifacts ALTER COLUMN content SET STORAGE EXTERNAL;
        """,

        // Version 5: the study's owner (the gateway's API-key owner) and the trials added by extensions. Rows of
        // earlier versions read as no owner and no extra trials.
        """
        ALTER TABLE studies ADD COLUMN IF NOT EXISTS owner text NOT NULL DEFAULT '';
        ALTER TABLE studies ADD COLUMN IF NOT EXISTS extra_trials integer NOT NULL DEFAULT 0;
        """,
    ];

    /// <summary>The schema version this build writes.</summary>
    public static int LatestVersion => Migrations.Length;

    /// <summary>
    /// Creates <paramref name="schema"/> when missing and brings it to <see cref="LatestVersion"/> under the advisory
    /// lock; returns the version found before.
    /// </summary>
    /// <exception cref="InvalidOperationException">The schema was written by a newer build.</exception>
    public static async Task<int> MigrateAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('nasorleans.schema.' || $1));", connection, transaction))
        {
            lockCommand.Parameters.Add(new NpgsqlParameter { Value = schema });
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // The schema name was validated as a plain lower-case identifier, so quoting it is enough.
        await ExecuteAsync(
            connection,
            transaction,
            $"""
            CREATE SCHEMA IF NOT EXISTS "{schema}";
            CREATE TABLE IF NOT EXISTS "{schema}".schema_version (version integer NOT NULL PRIMARY KEY, applied_at timestamptz NOT NULL);
            """,
            cancellationToken).ConfigureAwait(false);
        int found;
        await using (var read = new NpgsqlCommand($"""SELECT coalesce(max(version), 0) FROM "{schema}".schema_version;""", connection, transaction))
        {
            found = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }

        if (found > LatestVersion)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"The PostgreSQL schema '{schema}' has version {found}, newer than this build supports ({LatestVersion}). Upgrade NasOrleans."));
        }

        for (var version = found + 1; version <= LatestVersion; version++)
        {
            await ExecuteAsync(connection, transaction, $"""SET LOCAL search_path TO "{schema}";""" + Migrations[version - 1], cancellationToken)
                .ConfigureAwait(false);
            await using var record = new NpgsqlCommand($"""INSERT INTO "{schema}".schema_version (version, applied_at) VALUES ($1, now());""", connection, transaction);
            record.Parameters.Add(new NpgsqlParameter { Value = version });
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return found;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
