using Orleans;
using Orleans.Runtime;

namespace NasOrleans.Storage.Postgres;

/// <summary>
/// Connects the <see cref="PostgresTrialStore"/> and migrates its schema during silo start, at <paramref name="stage"/>
/// (before the silo becomes active), so the tables exist before the first grain call.
/// </summary>
/// <param name="store">The store to initialize.</param>
/// <param name="stage">The silo lifecycle stage.</param>
internal sealed class PostgresTrialStoreInitializer(PostgresTrialStore store, int stage) : ILifecycleParticipant<ISiloLifecycle>
{
    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe(nameof(PostgresTrialStoreInitializer), stage, store.InitializeAsync);
    }
}
