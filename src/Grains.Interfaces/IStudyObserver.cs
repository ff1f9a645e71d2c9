using NasOrleans.Grains.Interfaces.Messages;
using Orleans.Concurrency;

namespace NasOrleans.Grains.Interfaces;

/// <summary>Receives a study's progress (subscribe with <see cref="IStudyGrain.WatchAsync"/>; renew within a minute).</summary>
[Alias("nas.IStudyObserver")]
public interface IStudyObserver : IGrainObserver
{
    /// <summary>The study's standing changed.</summary>
    [OneWay]
    [Alias("OnProgress")]
    Task OnProgress(StudySummary summary);
}
