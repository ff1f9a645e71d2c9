using System.Globalization;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Trainers;
using NasOrleans.Core.WeightSharing;
using NasOrleans.Storage;
using NasOrleans.Training.Export;
using NasOrleans.Training.Supernets.MultiPath;
using NasOrleans.Training.Supernets.Search;

namespace NasOrleans.Hosting.Supernets;

/// <summary>
/// The last phase of a <c>tunas</c> or <c>mpnas</c> study after its search: the domains' argmax paths as one
/// <see cref="MultiPathModel"/> trained from scratch (<see cref="MultiPathTrainingJob"/>, checkpointed to the artifact
/// store so another trainer continues it), then packaged for <c>nas export</c> into the artifact <see cref="ModelName"/>.
/// </summary>
internal sealed class MultiPathFinalPhase(IArtifactStore artifacts, string studyId, string specJson)
{
    /// <summary>The artifact the final training's checkpoints are versions of.</summary>
    public const string CheckpointName = "supernet/final";

    /// <summary>The artifact holding the final model's package (<see cref="MultiPathPackage"/>).</summary>
    public const string ModelName = SupernetSearchOptions.FinalModelArtifact;

    /// <summary>
    /// Trains and packages the final model; returns its metrics (per domain test accuracy and path cost, unique and
    /// bundle parameters) and, when it did not complete, why.
    /// </summary>
    public async Task<(IReadOnlyDictionary<string, double> Metrics, string? Failure)> RunAsync(
        SearchSpace space,
        IReadOnlyList<SupernetSearchDomain> data,
        IReadOnlyList<string> datasets,
        SupernetSearchSettings search,
        long finalSteps,
        ISupernetControllers controllers,
        ITrainingProgress progress,
        CancellationToken cancellationToken)
    {
        var paths = new List<Architecture>(data.Count);
        for (var d = 0; d < data.Count; d++)
        {
            paths.Add((await controllers.PolicyAsync(d, cancellationToken).ConfigureAwait(false)).Argmax);
        }

        using var model = MultiPathModel.Create(space, data[0].Train.Shape, [.. data.Select(d => d.Train.Classes)], paths, (long)(search.Seed & long.MaxValue));
        var checkpoints = new ArtifactSupernetCheckpoints(artifacts, studyId, CheckpointName);
        using var job = new MultiPathTrainingJob(model, data, checkpoints, search with { TotalSteps = finalSteps }, progress, search.TotalSteps);
        var result = await job.RunAsync(cancellationToken).ConfigureAwait(false);
        var metrics = Metrics(result);
        if (result.Status != SupernetSearchStatus.Completed)
        {
            return (metrics, string.Create(CultureInfo.InvariantCulture, $"the final model's training ended {result.Status} after step {result.StepsRun}: {result.Message}"));
        }

        var domains = data.Select((d, i) => new DomainDescription
        {
            Name = d.Name,
            Dataset = datasets[i],
            ArchitectureKey = paths[i].Key,
            InputScale = d.Normalization?.Scale ?? 1,
            Mean = d.Normalization?.Mean ?? [0],
            Std = d.Normalization?.Std ?? [1],
            Metrics = metrics.Where(m => m.Key.StartsWith(d.Name + ".", StringComparison.Ordinal)).ToDictionary(m => m.Key[(d.Name.Length + 1)..], m => m.Value, StringComparer.Ordinal),
        }).ToList();
        var package = MultiPathPackage.Create(model, space, specJson, studyId, domains, metrics);
        await artifacts.PutArtifactAsync(studyId, ModelName, package, cancellationToken: cancellationToken).ConfigureAwait(false);
        return (metrics, null);
    }

    private static Dictionary<string, double> Metrics(MultiPathTrainingResult result)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["final_steps_run"] = result.StepsRun,
            ["final_resumed_from"] = result.ResumedFrom,
            ["final_train_seconds"] = result.WallSeconds,
            ["final_samples_per_second"] = result.SamplesPerSecond,
        };
        if (result.Domains.Count == 0)
        {
            return metrics;
        }

        foreach (var domain in result.Domains)
        {
            if (double.IsFinite(domain.TestAccuracy))
            {
                metrics[$"{domain.Domain}.test_accuracy"] = domain.TestAccuracy;
            }

            metrics[$"{domain.Domain}.final_validation_accuracy"] = domain.ValidationAccuracy;
            metrics[$"{domain.Domain}.path_params"] = domain.PathParams;
            metrics[$"{domain.Domain}.path_flops"] = domain.PathFlops;
        }

        metrics["unique_params"] = result.UniqueParameters;
        metrics["bundle_params"] = result.Domains.Sum(d => d.PathParams);
        if (result.Domains.All(d => double.IsFinite(d.TestAccuracy)))
        {
            metrics["test_accuracy"] = result.Domains.Average(d => d.TestAccuracy);
            metrics["worst_test_accuracy"] = result.Domains.Min(d => d.TestAccuracy);
        }

        return metrics;
    }
}
