namespace NasOrleans.Hosting;

/// <summary>How a cluster silo finds its peers.</summary>
public enum ClusteringKind
{
    /// <summary>Development clustering on one machine: a primary silo on a known port (the default).</summary>
    Localhost,

    /// <summary>
    /// A membership table in Redis (Microsoft.Orleans.Clustering.Redis), with reminders in Redis too; silos on any
    /// number of machines, none of them special.
    /// </summary>
    Redis,

    /// <summary>
    /// A membership table in Azure Table storage (Microsoft.Orleans.Clustering.AzureStorage), with reminders in Azure
    /// Tables too (<see cref="NasClusterOptions.AzureConnectionString"/>); silos on any number of machines.
    /// </summary>
    AzureTable,
}
