using Orleans;
using Orleans.Runtime;

namespace NasOrleans.Storage.Azure;

/// <summary>
/// Creates the <see cref="AzureTrialStore"/>'s tables and container during silo start, at <paramref name="stage"/>
/// (before the silo becomes active), so they exist before the first grain call.
/// </summary>
/// <param name="store">The store to initialize.</param>
/// <param name="stage">The silo lifecycle stage.</param>
internal sealed class AzureTrialStoreInitializer(AzureTrialStore store, int stage) : ILifecycleParticipant<ISiloLifecycle>
{
    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe(nameof(AzureTrialStoreInitializer), stage, store.InitializeAsync);
    }
}
