using System.Globalization;
using Microsoft.Data.Sqlite;
using Orleans;

namespace NasOrleans.Storage.Sqlite;

/// <summary>
/// Where the SQLite database of the trial store and the grain storage lives, and how it is opened.
/// The trial store and the grain storage share one database when they are given the same file.
/// </summary>
public sealed class SqliteStorageOptions
{
    /// <summary>The database file name used inside <see cref="DataDirectory"/> unless another is set.</summary>
    public const string DefaultDatabaseFileName = "nas.db";

    /// <summary>The directory that holds the database file (created when missing). Default <c>.nas</c>.</summary>
    public string DataDirectory { get; set; } = ".nas";

    /// <summary>The database file name inside <see cref="DataDirectory"/>. Default <c>nas.db</c>.</summary>
    public string DatabaseFileName { get; set; } = DefaultDatabaseFileName;

    /// <summary>
    /// A full Microsoft.Data.Sqlite connection string; when set it wins over <see cref="DataDirectory"/>
    /// and <see cref="DatabaseFileName"/>. It must name a file: readers open connections of their own.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>How long a connection waits for another writer's lock before failing (SQLite busy_timeout). Default 30 s.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The silo lifecycle stage at which the store opens and migrates the database. Default: application services.</summary>
    public int InitStage { get; set; } = ServiceLifecycleStage.ApplicationServices;

    /// <summary>The limits of the store's artifacts (<see cref="IArtifactStore"/>): largest artifact, versions kept.</summary>
    public ArtifactStoreOptions Artifacts { get; set; } = new();

    /// <summary>Every problem with these options, in one list; empty when they are valid.</summary>
    /// <returns>The problems, each a sentence.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Artifacts is null)
        {
            problems.Add("Artifacts must be set.");
        }
        else
        {
            problems.AddRange(Artifacts.Validate());
        }

        if (BusyTimeout < TimeSpan.Zero || BusyTimeout > TimeSpan.FromHours(1))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"BusyTimeout must be between 0 and 1 hour (was {BusyTimeout})."));
        }

        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            try
            {
                var builder = new SqliteConnectionStringBuilder(ConnectionString);
                if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
                {
                    problems.Add("ConnectionString must name a database file (an in-memory database cannot be shared by the store's connections).");
                }
            }
            catch (ArgumentException ex)
            {
                problems.Add($"ConnectionString is not a valid SQLite connection string: {ex.Message}");
            }

            return problems;
        }

        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            problems.Add("DataDirectory must be set (or ConnectionString).");
        }

        if (string.IsNullOrWhiteSpace(DatabaseFileName))
        {
            problems.Add("DatabaseFileName must be set.");
        }
        else if (DatabaseFileName.IndexOfAny(['/', '\\']) >= 0 || DatabaseFileName is "." or "..")
        {
            problems.Add($"DatabaseFileName must be a plain file name, without directories (was '{DatabaseFileName}').");
        }

        return problems;
    }

    /// <summary>Throws one <see cref="ArgumentException"/> listing every problem when the options are invalid.</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public void EnsureValid()
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid SQLite storage options: " + string.Join(" ", problems));
        }
    }

    /// <summary>The connection string the store opens, with pooling and the busy timeout applied.</summary>
    /// <returns>A Microsoft.Data.Sqlite connection string.</returns>
    public string BuildConnectionString()
    {
        EnsureValid();
        var builder = string.IsNullOrWhiteSpace(ConnectionString)
            ? new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(Path.Combine(DataDirectory, DatabaseFileName)) }
            : new SqliteConnectionStringBuilder(ConnectionString);
        builder.Pooling = true;
        builder.DefaultTimeout = Math.Max(1, (int)Math.Ceiling(BusyTimeout.TotalSeconds));
        return builder.ToString();
    }
}
