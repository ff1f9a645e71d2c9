using Microsoft.Extensions.DependencyInjection;
using NasOrleans.Grains.Studies;
using NasOrleans.Hosting;
using Orleans.TestingHost;

namespace NasOrleans.Grains.Tests;

/// <summary>One in-process test cluster (a silo with trainer slots, in-memory stores) shared by the cluster tests.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddNas(new NasSiloOptions
        {
            Store = StoreKind.Memory,
            TrainerSlots = 2,
            LeasesPerPull = 8,
            MinPollInterval = TimeSpan.FromMilliseconds(1),
            MaxPollInterval = TimeSpan.FromMilliseconds(20),
        }));
        builder.ConfigureSiloHost((_, host) => host.Services.Configure<StudyOptions>(o => o.ResyncInterval = TimeSpan.FromMilliseconds(200)));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
