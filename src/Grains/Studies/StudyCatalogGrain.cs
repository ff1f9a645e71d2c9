using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Storage;
using Orleans.Concurrency;

namespace NasOrleans.Grains.Studies;

/// <summary>Lists studies from the trial store.</summary>
[StatelessWorker]
public sealed class StudyCatalogGrain(ITrialStore store) : Grain, IStudyCatalogGrain
{
    /// <inheritdoc />
    public Task<IReadOnlyList<StudySummary>> ListAsync() => store.ListStudiesAsync();
}
