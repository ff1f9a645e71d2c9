using System.ComponentModel.DataAnnotations;
using System.Net;

namespace NasOrleans.Hosting;

/// <summary>How a cluster silo finds its peers (bound from the section <c>Nas:Cluster</c>).</summary>
public sealed class NasClusterOptions : IValidatableObject
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

    /// <summary>How silos find each other: <see cref="ClusteringKind.Localhost"/> (default), <see cref="ClusteringKind.Redis"/> or <see cref="ClusteringKind.AzureTable"/>.</summary>
    public ClusteringKind Clustering { get; set; } = ClusteringKind.Localhost;

    /// <summary>
    /// The StackExchange.Redis configuration string of the membership table and reminders, e.g. <c>127.0.0.1:56379</c>;
    /// required with <see cref="ClusteringKind.Redis"/>.
    /// </summary>
    public string? RedisConnectionString { get; set; }

    /// <summary>
    /// The Azure Storage connection string of the membership and reminder tables; required with
    /// <see cref="ClusteringKind.AzureTable"/> (set it by environment, <c>Nas__Cluster__AzureConnectionString</c>).
    /// </summary>
    public string? AzureConnectionString { get; set; }

    /// <summary>
    /// The address this silo advertises to its peers and clients under <see cref="ClusteringKind.Redis"/> or <see cref="ClusteringKind.AzureTable"/>; default
    /// 127.0.0.1 (every silo on this machine). On several machines set each silo's reachable address (a pod IP).
    /// </summary>
    public string? AdvertisedIPAddress { get; set; }

    /// <summary>
    /// The tuned failure-detection profile (DESIGN.md, "Failure detection"): ProbeTimeout 1 s, NumMissedProbesLimit 2,
    /// NumVotesForDeathDeclaration 1, TableRefreshTimeout 2 s. A SIGKILLed silo is declared dead in under a second
    /// instead of about 8 s with Orleans' defaults, so its trials are re-leased sooner; the price is more probe
    /// traffic and a higher chance of declaring a briefly stalled silo dead. Callers of a dead silo get
    /// OrleansMessageRejectionException at once and retry.
    /// </summary>
    public bool FastFailureDetection { get; set; }

    /// <summary>TLS between silos and from clients (<c>Nas:Cluster:Tls</c>); off by default.</summary>
    public NasTlsOptions Tls { get; set; } = new();

    /// <summary>
    /// The cluster key file (<c>Nas:Cluster:KeyFile</c>; see <see cref="Security.ClusterKey"/>): when set, the silo
    /// sends the key on its calls and refuses calls to NasOrleans grains without it. Trusted clients read the same
    /// file through <c>NAS_CLUSTER_KEY_FILE</c>.
    /// </summary>
    public string? KeyFile { get; set; }

    /// <summary>The address advertised under Redis clustering (<see cref="AdvertisedIPAddress"/>, or loopback).</summary>
    /// <returns>The parsed address.</returns>
    public IPAddress ResolveAdvertisedAddress() =>
        string.IsNullOrWhiteSpace(AdvertisedIPAddress) ? IPAddress.Loopback : IPAddress.Parse(AdvertisedIPAddress);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.IsDefined(Clustering))
        {
            yield return new ValidationResult($"Clustering must be Localhost, Redis or AzureTable (was {Clustering}).", [nameof(Clustering)]);
        }

        if (Clustering == ClusteringKind.AzureTable && string.IsNullOrWhiteSpace(AzureConnectionString))
        {
            yield return new ValidationResult(
                "AzureConnectionString is required with AzureTable clustering: set Nas:Cluster:AzureConnectionString (environment Nas__Cluster__AzureConnectionString) to the storage account's connection string.",
                [nameof(AzureConnectionString)]);
        }

        if (Clustering == ClusteringKind.Redis && string.IsNullOrWhiteSpace(RedisConnectionString))
        {
            yield return new ValidationResult("RedisConnectionString is required with Redis clustering (for example 127.0.0.1:56379).", [nameof(RedisConnectionString)]);
        }

        if (!string.IsNullOrWhiteSpace(AdvertisedIPAddress) && !IPAddress.TryParse(AdvertisedIPAddress, out _))
        {
            yield return new ValidationResult($"AdvertisedIPAddress must be an IP address (was '{AdvertisedIPAddress}').", [nameof(AdvertisedIPAddress)]);
        }

        if (GatewayPort != 0 && GatewayPort == SiloPort)
        {
            yield return new ValidationResult("GatewayPort must differ from SiloPort.", [nameof(GatewayPort), nameof(SiloPort)]);
        }

        foreach (var problem in Tls.Validate(new ValidationContext(Tls)))
        {
            yield return problem;
        }
    }

    /// <summary>Throws <see cref="ValidationException"/> listing every problem.</summary>
    public void EnsureValid()
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true))
        {
            throw new ValidationException("Invalid cluster options: " + string.Join(" ", results.Select(r => r.ErrorMessage)));
        }
    }
}
