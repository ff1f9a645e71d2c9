using System.Globalization;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Specs;
using NasOrleans.Core.Strategies;
using NasOrleans.Core.Trainers;
using NasOrleans.Core.WeightSharing;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Grains.Training;
using NasOrleans.Storage;
using NasOrleans.Training.Data;
using NasOrleans.Training.Supernets;
using NasOrleans.Training.Supernets.Search;
using NasOrleans.Training.Trainers;

namespace NasOrleans.Hosting.Supernets;

/// <summary>
/// Runs a <c>tunas</c> or <c>mpnas</c> study's supernet search on a trainer slot (<see cref="WorkKinds.SupernetSearch"/>):
/// the domains' data from the spec, the controllers as grains, the checkpoints in the artifact store, so that the
/// search continues from its last checkpoint on whichever trainer next holds its lease.
/// </summary>
public sealed class SupernetSearchWork(IGrainFactory grains, IArtifactStore artifacts, TrainerCatalog catalog) : ISlotWork
{
    /// <summary>The artifact the search's checkpoints are versions of.</summary>
    public const string CheckpointName = "supernet/search";

    /// <inheritdoc />
    public string Kind => WorkKinds.SupernetSearch;

    /// <inheritdoc />
    public async Task<TrialOutcome> RunAsync(TrialLease lease, SlotInfo slot, ITrainingProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(slot);
        var spec = StudySpecParser.ParseJson(lease.SpecJson, catalog);
        var space = SpaceCatalog.Create(spec.Space);
        var torch = TorchTrainerParameters.Parse(spec.Trainer.Parameters);
        IReadOnlyList<DomainSpec> domains = spec.Domains is { Count: > 0 } listed ? listed : [new DomainSpec(ControllerKey.DefaultDomain, torch.Dataset.Name)];
        var data = await Task.Run(() => domains.Select(d => SupernetSearchDomain.Load(d, DatasetCatalog.Default, torch.Dataset)).ToList(), cancellationToken).ConfigureAwait(false);
        if (data.Select(d => d.Train.Shape).Distinct().Count() > 1)
        {
            return TrialOutcome.Failure($"the domains' images differ in shape ({string.Join(", ", data.Select(d => $"{d.Name}: {d.Train.Shape}"))}); use upsampled: to bring them to one size");
        }

        var parameters = new ResolvedParameters(WeightSharingAlgorithms.Parameters, spec.Algorithm.Parameters);
        var tunas = TunasOptions.From(parameters);
        var search = SupernetSearchOptions.From(parameters);
        var settings = new SupernetSearchSettings
        {
            TotalSteps = search.Steps,
            CheckpointEvery = search.CheckpointEvery,
            BatchSizes = [.. domains.Select(d => d.BatchSize ?? torch.Training.BatchSize)],
            LearningRate = search.SharedLearningRate,
            Abdp = search.Abdp,
            AbdpW = search.AbdpW,
            Schedule = tunas.Schedule,
            RewardKind = tunas.RewardKind,
            RewardBeta = tunas.CostExponent,
            CostMetric = search.CostMetric == "flops" ? SupernetCostMetric.Flops : SupernetCostMetric.Params,
            CostScope = search.CostScope == "path" ? SupernetCostScope.Path : SupernetCostScope.Model,
            CostTarget = tunas.CostTarget,
            ControllerSampleBatch = search.SampleBatch,
            Seed = spec.Algorithm.Seed,
            Device = torch.Device is "auto" ? slot.Device : torch.Device,
        };
        using var supernet = new Supernet(space, data[0].Train.Shape, [.. data.Select(d => d.Train.Classes)]);
        var controllers = new GrainSupernetControllers(grains, lease.Task.StudyId, [.. domains.Select(d => d.Name)]);
        var checkpoints = new ArtifactSupernetCheckpoints(artifacts, lease.Task.StudyId, CheckpointName);
        using var job = new SupernetSearchJob(supernet, data, controllers, checkpoints, settings, progress);
        var result = await job.RunAsync(cancellationToken).ConfigureAwait(false);
        var outcome = Outcome(result, checkpoints.Saved);
        if (result.Status != SupernetSearchStatus.Completed || search.FinalSteps == 0)
        {
            return outcome;
        }

        var final = new MultiPathFinalPhase(artifacts, lease.Task.StudyId, lease.SpecJson);
        var (metrics, failure) = await final.RunAsync(space, data, [.. domains.Select(d => d.Dataset)], settings, search.FinalSteps, controllers, progress, cancellationToken).ConfigureAwait(false);
        var all = new Dictionary<string, double>(outcome.Metrics, StringComparer.Ordinal);
        foreach (var (name, value) in metrics)
        {
            all[name] = value;
        }

        return failure is null ? TrialOutcome.Success(all) : TrialOutcome.Failure(failure, all);
    }

    private static TrialOutcome Outcome(SupernetSearchResult result, int saved)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["steps"] = result.StepsRun,
            ["resumed_from"] = result.ResumedFrom,
            ["checkpoints_saved"] = saved,
            ["train_seconds"] = result.WallSeconds,
            ["train_samples_per_second"] = result.SamplesPerSecond,
            ["controller_seconds"] = result.ControllerSeconds,
            ["controller_share"] = result.WallSeconds > 0 ? result.ControllerSeconds / result.WallSeconds : 0,
        };
        var last = result.Curves.Select(c => (c.Domain, Point: c.Points.Count > 0 ? c.Points[^1] : null)).ToList();
        foreach (var (domain, point) in last.Where(l => l.Point is not null))
        {
            metrics[$"{domain}.validation_accuracy"] = point!.ValidationAccuracy;
            metrics[$"{domain}.train_loss"] = point.TrainLoss;
            metrics[$"{domain}.mean_reward"] = point.MeanReward;
        }

        if (last.All(l => l.Point is not null) && last.Count > 0)
        {
            metrics["validation_accuracy"] = last.Average(l => l.Point!.ValidationAccuracy);
        }

        return result.Status == SupernetSearchStatus.Completed
            ? TrialOutcome.Success(metrics)
            : TrialOutcome.Failure(string.Create(CultureInfo.InvariantCulture, $"the supernet search ended {result.Status} after step {result.StepsRun}: {result.Message}"), metrics);
    }
}
