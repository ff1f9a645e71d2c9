using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NasOrleans.Core.Specs;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Grains.Scheduling;
using NasOrleans.Grains.Studies;
using NasOrleans.Hosting;
using NasOrleans.Training;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace NasOrleans.Grains.Tests;

/// <summary>
/// One in-process test cluster shared by the cluster tests: a control silo (studies, strategies, the
/// scheduler; it never trains) and two trainer silos with two slots each, on in-memory stores.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    /// <summary>
    /// The silo that plays the control silo: the test cluster names its silos <c>Silo_{instance number}</c>, so this is
    /// the first one whatever order the silos start in (they start in parallel).
    /// </summary>
    public string ControlSiloName => "Silo_0";

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(3);
        // The client is started below, once every silo has the control silo's grains in its manifest: a client takes the
        // manifest of the gateway it connects to and refreshes it only every TypeMapRefreshInterval (a minute).
        builder.Options.InitializeClientOnDeploy = false;
        builder.ConfigureSilo((silo, orleans) =>
        {
            var control = silo.SiloName == ControlSiloName;
            orleans.UseInMemoryReminderService();
            orleans.Services.AddSingleton(TorchTrainers.Catalog);
            orleans.AddNas(new NasSiloOptions
            {
                Role = control ? SiloRole.Control : SiloRole.Trainer,
                Store = StoreKind.Memory,
                TrainerSlots = control ? 0 : 2,
                LeasesPerPull = 8,
                MinPollInterval = TimeSpan.FromMilliseconds(1),
                MaxPollInterval = TimeSpan.FromMilliseconds(20),
                HeartbeatInterval = TimeSpan.FromSeconds(1),
            });
        });
        // Like the nas client (GatewayConnection): a submit's trace context travels with its grain calls.
        builder.ConfigureClient(client => client.AddActivityPropagation());
        builder.ConfigureSiloHost((silo, host) =>
        {
            host.Services.Configure<StudyOptions>(o => (o.ResyncInterval, o.StoreCheckInterval) = (TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1)));
            host.Services.Configure<SchedulerOptions>(o =>
            {
                o.LeaseTimeout = TimeSpan.FromSeconds(5);
                // Trainer silos configured with fewer shards than the control silo on purpose: they must ask the cluster
                // for the count, or studies hashed to shards 1-3 would never be pulled and most cluster tests would hang.
                o.Shards = silo.SiloName == ControlSiloName ? 4 : 1;
            });
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();

        // DeployAsync returns once each silo is Active in the membership table, not once the silos have each other's grain
        // manifests: a silo fetches a peer's manifest after it sees the peer Active (and retries a failed fetch 5 s later),
        // so for a while a trainer silo's gateway hands out a manifest without the control silo. A client that got one
        // keeps it for a minute, the whole of a 60 s wait. Start the client once every silo (every gateway) has it.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!ControlSiloKnownEverywhere())
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new InvalidOperationException($"The test cluster's silos did not all see the control silo's grains in 60 s.\n{DescribeCluster()}");
            }

            await Task.Delay(50);
        }

        await Cluster.InitializeClientAsync();
        try
        {
            _ = Client.GetGrain<IStudyGrain>("manifest-probe");
            _ = Client.GetGrain<IControllerGrain>("manifest-probe/default");
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"The test cluster's client does not see the control silo's grains.\n{DescribeCluster()}", ex);
        }
    }

    // Every silo sees every silo Active, and has the control silo's grain manifest.
    private bool ControlSiloKnownEverywhere()
    {
        var silos = Cluster.Silos;
        var control = silos.SingleOrDefault(s => s.Name == ControlSiloName);
        if (control is null)
        {
            return false;
        }

        return silos.All(silo =>
        {
            var membership = silo.ServiceProvider.GetRequiredService<IClusterMembershipService>().CurrentSnapshot;
            var manifest = silo.ServiceProvider.GetRequiredService<IClusterManifestProvider>().Current;
            return silos.All(other => membership.GetSiloStatus(other.SiloAddress) == SiloStatus.Active)
                && manifest.Silos.ContainsKey(control.SiloAddress);
        });
    }

    /// <summary>
    /// What each silo (and the client, once started) knows: the membership view (is the control silo Active there, or
    /// dead?) and whose grain manifests it holds (a client resolves grain interfaces from its gateway's manifest).
    /// </summary>
    public string DescribeCluster()
    {
        var text = new StringBuilder($"control silo: {ControlSiloName}\n");
        string Name(SiloAddress address) => Cluster.Silos.FirstOrDefault(s => s.SiloAddress.Equals(address))?.Name ?? address.ToString();
        foreach (var silo in Cluster.Silos)
        {
            var membership = silo.ServiceProvider.GetRequiredService<IClusterMembershipService>().CurrentSnapshot;
            var manifest = silo.ServiceProvider.GetRequiredService<IClusterManifestProvider>().Current;
            text.Append($"  {silo.Name} {silo.SiloAddress}: membership v{membership.Version} [")
                .AppendJoin(", ", membership.Members.Values.Select(m => $"{m.Name}={m.Status}"))
                .Append($"]; manifest v{manifest.Version} [")
                .AppendJoin(", ", manifest.Silos.Select(m => $"{Name(m.Key)}: {m.Value.Grains.Count} grain types"))
                .Append("]\n");
        }

        try
        {
            var manifest = Client.ServiceProvider.GetRequiredService<IClusterManifestProvider>().Current;
            text.Append($"  client: manifest v{manifest.Version} [")
                .AppendJoin(", ", manifest.Silos.Select(m => $"{Name(m.Key)}: {m.Value.Grains.Count} grain types"))
                .Append("]\n");
        }
        catch (InvalidOperationException)
        {
            text.Append("  client: not started\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// Submits <paramref name="spec"/> and waits until the study leaves Running; fails with the scheduler's queue and
    /// every trainer slot's status when it is still running after <paramref name="timeout"/>.
    /// </summary>
    public async Task<StudySummary> RunToEndAsync(StudySpec spec, TimeSpan timeout)
    {
        var study = Client.GetGrain<IStudyGrain>(spec.Name);
        var submitted = await study.SubmitAsync(StudySpecJson.Serialize(spec));
        Assert.True(submitted.Accepted, string.Join("; ", submitted.Errors));
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var status = await study.GetStatusAsync();
            if (status.Status != StudyStatus.Running)
            {
                return status;
            }

            if (deadline.IsCancellationRequested)
            {
                var scheduler = SchedulerShards.For(Client, spec.Name, await Client.GetGrain<IStudyCatalogGrain>(0).GetSchedulerShardsAsync());
                var counts = await scheduler.GetCountsAsync(spec.Name);
                var slots = await scheduler.GetSlotsAsync();
                Assert.Fail($"study {spec.Name} stuck: {status} queue {counts}; slots: {string.Join(" | ", slots.Select(s => $"{s.Slot.SlotId} {string.Join(',', s.Trials)}"))}");
            }

            await Task.Delay(20, CancellationToken.None);
        }
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
