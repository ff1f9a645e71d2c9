using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace NasOrleans.Storage.Postgres;

/// <summary>
/// Registers the PostgreSQL trial store and grain storage, mirroring the SQLite registrations: options validated at
/// start, the store initialized (connected and migrated) during silo start.
/// </summary>
public static class PostgresStorageExtensions
{
    /// <summary>
    /// Registers <see cref="PostgresTrialStore"/> as the <see cref="ITrialStore"/>, the <see cref="IMeasurementStore"/>, the <see cref="IStrategyJournal"/>, the <see cref="IArtifactStore"/>
    /// and itself. In a silo it is initialized at <see cref="PostgresStorageOptions.InitStage"/>; elsewhere on first use.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the connection.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddPostgresTrialStore(this IServiceCollection services, Action<PostgresStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<PostgresStorageOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgresStorageOptions>, PostgresStorageOptionsValidator>());
        services.AddSingleton(sp => new PostgresTrialStore(
            sp.GetRequiredService<IOptions<PostgresStorageOptions>>().Value,
            sp.GetService<ILogger<PostgresTrialStore>>()));
        services.AddSingleton<ITrialStore>(sp => sp.GetRequiredService<PostgresTrialStore>());
        services.AddSingleton<IMeasurementStore>(sp => sp.GetRequiredService<PostgresTrialStore>());
        services.AddSingleton<IStrategyJournal>(sp => sp.GetRequiredService<PostgresTrialStore>());
        services.AddSingleton<IArtifactStore>(sp => sp.GetRequiredService<PostgresTrialStore>());
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => new PostgresTrialStoreInitializer(
            sp.GetRequiredService<PostgresTrialStore>(),
            sp.GetRequiredService<IOptions<PostgresStorageOptions>>().Value.InitStage));
        return services;
    }

    /// <summary>Adds PostgreSQL grain storage named <paramref name="name"/> to the silo.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="name">The provider name, as in <c>[PersistentState("state", name)]</c>.</param>
    /// <param name="configure">Configures the connection.</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static ISiloBuilder AddPostgresGrainStorage(this ISiloBuilder builder, string name, Action<PostgresStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddPostgresGrainStorage(name, configure);
        return builder;
    }

    /// <summary>Adds PostgreSQL grain storage named <paramref name="name"/> to a silo's services.</summary>
    /// <param name="services">The silo's services.</param>
    /// <param name="name">The provider name, as in <c>[PersistentState("state", name)]</c>.</param>
    /// <param name="configure">Configures the connection.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddPostgresGrainStorage(this IServiceCollection services, string name, Action<PostgresStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<PostgresStorageOptions>(name).Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgresStorageOptions>, PostgresStorageOptionsValidator>());
        return services.AddGrainStorage(name, static (sp, providerName) => new PostgresGrainStorage(
            providerName,
            sp.GetRequiredService<IOptionsMonitor<PostgresStorageOptions>>().Get(providerName),
            sp.GetRequiredService<IGrainStorageSerializer>(),
            sp.GetService<ILogger<PostgresGrainStorage>>()));
    }
}
