using Microsoft.Extensions.Options;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Grains.Scheduling;
using NasOrleans.Storage;
using Orleans.Concurrency;

namespace NasOrleans.Grains.Studies;

/// <summary>Lists studies from the trial store, and tells the cluster's scheduler shard count.</summary>
[StatelessWorker]
public sealed class StudyCatalogGrain(ITrialStore store, IOptions<SchedulerOptions> scheduler) : Grain, IStudyCatalogGrain
{
    /// <inheritdoc />
    public Task<IReadOnlyList<StudySummary>> ListAsync() => store.ListStudiesAsync();

    /// <inheritdoc />
    public Task<int> GetSchedulerShardsAsync() => Task.FromResult(scheduler.Value.Shards);
}
