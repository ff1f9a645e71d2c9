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
}
