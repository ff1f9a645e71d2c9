using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NasOrleans.Storage.Sqlite;
using Orleans;
using Orleans.Runtime;

namespace NasOrleans.Storage;

/// <summary>Registers an <see cref="ITrialStore"/> (a singleton, initialized at silo start when hosted in a silo).</summary>
public static class TrialStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SqliteTrialStore"/> as the <see cref="ITrialStore"/>, the <see cref="IMeasurementStore"/>, the <see cref="IStrategyJournal"/>, the <see cref="IArtifactStore"/> (and as itself), with options
    /// validated at start. In a silo it is initialized at <see cref="SqliteStorageOptions.InitStage"/>; elsewhere on first use.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures where the database lives.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddSqliteTrialStore(this IServiceCollection services, Action<SqliteStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<SqliteStorageOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteStorageOptions>, SqliteStorageOptionsValidator>());
        services.AddSingleton(sp => new SqliteTrialStore(
            sp.GetRequiredService<IOptions<SqliteStorageOptions>>().Value,
            sp.GetService<ILogger<SqliteTrialStore>>()));
        services.AddSingleton<ITrialStore>(sp => sp.GetRequiredService<SqliteTrialStore>());
        services.AddSingleton<IMeasurementStore>(sp => sp.GetRequiredService<SqliteTrialStore>());
        services.AddSingleton<IStrategyJournal>(sp => sp.GetRequiredService<SqliteTrialStore>());
        services.AddSingleton<IArtifactStore>(sp => sp.GetRequiredService<SqliteTrialStore>());
        return AddInitializer(services, sp => sp.GetRequiredService<IOptions<SqliteStorageOptions>>().Value.InitStage);
    }

    /// <summary>Registers <see cref="MemoryTrialStore"/> as the <see cref="ITrialStore"/>, the <see cref="IMeasurementStore"/>, the <see cref="IStrategyJournal"/> and the <see cref="IArtifactStore"/> (default limits; and as itself).</summary>
    /// <param name="services">The services.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddMemoryTrialStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(_ => new MemoryTrialStore());
        services.AddSingleton<ITrialStore>(sp => sp.GetRequiredService<MemoryTrialStore>());
        services.AddSingleton<IMeasurementStore>(sp => sp.GetRequiredService<MemoryTrialStore>());
        services.AddSingleton<IStrategyJournal>(sp => sp.GetRequiredService<MemoryTrialStore>());
        services.AddSingleton<IArtifactStore>(sp => sp.GetRequiredService<MemoryTrialStore>());
        return AddInitializer(services, _ => ServiceLifecycleStage.ApplicationServices);
    }

    private static IServiceCollection AddInitializer(IServiceCollection services, Func<IServiceProvider, int> stage)
    {
        // One initializer, for whichever ITrialStore is registered last.
        if (services.Any(d => d.ServiceType == typeof(TrialStoreInitializer)))
        {
            return services;
        }

        services.AddSingleton(sp => new TrialStoreInitializer(sp.GetRequiredService<ITrialStore>(), stage(sp)));
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<TrialStoreInitializer>());
        return services;
    }
}
