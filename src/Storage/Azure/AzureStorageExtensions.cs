using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime;

namespace NasOrleans.Storage.Azure;

/// <summary>
/// Registers the Azure Storage trial store and grain storage, mirroring the PostgreSQL registrations: options validated
/// at start, the store initialized (tables and container created) during silo start. Grain state goes to Orleans' own
/// Azure Blob grain storage (Microsoft.Orleans.Persistence.AzureStorage): a blob per grain, so states of several MB (a
/// paired agent's) fit, which a table entity (1 MiB) would not.
/// </summary>
public static class AzureStorageExtensions
{
    /// <summary>
    /// Registers <see cref="AzureTrialStore"/> as the <see cref="ITrialStore"/>, the <see cref="IMeasurementStore"/>, the
    /// <see cref="IStrategyJournal"/>, the <see cref="IArtifactStore"/> and itself. In a silo it is initialized at
    /// <see cref="AzureStorageOptions.InitStage"/>; elsewhere on first use.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the account.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddAzureTrialStore(this IServiceCollection services, Action<AzureStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<AzureStorageOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AzureStorageOptions>, AzureStorageOptionsValidator>());
        services.AddSingleton(sp => new AzureTrialStore(
            sp.GetRequiredService<IOptions<AzureStorageOptions>>().Value,
            sp.GetService<ILogger<AzureTrialStore>>()));
        services.AddSingleton<ITrialStore>(sp => sp.GetRequiredService<AzureTrialStore>());
        services.AddSingleton<IMeasurementStore>(sp => sp.GetRequiredService<AzureTrialStore>());
        services.AddSingleton<IStrategyJournal>(sp => sp.GetRequiredService<AzureTrialStore>());
        services.AddSingleton<IArtifactStore>(sp => sp.GetRequiredService<AzureTrialStore>());
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => new AzureTrialStoreInitializer(
            sp.GetRequiredService<AzureTrialStore>(),
            sp.GetRequiredService<IOptions<AzureStorageOptions>>().Value.InitStage));
        return services;
    }

    /// <summary>
    /// Adds Azure Blob grain storage named <paramref name="name"/> to the silo: container
    /// <see cref="AzureStorageOptions.GrainsContainer"/>, the options' retries, and clearing a state deletes its blob.
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="name">The provider name, as in <c>[PersistentState("state", name)]</c>.</param>
    /// <param name="configure">Configures the account.</param>
    /// <returns><paramref name="builder"/>.</returns>
    /// <exception cref="ArgumentException">The options are invalid (every problem is listed).</exception>
    public static ISiloBuilder AddAzureGrainStorage(this ISiloBuilder builder, string name, Action<AzureStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configure);
        var azure = new AzureStorageOptions();
        configure(azure);
        azure.EnsureValid();
        return builder.AddAzureBlobGrainStorage(name, blob =>
        {
            blob.BlobServiceClient = azure.CreateBlobServiceClient();
            blob.ContainerName = azure.GrainsContainer;
            blob.DeleteStateOnClear = true;
        });
    }
}
