using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;
using Orleans;

namespace NasOrleans.Storage.Postgres;

/// <summary>
/// Where the PostgreSQL trial store and grain storage keep their tables, and how hard they retry transient failures
/// (a server restart, a refused connection, an administrator shutdown). The trial store and the grain storage share
/// one set of tables when they name the same database and <see cref="Schema"/>.
/// </summary>
public sealed partial class PostgresStorageOptions
{
    /// <summary>The schema used unless another is set.</summary>
    public const string DefaultSchema = "public";

    /// <summary>
    /// An Npgsql connection string, e.g. <c>Host=127.0.0.1;Port=55432;Database=nas;Username=nas;Password=...</c> (given by environment or file, never on a command line). Its
    /// <c>Search Path</c> is replaced by <see cref="Schema"/>.
    /// </summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// The schema that holds the tables (created when missing); lower-case letters, digits and underscores, starting
    /// with a letter or underscore. Default <c>public</c>. Distinct schemas keep distinct deployments (or tests) apart.
    /// </summary>
    public string Schema { get; set; } = DefaultSchema;

    /// <summary>How many times a failed operation is retried when the failure is transient (0: never). Default 10.</summary>
    public int MaxRetries { get; set; } = 10;

    /// <summary>The wait before the first retry; it doubles on each retry up to <see cref="RetryMaxDelay"/>. Default 200 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest wait between two attempts. Default 5 s (with the defaults, about 30 s of retrying in all).</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The silo lifecycle stage at which the store connects and migrates the schema. Default: application services.</summary>
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

        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            problems.Add("ConnectionString must be set (for example Host=127.0.0.1;Port=55432;Database=nas;Username=nas;Password=..., by the environment variable Nas__Silo__PostgresConnectionString).");
        }
        else
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
                if (string.IsNullOrWhiteSpace(builder.Host))
                {
                    problems.Add("ConnectionString must name a Host.");
                }
            }
            catch (ArgumentException ex)
            {
                problems.Add($"ConnectionString is not a valid Npgsql connection string: {ex.Message}");
            }
        }

        if (Schema is null || !SchemaName().IsMatch(Schema))
        {
            problems.Add($"Schema must be 1 to 63 lower-case letters, digits or underscores, not starting with a digit (was '{Schema}').");
        }

        if (MaxRetries is < 0 or > 100)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"MaxRetries must be between 0 and 100 (was {MaxRetries})."));
        }

        if (RetryBaseDelay <= TimeSpan.Zero || RetryMaxDelay < RetryBaseDelay || RetryMaxDelay > TimeSpan.FromMinutes(5))
        {
            problems.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"RetryBaseDelay must be above zero and at most RetryMaxDelay, which must be at most 5 minutes (were {RetryBaseDelay} and {RetryMaxDelay})."));
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
            throw new ArgumentException("Invalid PostgreSQL storage options: " + string.Join(" ", problems));
        }
    }

    /// <summary>
    /// The connection string the store opens: <see cref="ConnectionString"/> with the search path set to
    /// <see cref="Schema"/>, an application name (unless one is given) and automatic statement preparation.
    /// </summary>
    /// <returns>An Npgsql connection string.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public string BuildConnectionString()
    {
        EnsureValid();
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = Schema };
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = "nasorleans";
        }

        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 32;
        }

        return builder.ConnectionString;
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaName();
}
