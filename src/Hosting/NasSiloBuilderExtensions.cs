using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NasOrleans.Core;
using NasOrleans.Core.Trainers;
using NasOrleans.Grains;
using NasOrleans.Grains.Scheduling;
using NasOrleans.Grains.Studies;
using NasOrleans.Grains.Training;
using NasOrleans.Grains.Training.Workers;
using NasOrleans.Hosting.Paired;
using NasOrleans.Hosting.Supernets;
using NasOrleans.Storage;
using NasOrleans.Storage.Azure;
using NasOrleans.Storage.Postgres;
using NasOrleans.Storage.Sqlite;
using NasOrleans.Training;
using NasOrleans.Training.Controllers;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Runtime;

namespace NasOrleans.Hosting;

/// <summary>Adds the NasOrleans grains, storage, trainer slots and telemetry to a silo.</summary>
public static class NasSiloBuilderExtensions
{
    /// <summary>
    /// Configures everything but clustering (see <see cref="NasClusteringExtensions.UseNasClustering"/>): grain storage
    /// and trial store (<see cref="NasSiloOptions.Store"/>: SQLite, PostgreSQL, Azure Storage or memory),
    /// the trainer catalog (with the torch trainer, unless a <see cref="TrainerCatalog"/> is registered already),
    /// trainer slots, resuming unfinished studies, and telemetry (with trace context propagated through grain calls,
    /// <see cref="CoreHostingExtensions.AddActivityPropagation(ISiloBuilder)"/>).
    /// </summary>
    public static ISiloBuilder AddNas(this ISiloBuilder builder, NasSiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        var services = builder.Services;
        switch (options.Store)
        {
            case StoreKind.Sqlite:
                builder.AddSqliteGrainStorage(StorageNames.Grains, o => o.DataDirectory = options.DataDirectory);
                services.AddSqliteTrialStore(o => o.DataDirectory = options.DataDirectory);
                break;
            case StoreKind.Postgres:
                builder.AddPostgresGrainStorage(StorageNames.Grains, o => ConfigurePostgres(o, options));
                services.AddPostgresTrialStore(o => ConfigurePostgres(o, options));
                break;
            case StoreKind.Azure:
                builder.AddAzureGrainStorage(StorageNames.Grains, o => ConfigureAzure(o, options));
                services.AddAzureTrialStore(o => ConfigureAzure(o, options));
                break;
            default:
                builder.AddMemoryGrainStorage(StorageNames.Grains);
                services.AddMemoryTrialStore();
                break;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(TorchTrainers.Catalog);
        TorchControllers.Register();
        services.AddSingleton(options);
        services.AddSingleton(sp => new TrainerEnvironment(SharedDirectory.Resolve(options.SharedDirectory), sp.GetRequiredService<TimeProvider>())
        {
            ArtifactDirectory = options.ResolvedArtifactDirectory,
        });
        services.AddSingleton<SchedulerShardCount>();
        services.AddOptions<SchedulerOptions>().BindConfiguration(SchedulerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StudyOptions>().BindConfiguration(StudyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.Configure<GrainTypeOptions>(o => SiloRoleGrains.Apply(o, options.Role));
        if (options.TrainerSlots > 0)
        {
            services.AddSingleton<StudyTrainers>();
            if (options.SlotIsolation == SlotIsolation.Process)
            {
                services.AddSingleton(_ => new SlotWorkers(SlotWorkerEntry.CommandFor(options)));
            }

            services.AddSingleton<TrialReporter>();
            services.AddSingleton<ISlotWork, SupernetSearchWork>();
            services.AddSingleton<ISlotWork, PairedRoundWork>();
            services.AddSingleton<TrialRunner>();
            services.AddSingleton<SlotLoopRegistry>();
            services.AddSingleton<TrainerSlotHost>();
            services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<TrainerSlotHost>());
        }

        if (options.Role != SiloRole.Trainer)
        {
            services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, StudyWaker>();
        }
        if (options.Dashboard)
        {
            builder.AddDashboard();
        }

        builder.AddActivityPropagation();
        services.AddNasTelemetry(options);
        return builder;
    }

    private static void ConfigurePostgres(PostgresStorageOptions postgres, NasSiloOptions options)
    {
        postgres.ConnectionString = options.PostgresConnectionString ?? "";
        postgres.Schema = options.PostgresSchema;
    }

    private static void ConfigureAzure(AzureStorageOptions azure, NasSiloOptions options)
    {
        azure.ConnectionString = options.AzureConnectionString ?? "";
        azure.TablePrefix = options.AzureTablePrefix;
    }
}
