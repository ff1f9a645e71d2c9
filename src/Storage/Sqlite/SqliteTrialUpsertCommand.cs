using Microsoft.Data.Sqlite;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Storage.Sqlite;

/// <summary>
/// The prepared insert-or-update of one trial row, created once on the writer connection and re-bound per row
/// (the statement is compiled once for the store's lifetime).
/// </summary>
internal sealed class SqliteTrialUpsertCommand : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _p;

    public SqliteTrialUpsertCommand(SqliteConnection connection)
    {
        _command = connection.CreateCommand();
        _command.CommandText = SqliteTrialRows.Upsert;
        string[] names =
        [
            "$study_id", "$trial_id", "$architecture_key", "$canonical_key", "$status", "$attempt", "$source_trial_id",
            "$metrics", "$score", "$feasible", "$error", "$trainer", "$created_at", "$finished_at", "$duration_seconds", "$display",
        ];
        _p = new SqliteParameter[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            _p[i] = _command.Parameters.Add(new SqliteParameter(names[i], DBNull.Value));
        }

        _command.Prepare();
    }

    /// <summary>Writes one row inside <paramref name="transaction"/>.</summary>
    public Task<int> ExecuteAsync(SqliteTransaction transaction, TrialRecord trial, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trial);
        _command.Transaction = transaction;
        _p[0].Value = trial.StudyId;
        _p[1].Value = trial.TrialId;
        _p[2].Value = trial.ArchitectureKey;
        _p[3].Value = trial.CanonicalKey;
        _p[4].Value = (int)trial.Status;
        _p[5].Value = trial.Attempt;
        _p[6].Value = SqliteValues.OrNull(trial.SourceTrialId);
        _p[7].Value = StorageJsonMaps.FormatMetrics(trial.Metrics);
        _p[8].Value = SqliteValues.OrNull(trial.Score);
        _p[9].Value = trial.Feasible ? 1 : 0;
        _p[10].Value = SqliteValues.OrNull(trial.Error);
        _p[11].Value = SqliteValues.OrNull(trial.Trainer);
        _p[12].Value = SqliteValues.FormatTimestamp(trial.CreatedAt);
        _p[13].Value = SqliteValues.OrNull(trial.FinishedAt);
        _p[14].Value = SqliteValues.OrNull(trial.DurationSeconds);
        _p[15].Value = SqliteValues.OrNull(trial.Display);
        return _command.ExecuteNonQueryAsync(cancellationToken);
    }

    public void Dispose() => _command.Dispose();
}
