using Azure.Data.Tables;
using Microsoft.Extensions.Hosting;
using NasOrleans.Hosting.Security;
using Orleans.Configuration;
using StackExchange.Redis;

namespace NasOrleans.Hosting;

/// <summary>Configures how a NasOrleans silo joins its cluster (<see cref="NasClusterOptions"/>).</summary>
public static class NasClusteringExtensions
{
    /// <summary>
    /// Localhost: development clustering with in-memory reminders (one machine, a primary silo). Redis (or AzureTable):
    /// the membership table and reminders in Redis (or Azure Tables), the silo listening and advertising on <see cref="NasClusterOptions.ResolveAdvertisedAddress"/>
    /// at <see cref="NasClusterOptions.SiloPort"/> and <see cref="NasClusterOptions.GatewayPort"/> (0: no gateway).
    /// Either way <see cref="NasClusterOptions.FastFailureDetection"/> applies the tuned membership timings, and
    /// <see cref="NasClusterOptions.Tls"/> (when enabled) puts every silo and gateway connection on mutual TLS.
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="options">The cluster options (validated here).</param>
    /// <returns><paramref name="builder"/>.</returns>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">The options are invalid.</exception>
    public static ISiloBuilder UseNasClustering(this ISiloBuilder builder, NasClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        if (options.Clustering is ClusteringKind.Redis or ClusteringKind.AzureTable)
        {
            if (options.Clustering == ClusteringKind.Redis)
            {
                var redis = options.RedisConnectionString!;
                builder.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(redis));
                builder.UseRedisReminderService(o => o.ConfigurationOptions = ConfigurationOptions.Parse(redis));
            }
            else
            {
                var azure = options.AzureConnectionString!;
                builder.UseAzureStorageClustering(o => o.TableServiceClient = new TableServiceClient(azure));
                builder.UseAzureTableReminderService(o => o.TableServiceClient = new TableServiceClient(azure));
            }

            builder.ConfigureEndpoints(options.ResolveAdvertisedAddress(), options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: false);
            builder.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = options.ClusterId;
                o.ServiceId = options.ServiceId;
            });
        }
        else
        {
            var primary = options.PrimarySiloPort is { } p ? new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, p) : null;
            builder.UseLocalhostClustering(options.SiloPort, options.GatewayPort, primary, options.ServiceId, options.ClusterId);
            builder.UseInMemoryReminderService();
        }

        builder.UseNasTls(options.Tls);
        if (options.KeyFile is { Length: > 0 } keyFile)
        {
            builder.UseNasClusterKey(ClusterKey.FromFile(keyFile));
        }

        builder.UseKubernetesHostingInCluster(options);
        if (options.FastFailureDetection)
        {
            builder.Configure<ClusterMembershipOptions>(ApplyFastFailureDetection);
        }

        return builder;
    }

    /// <summary>The tuned failure-detection profile of DESIGN.md (see <see cref="NasClusterOptions.FastFailureDetection"/>).</summary>
    /// <param name="membership">The membership options to tune.</param>
    public static void ApplyFastFailureDetection(ClusterMembershipOptions membership)
    {
        ArgumentNullException.ThrowIfNull(membership);
        membership.ProbeTimeout = TimeSpan.FromSeconds(1);
        membership.NumMissedProbesLimit = 2;
        membership.NumVotesForDeathDeclaration = 1;
        membership.TableRefreshTimeout = TimeSpan.FromSeconds(2);
    }
}
