namespace NasOrleans.Hosting;

/// <summary>Where trials and grain state are kept.</summary>
public enum StoreKind
{
    /// <summary>A SQLite file under the data directory (the embedded default).</summary>
    Sqlite,

    /// <summary>Process memory: lost on exit; for tests and benchmarks.</summary>
    Memory,

    /// <summary>A PostgreSQL database shared by every silo of a cluster (<see cref="NasSiloOptions.PostgresConnectionString"/>).</summary>
    Postgres,

    /// <summary>
    /// An Azure Storage account shared by every silo of a cluster (<see cref="NasSiloOptions.AzureConnectionString"/>):
    /// trial rows in Azure Tables, grain state and artifacts in Blob storage.
    /// </summary>
    Azure,
}
