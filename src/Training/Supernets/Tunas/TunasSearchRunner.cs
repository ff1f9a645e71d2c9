using NasOrleans.Core.Spaces;
using NasOrleans.Core.WeightSharing;
using NasOrleans.Training.Supernets.Search;

namespace NasOrleans.Training.Supernets.Tunas;

/// <summary>
/// Runs a TuNAS search (one domain) whole in this process: a <see cref="SupernetSearchJob"/> over a fresh
/// <see cref="Supernet"/> with <see cref="LocalSupernetControllers"/> and <see cref="InMemorySupernetCheckpoints"/>,
/// no Orleans. The supernet's initial weights come from <c>torch.manual_seed</c> of the settings' seed.
/// </summary>
public static class TunasSearchRunner
{
    /// <summary>
    /// Searches <paramref name="space"/> on <paramref name="domain"/> with <paramref name="settings"/> (one batch size)
    /// and the controller <paramref name="controller"/>; throws <see cref="InvalidOperationException"/> when the search
    /// does not complete (it diverged).
    /// </summary>
    public static async Task<TunasSearchRun> RunAsync(
        SearchSpace space, SupernetSearchDomain domain, SupernetSearchSettings settings, TunasOptions controller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.BatchSizes.Count != 1)
        {
            throw new ArgumentException($"A TuNAS search has one domain, so one batch size; got {settings.BatchSizes.Count}.", nameof(settings));
        }

        var controllers = new LocalSupernetControllers(space, controller, 1, settings.TotalSteps, settings.Seed);
        TorchSharp.torch.manual_seed((long)(settings.Seed & long.MaxValue));
        var supernet = new Supernet(space, domain.Train.Shape, [domain.Train.Classes]);
        try
        {
            SupernetSearchResult result;
            using (var job = new SupernetSearchJob(supernet, [domain], controllers, new InMemorySupernetCheckpoints(), settings))
            {
                result = await job.RunAsync(cancellationToken).ConfigureAwait(false);
            }

            if (result.Status != SupernetSearchStatus.Completed)
            {
                throw new InvalidOperationException($"The TuNAS search ended {result.Status}: {result.Message}");
            }

            var policy = await controllers.PolicyAsync(0, cancellationToken).ConfigureAwait(false);
            return new TunasSearchRun(supernet, controllers.Controllers[0], policy, result, result.StepsRun * settings.BatchSizes[0]);
        }
        catch
        {
            supernet.Dispose();
            throw;
        }
    }
}
