using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NasOrleans.Storage.Sqlite;
using Orleans.Hosting;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace NasOrleans.Storage;

/// <summary>
/// Registers <see cref="SqliteGrainStorage"/> as a named (keyed) Orleans grain storage provider, the way Orleans'
/// own providers do (<c>AddGrainStorage</c>: a keyed <see cref="IGrainStorage"/> that joins the silo lifecycle).
/// </summary>
public static class SqliteGrainStorageExtensions
{
    /// <summary>Adds SQLite grain storage named <paramref name="name"/> to the silo.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="name">The provider name, as in <c>[PersistentState("state", name)]</c>.</param>
    /// <param name="configure">Configures where the database lives.</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder builder, string name, Action<SqliteStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSqliteGrainStorage(name, configure);
        return builder;
    }

    /// <summary>Adds SQLite grain storage as the silo's default provider (named <c>Default</c>).</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configure">Configures where the database lives.</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static ISiloBuilder AddSqliteGrainStorageAsDefault(this ISiloBuilder builder, Action<SqliteStorageOptions> configure) =>
        builder.AddSqliteGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configure);

    /// <summary>Adds SQLite grain storage named <paramref name="name"/> to a silo's services.</summary>
    /// <param name="services">The silo's services.</param>
    /// <param name="name">The provider name, as in <c>[PersistentState("state", name)]</c>.</param>
    /// <param name="configure">Configures where the database lives.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddSqliteGrainStorage(this IServiceCollection services, string name, Action<SqliteStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<SqliteStorageOptions>(name).Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteStorageOptions>, SqliteStorageOptionsValidator>());
        return services.AddGrainStorage(name, static (sp, providerName) => new SqliteGrainStorage(
            providerName,
            sp.GetRequiredService<IOptionsMonitor<SqliteStorageOptions>>().Get(providerName),
            sp.GetRequiredService<IGrainStorageSerializer>(),
            sp.GetService<ILogger<SqliteGrainStorage>>()));
    }
}
