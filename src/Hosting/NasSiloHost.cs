using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using NasOrleans.Hosting.Http;

namespace NasOrleans.Hosting;

/// <summary>
/// Builds a cluster silo host from configuration (command line <c>--Nas:Silo:TrainerSlots=2</c>, environment
/// <c>Nas__Silo__TrainerSlots</c>, appsettings.json). A cluster over PostgreSQL and Redis takes
/// <c>Nas__Silo__Store=Postgres</c>, <c>Nas__Silo__PostgresConnectionString</c>, <c>Nas__Cluster__Clustering=Redis</c> and
/// <c>Nas__Cluster__RedisConnectionString</c> from its environment (scripts/cluster/start-silos.sh, deploy/k8s); with
/// <c>Nas__Silo__HttpPort</c> it also serves health, readiness and metrics (<see cref="NasHttpServer"/>).
/// </summary>
public static class NasSiloHost
{
    /// <summary>A host with one silo of <paramref name="role"/>; <paramref name="trainerSlotsDefault"/> is 0 for a control-plane silo.</summary>
    public static IHost Build(string[] args, SiloRole role, int trainerSlotsDefault)
    {
        var plain = Host.CreateApplicationBuilder(args);
        var silo = Configure(plain, role, trainerSlotsDefault);
        if (silo.HttpPort == 0)
        {
            return plain.Build();
        }

        // Kestrel needs the web host; the configuration read above decided that, and the web builder reads the same sources.
        var web = WebApplication.CreateBuilder(args);
        Configure(web, role, trainerSlotsDefault);
        return NasHttpServer.Build(web, silo);
    }

    private static NasSiloOptions Configure(IHostApplicationBuilder builder, SiloRole role, int trainerSlotsDefault)
    {
        var silo = new NasSiloOptions { Role = role, TrainerSlots = trainerSlotsDefault };
        builder.Configuration.GetSection(NasSiloOptions.SectionName).Bind(silo);
        var cluster = new NasClusterOptions();
        builder.Configuration.GetSection(NasClusterOptions.SectionName).Bind(cluster);
        builder.UseOrleans(orleans =>
        {
            orleans.UseNasClustering(cluster);
            orleans.AddNas(silo);
        });
        return silo;
    }
}
