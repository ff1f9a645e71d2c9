using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using NasOrleans.Hosting.Http;

namespace NasOrleans.Hosting;

/// <summary>
/// Builds a cluster silo host from configuration (command line <c>--Nas:Silo:TrainerSlots=2</c>, environment
/// <c>Nas__Silo__TrainerSlots</c>, appsettings.json). A cluster over PostgreSQL and Redis:
/// <c>--Nas:Silo:Store=Postgres --Nas:Cluster:Clustering=Redis</c> with the connection strings, which hold passwords,
/// in the environment (never on the command line, which every local user sees):
/// <c>Nas__Silo__PostgresConnectionString="Host=127.0.0.1;Port=55432;Database=nas;Username=nas;Password=..."</c> and
/// <c>Nas__Cluster__RedisConnectionString="127.0.0.1:56379,password=..."</c> (scripts/cluster/start-silos.sh, deploy/k8s);
/// with <c>Nas__Silo__HttpPort</c> it also serves health, readiness and metrics (<see cref="NasHttpServer"/>).
/// </summary>
public static class NasSiloHost
{
    /// <summary>A host with one silo of <paramref name="role"/>; <paramref name="trainerSlotsDefault"/> is 0 for a control-plane silo.</summary>
    public static IHost Build(string[] args, SiloRole role, int trainerSlotsDefault)
    {
        ArgumentNullException.ThrowIfNull(args);
        foreach (var secret in SecretArguments(args))
        {
            Console.Error.WriteLine(
                $"warning: {secret}=... is on the command line, where every local user can read it (ps, /proc/PID/cmdline); " +
                $"set it by environment instead ({secret.TrimStart('-').Replace(":", "__", StringComparison.Ordinal)}=...).");
        }

        var plain = Host.CreateApplicationBuilder(args);
        if (plain.Configuration.GetValue<int>($"{NasSiloOptions.SectionName}:{nameof(NasSiloOptions.HttpPort)}") == 0)
        {
            Configure(plain, role, trainerSlotsDefault);
            return plain.Build();
        }

        // Kestrel needs the web host; the web builder reads the same configuration sources as the plain one.
        var web = WebApplication.CreateBuilder(args);
        return NasHttpServer.Build(web, Configure(web, role, trainerSlotsDefault));
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

    /// <summary>The names of the arguments that carry a connection string or password (<c>--Nas:Silo:PostgresConnectionString</c>, ...).</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The names, as given up to the '='.</returns>
    public static IEnumerable<string> SecretArguments(IEnumerable<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Select(a => a.Split('=', 2)[0])
            .Where(name => name.StartsWith("--", StringComparison.Ordinal)
                && (name.EndsWith("ConnectionString", StringComparison.OrdinalIgnoreCase) || name.EndsWith("Password", StringComparison.OrdinalIgnoreCase)));
    }
}
