using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NasOrleans.Storage.Sqlite;

/// <summary>
/// Columns that later schema versions add to tables of earlier ones. SQLite has no <c>ADD COLUMN IF NOT EXISTS</c>,
/// so each is added only when <c>PRAGMA table_info</c> does not list it: a migration re-run on a file whose version
/// rows were lost (or rolled back by hand) finds the columns there and adds nothing.
/// </summary>
internal static class SqliteAddedColumns
{
    private static readonly (int Version, string Table, string Column, string Definition)[] Columns =
    [
        // Version 6: the study's owner (the gateway's API-key owner) and the trials added by extensions.
        (6, "studies", "owner", "TEXT NOT NULL DEFAULT ''"),
        (6, "studies", "extra_trials", "INTEGER NOT NULL DEFAULT 0"),
    ];

    /// <summary>Adds the columns of <paramref name="version"/> that the tables lack, inside <paramref name="transaction"/>.</summary>
    public static async Task AddMissingAsync(SqliteConnection connection, SqliteTransaction transaction, int version, CancellationToken cancellationToken)
    {
        foreach (var (_, table, column, definition) in Columns.Where(c => c.Version == version))
        {
            if (!await HasColumnAsync(connection, transaction, table, column, cancellationToken).ConfigureAwait(false))
            {
                // Table, column and definition are the constants above, never input.
                await SqliteDatabase.ExecuteAsync(
                    connection,
                    string.Create(CultureInfo.InvariantCulture, $"ALTER TABLE {table} ADD COLUMN {column} {definition};"),
                    cancellationToken,
                    transaction).ConfigureAwait(false);
            }
        }
    }

    private static async Task<bool> HasColumnAsync(
        SqliteConnection connection, SqliteTransaction transaction, string table, string column, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT count(*) FROM pragma_table_info($table) WHERE name = $column;";
        command.Parameters.AddWithValue("$table", table);
        command.Parameters.AddWithValue("$column", column);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0;
    }
}
