using Orleans;
using Orleans.Runtime;

namespace NasOrleans.Storage;

/// <summary>
/// Initializes the registered <see cref="ITrialStore"/> during silo start, at <paramref name="stage"/>
/// (before the silo becomes active), so the schema exists before the first grain call.
/// </summary>
/// <param name="store">The store to initialize.</param>
/// <param name="stage">The silo lifecycle stage.</param>
internal sealed class TrialStoreInitializer(ITrialStore store, int stage) : ILifecycleParticipant<ISiloLifecycle>
{
    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe(nameof(TrialStoreInitializer), stage, store.InitializeAsync);
    }
}
