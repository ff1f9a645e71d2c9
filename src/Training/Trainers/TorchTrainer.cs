using System.Runtime.InteropServices;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Specs;
using NasOrleans.Core.Trainers;
using NasOrleans.Training.Data;
using NasOrleans.Training.Devices;
using NasOrleans.Training.Export;
using NasOrleans.Training.Loop;
using NasOrleans.Training.Models;
using NasOrleans.Training.Native;
using Architecture = NasOrleans.Core.Spaces.Architecture;
using TorchSharp;
using static TorchSharp.torch;

namespace NasOrleans.Training.Trainers;

/// <summary>
/// Trains each architecture with TorchSharp: builds it with <see cref="ModelBuilder"/> on the chosen device, trains it
/// with <see cref="TrainingLoop"/> on the (process-wide cached) dataset split, and reports validation accuracy (the
/// search signal), the test accuracy (for the report), parameters, FLOPs, latency and training time. Training runs on
/// its own task, never on the caller's thread. A diverged trial fails with the reason; a trial the study stops early
/// succeeds with what it reached (its <c>epochs</c>, and <c>early_stopped</c> = 1), as Ray Tune and Vizier record it.
/// </summary>
public sealed class TorchTrainer : ITrainer
{
    /// <summary>The trainer kind's name in specs.</summary>
    public const string KindName = "torch";

    private readonly DatasetCatalog _datasets;
    private readonly TimeProvider _time;

    /// <summary>Creates the trainer; throws <see cref="ArgumentException"/> listing the problems of <paramref name="options"/>.</summary>
    public TorchTrainer(TorchTrainerOptions options, DatasetCatalog? datasets = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid torch trainer options: {string.Join("; ", problems)}.", nameof(options));
        }

        Options = options;
        _datasets = datasets ?? DatasetCatalog.Default;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The metrics of a successful trial.</summary>
    public static IReadOnlyList<string> Metrics { get; } =
        ["validation_accuracy", "validation_loss", "test_accuracy", "params", "flops", "latency_ms", "train_seconds", "train_samples_per_second", "epochs"];

    /// <summary>The catalog entry (see <see cref="TorchTrainerParameters"/> for the parameters and their defaults).</summary>
    public static TrainerDescriptor Descriptor { get; } = new(
        KindName,
        "Trains each architecture with TorchSharp (mlp, mobile-cnn, nb201) on a dataset (fashion-mnist by default, or your own IDX/CSV files); "
        + "validation_accuracy ranks architectures, test_accuracy is for the report.",
        TorchTrainerParameters.All,
        Metrics,
        ModelBuilder.SupportedKinds,
        (spec, space, environment) => Create(TorchTrainerParameters.Parse(spec.Parameters), space, environment.ArtifactDirectory),
        (spec, _) => DatasetCatalog.CheckName(TorchTrainerParameters.Parse(spec.Parameters).Dataset.Name) is null
            ? DatasetCatalog.Default.Files(TorchTrainerParameters.Parse(spec.Parameters).Dataset.Name)
            : [])
    {
        CostMetrics = ["params", "flops"],
        Cost = CostFunction,
        CheckData = (spec, space, _) => TorchDataCheck.Check(spec, space, DatasetCatalog.Default.Locations),
        CheckDataset = TorchDomainDataCheck.CheckName,
        CheckDomainData = (domains, spec, _) => TorchDomainDataCheck.Check(domains, spec, DatasetCatalog.Default.Locations),
    };

    /// <summary>
    /// Parameters or FLOPs of an architecture (<see cref="ModelCost"/>), for constrained strategies: the dataset's input
    /// shape and classes come from its split, loaded on the first call (the process-wide cached one trials use).
    /// </summary>
    private static Func<Architecture, double> CostFunction(TrainerSpec spec, SearchSpace space, TrainerEnvironment environment, string metric)
    {
        var dataset = TorchTrainerParameters.Parse(spec.Parameters).Dataset;
        var split = new Lazy<DatasetSplit>(() => DatasetCatalog.Default.Load(dataset), LazyThreadSafetyMode.ExecutionAndPublication);
        return metric switch
        {
            "params" => a => ModelCost.Compute(space, a, split.Value.Shape, split.Value.Classes).Params,
            "flops" => a => ModelCost.Compute(space, a, split.Value.Shape, split.Value.Classes).Flops,
            _ => throw new ArgumentException($"The torch trainer cannot compute '{metric}' before training; it computes params and flops.", nameof(metric)),
        };
    }

