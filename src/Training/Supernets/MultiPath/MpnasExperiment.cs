using NasOrleans.Core.Spaces;
using NasOrleans.Core.WeightSharing;
using NasOrleans.Training.Supernets.Search;

namespace NasOrleans.Training.Supernets.MultiPath;

/// <summary>
/// Runs one row of the MPNAS comparison in this process: the search (one supernet over all domains, or one per domain
/// for the bundle) with in-process controllers, then the final model trained from scratch along the chosen paths.
/// Every row trains each domain for the same number of search steps and final steps.
/// </summary>
public static class MpnasExperiment
{
    /// <summary>Sets libtorch's thread count for the rows run in this process (process-wide).</summary>
    public static void UseThreads(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        TorchSharp.torch.set_num_threads(threads);
    }

    /// <summary>
    /// Row <paramref name="row"/> for <paramref name="seed"/>: search settings <paramref name="search"/> (batch sizes per
    /// domain; its ABDP setting is replaced by the row's), controllers <paramref name="tunas"/>, and
    /// <paramref name="finalSteps"/> steps of final training.
    /// </summary>
    public static async Task<MpnasRowResult> RunAsync(
        MpnasRow row,
        SearchSpace space,
        IReadOnlyList<SupernetSearchDomain> domains,
        SupernetSearchSettings search,
        TunasOptions tunas,
        long finalSteps,
        ulong seed,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domains);
        ArgumentNullException.ThrowIfNull(search);
        var settings = search with { Seed = seed, Abdp = row == MpnasRow.Abdp || (row == MpnasRow.SharedPath && search.Abdp) };
        if (row != MpnasRow.Bundle)
        {
            return await RunJointAsync(row, space, domains, settings, tunas, finalSteps, cancellationToken).ConfigureAwait(false);
        }

        var parts = new List<MpnasRowResult>();
        for (var d = 0; d < domains.Count; d++)
        {
            var single = settings with { BatchSizes = [settings.BatchSizes[d]], Abdp = false, CostScope = SupernetCostScope.Path, Seed = seed + (ulong)d };
            parts.Add(await RunJointAsync(row, space, [domains[d]], single, tunas, finalSteps, cancellationToken).ConfigureAwait(false));
        }

        return new MpnasRowResult(
            row,
            seed,
            [.. parts.SelectMany(p => p.Paths)],
            [.. parts.SelectMany(p => p.Domains)],
            parts.Sum(p => p.UniqueParameters),
            [.. parts.SelectMany(p => p.SearchCurves)],
            [.. parts.SelectMany(p => p.FinalCurves)],
            parts.Sum(p => p.SearchSeconds),
            parts.Sum(p => p.FinalSeconds),
            [.. parts.SelectMany(p => p.Entropy)]);
    }

    private static async Task<MpnasRowResult> RunJointAsync(
        MpnasRow row, SearchSpace space, IReadOnlyList<SupernetSearchDomain> domains, SupernetSearchSettings settings, TunasOptions tunas, long finalSteps, CancellationToken cancellationToken)
    {
        var classes = domains.Select(d => d.Train.Classes).ToList();
        var shape = domains[0].Train.Shape;
        ISupernetControllers controllers = row == MpnasRow.SharedPath
            ? new SharedPathControllers(space, tunas, domains.Count, settings.TotalSteps, settings.Seed)
            : new LocalSupernetControllers(space, tunas, domains.Count, settings.TotalSteps, settings.Seed);
        SupernetSearchResult searched;
        TorchSharp.torch.manual_seed((long)(settings.Seed & long.MaxValue));
        using (var supernet = new Supernet(space, shape, classes))
        using (var job = new SupernetSearchJob(supernet, domains, controllers, new InMemorySupernetCheckpoints(), settings))
        {
            searched = await job.RunAsync(cancellationToken).ConfigureAwait(false);
        }

        if (searched.Status != SupernetSearchStatus.Completed)
        {
            throw new InvalidOperationException($"The {row} search ended {searched.Status}: {searched.Message}");
        }

        var policies = new List<SupernetPolicy>();
        for (var d = 0; d < domains.Count; d++)
        {
            policies.Add(await controllers.PolicyAsync(d, cancellationToken).ConfigureAwait(false));
        }

        using var model = MultiPathModel.Create(space, shape, classes, [.. policies.Select(p => p.Argmax)], (long)(settings.Seed & long.MaxValue));
        using var final = new MultiPathTrainingJob(model, domains, new InMemorySupernetCheckpoints(), settings with { TotalSteps = finalSteps });
        var trained = await final.RunAsync(cancellationToken).ConfigureAwait(false);
        if (trained.Status != SupernetSearchStatus.Completed)
        {
            throw new InvalidOperationException($"The {row} final training ended {trained.Status}: {trained.Message}");
        }

        return new MpnasRowResult(
            row,
            settings.Seed,
            [.. policies.Select(p => p.Argmax.Key)],
            trained.Domains,
            trained.UniqueParameters,
            searched.Curves,
            trained.Curves,
            searched.WallSeconds,
            trained.WallSeconds,
            [.. policies.Select(p => p.Entropy)]);
    }
}
