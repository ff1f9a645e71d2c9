using System.ComponentModel.DataAnnotations;

namespace NasOrleans.Hosting;

/// <summary>How a cluster silo finds its peers (bound from the section <c>Nas:Cluster</c>).</summary>
public sealed class NasClusterOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Nas:Cluster";

    /// <summary>The default cluster and service id (clients take NAS_CLUSTER_ID / NAS_SERVICE_ID).</summary>
    public const string DefaultId = "nas";

    /// <summary>Silo-to-silo port.</summary>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port (0: no gateway, e.g. a trainer silo).</summary>
    [Range(0, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Silo port of the primary silo on this machine (development clustering); null: this silo is the primary.</summary>
    [Range(1, 65535)]
    public int? PrimarySiloPort { get; set; }

    /// <summary>The cluster id.</summary>
    [Required]
    public string ClusterId { get; set; } = DefaultId;

    /// <summary>The service id (stable across deployments).</summary>
    [Required]
    public string ServiceId { get; set; } = DefaultId;
}