    /// <summary>The dataset, training settings and device.</summary>
    public TorchTrainerOptions Options { get; }

    /// <summary>
    /// Called after a successful trial (early-stopped ones included), before the module is disposed: save the weights here (for example
    /// <c>module.save(path)</c>). The module is on the trial's device, in evaluation mode. Null for none.
    /// </summary>
    public Func<TrainingRequest, nn.Module<Tensor, Tensor>, TrialOutcome, Task>? OnTrained { get; set; }

    /// <summary>Where the weights of every successful trial are saved (<see cref="ArtifactStore"/>); null: not saved.</summary>
    public string? ArtifactDirectory { get; init; }

    /// <inheritdoc />
    public Task<TrialOutcome> TrainAsync(TrainingRequest request, ITrainingProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(progress);
        return Task.Run(() => TrainCoreAsync(request, progress, cancellationToken), cancellationToken);
    }

    private static TorchTrainer Create(TorchTrainerOptions options, SearchSpace space, string? artifactDirectory)
    {
        if (!ModelBuilder.SupportedKinds.Contains(space.Kind))
        {
            throw new ArgumentException($"The torch trainer cannot build '{space.Kind}' architectures; it builds {string.Join(", ", ModelBuilder.SupportedKinds)}.", nameof(space));
        }

        DatasetCatalog.Default.EnsureAvailable(options.Dataset.Name);
        return new TorchTrainer(options) { ArtifactDirectory = artifactDirectory };
    }

    private async Task<TrialOutcome> TrainCoreAsync(TrainingRequest request, ITrainingProgress progress, CancellationToken cancellationToken)
    {
        DatasetSplit split;
        Device device;
        nn.Module<Tensor, Tensor> module;
        try
        {
            TorchNativeFix.ThrowIfUnfixable();
            split = _datasets.Load(Options.Dataset);
            // One slot per device: a spec that leaves the device to the trainer trains on its slot's device.
            var auto = string.IsNullOrWhiteSpace(Options.Device) || string.Equals(Options.Device.Trim(), "auto", StringComparison.OrdinalIgnoreCase);
            device = DeviceSelector.Choose(auto && request.SlotDevice is { } slotDevice ? slotDevice : Options.Device);
            module = SeededModel.Build(request.Space, request.Architecture, split.Shape, split.Classes, Options.Training.Seed);
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidDataException or InvalidOperationException or ExternalException)
        {
            return TrialOutcome.Failure(e.Message);
        }

        using (module)
        {
            try
            {
                var (parameters, flops) = ModelCost.Compute(request.Space, request.Architecture, split.Shape, split.Classes);
                // A slot's thread budget applies when the spec sets none (libtorch's count is process-wide: in a slot's own
                // worker process it is the slot's; inline, every slot of the silo has the same budget).
                var settings = Options.Training.Threads == 0 && request.SlotThreads > 0 ? Options.Training with { Threads = request.SlotThreads } : Options.Training;
                var result = await TrainingLoop.RunAsync(module, split, settings, device, progress, _time, cancellationToken).ConfigureAwait(false);
                var metrics = TorchTrainerMetrics.From(result, parameters, flops);
                if (result.Status == TrainingStatus.Diverged)
                {
                    return TrialOutcome.Failure(result.Reason ?? "training diverged", metrics);
                }

                if (result.Status == TrainingStatus.Stopped)
                {
                    metrics["early_stopped"] = 1;
                }

                metrics["latency_ms"] = LatencyMeter.Measure(module, split.Shape, device);
                module.eval();
                var outcome = TrialOutcome.Success(metrics);
                if (ArtifactDirectory is { } artifacts)
                {
                    ArtifactStore.Save(artifacts, request, module, split, outcome);
                }

                if (OnTrained is { } onTrained)
                {
                    await onTrained(request, module, outcome).ConfigureAwait(false);
                }

                return outcome;
            }
            catch (ExternalException e)
            {
                return TrialOutcome.Failure($"libtorch failed while training: {e.Message}");
            }
        }
    }
}
