using Microsoft.Extensions.DependencyInjection;
using NasOrleans.Core.Specs;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Grains.Scheduling;
using NasOrleans.Grains.Studies;
using NasOrleans.Hosting;
using NasOrleans.Training;
using Orleans.TestingHost;

namespace NasOrleans.Grains.Tests;

/// <summary>
/// One in-process test cluster shared by the cluster tests: a control silo (studies, strategies, the
/// scheduler; it never trains) and two trainer silos with two slots each, on in-memory stores.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private int _silosConfigured;

    /// <summary>The name of the first silo the cluster builds, which plays the control silo.</summary>
    public string ControlSiloName { get; private set; } = "";

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(3);
        builder.ConfigureSilo((silo, orleans) =>
        {
            var control = Interlocked.Increment(ref _silosConfigured) == 1;
            if (control)
            {
                ControlSiloName = silo.SiloName;
            }

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
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Services.Configure<StudyOptions>(o => o.ResyncInterval = TimeSpan.FromMilliseconds(200));
            host.Services.Configure<SchedulerOptions>(o => o.LeaseTimeout = TimeSpan.FromSeconds(5));
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();

        // The client learns which silo hosts which grain from the manifest its gateway hands it; a trainer silo's gateway
        // may answer before the control silo's grains reached it. Wait until studies resolve, as the nas client's connect does.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                _ = Client.GetGrain<IStudyGrain>("manifest-probe");
                _ = Client.GetGrain<IControllerGrain>("manifest-probe/default");
                return;
            }
            catch (ArgumentException ex)
            {
                if (DateTime.UtcNow >= deadline)
                {
                    throw new InvalidOperationException(
                        $"The test cluster's client never saw the control silo's grains in 60 s (silos: {string.Join(", ", Cluster.Silos.Select(x => x.Name))}; control: {ControlSiloName}).", ex);
                }

                await Task.Delay(100);
            }
        }
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
