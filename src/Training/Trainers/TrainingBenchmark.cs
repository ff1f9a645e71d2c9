using NasOrleans.Training.Data;
using NasOrleans.Training.Devices;
using NasOrleans.Training.Loop;
using TorchSharp;
using static TorchSharp.torch;

namespace NasOrleans.Training.Trainers;

/// <summary>
/// Measures training on this machine (for <c>nas bench train</c>): training and inference samples/s of the space's three
/// reference architectures (<see cref="ReferenceArchitectures"/>) through <see cref="TrainingLoop"/> (Adam, no label
/// smoothing, constant learning rate), of the baseline MLP through the same loop, and of the baseline MLP and CNN
/// (<see cref="BaselineModels"/>) in a bare TorchSharp loop; then the process's peak memory after consecutive short trials.
/// Runs on its own task.
/// </summary>
public static class TrainingBenchmark
{
    private const int EvaluationSamples = 256;

    /// <summary>Runs the benchmark; throws <see cref="ArgumentException"/> listing the problems of <paramref name="options"/>.</summary>
    public static Task<TrainingBenchmarkReport> RunAsync(TrainingBenchmarkOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid benchmark options: {string.Join("; ", problems)}.", nameof(options));
        }

        return Task.Run(() => RunCoreAsync(options, cancellationToken), cancellationToken);
    }

    private static async Task<TrainingBenchmarkReport> RunCoreAsync(TrainingBenchmarkOptions options, CancellationToken cancellationToken)
    {
        var previousThreads = torch.get_num_threads();
        torch.set_num_threads(options.Threads);
        try
        {
            var device = DeviceSelector.Choose(options.Device);
            var data = options.Data;
            using var validation = data.Validation.Take(EvaluationSamples);
            using var test = data.Test.Take(EvaluationSamples);
            var split = new DatasetSplit(data.Name, data.Train, validation, test, data.Files);
            var settings = new TrainingSettings
            {
                Epochs = 1,
                BatchSize = options.BatchSize,
                Schedule = LearningRateSchedule.Constant,
                LearningRate = 1e-3,
                LabelSmoothing = 0,
                MaxTrainSamples = options.TrainSamples,
            };
            var records = new List<ThroughputRecord>();
            var models = ReferenceArchitectures.Of(options.Space)
                .Select(r => (r.Name, Build: (Func<nn.Module<Tensor, Tensor>>)(() => SeededModel.Build(options.Space, r.Architecture, data.Shape, data.Classes, 0))))
                .Append(($"loop-{MlpName(data)}", () => BaselineModels.Mlp(data.Shape, data.Classes)));
            foreach (var (name, build) in models)
            {
                using var module = SeededModel.Build(build, 0);
                module.to(device);
                BenchmarkPasses.Train(module, data.Train, device, options.BatchSize, options.WarmupBatches, cancellationToken);
                var result = await TrainingLoop.RunAsync(module, split, settings, device, SilentProgress.Instance, cancellationToken).ConfigureAwait(false);
                var infer = BenchmarkPasses.Infer(module, data.Train, device, options, cancellationToken);
                records.Add(new ThroughputRecord(name, result.TrainSamplesPerSecond, infer, Params(module)));
            }

            var baselines = new List<(string, Func<nn.Module<Tensor, Tensor>>)> { ($"baseline-{MlpName(data)}", () => BaselineModels.Mlp(data.Shape, data.Classes)) };
            if (data.Shape.IsImage)
            {
                baselines.Add(("baseline-cnn-16-32", () => BaselineModels.Cnn(data.Shape, data.Classes)));
            }

            foreach (var (name, build) in baselines)
            {
                using var module = SeededModel.Build(build, 0);
                module.to(device);
                var train = BenchmarkPasses.MeasureTrain(module, data.Train, device, options, cancellationToken);
                var infer = BenchmarkPasses.Infer(module, data.Train, device, options, cancellationToken);
                records.Add(new ThroughputRecord(name, train, infer, Params(module)));
            }

            var memory = await MeasureMemoryAsync(options, split, settings with { MaxTrainSamples = options.MemoryTrialSamples }, device, cancellationToken).ConfigureAwait(false);
            return new TrainingBenchmarkReport(records, memory, device.ToString(), options.Threads);
        }
        finally
        {
            torch.set_num_threads(previousThreads);
        }
    }

    private static async Task<IReadOnlyList<MemoryRecord>> MeasureMemoryAsync(
        TrainingBenchmarkOptions options, DatasetSplit split, TrainingSettings settings, Device device, CancellationToken cancellationToken)
    {
        var medium = ReferenceArchitectures.Of(options.Space)[1].Architecture;
        var records = new List<MemoryRecord>();
        var done = 0;
        foreach (var target in options.MemoryTrials)
        {
            for (; done < target; done++)
            {
                using var module = SeededModel.Build(options.Space, medium, split.Shape, split.Classes, done);
                await TrainingLoop.RunAsync(module, split, settings with { Seed = done }, device, SilentProgress.Instance, cancellationToken).ConfigureAwait(false);
            }

            records.Add(new MemoryRecord(done, ProcessMemory.PeakMb(), ProcessMemory.ResidentMb()));
        }

        return records;
    }

    private static string MlpName(DatasetSplit data) => $"mlp-{data.Shape.Features}-256-{data.Classes}";

    private static long Params(nn.Module module) => module.parameters().Sum(p => p.numel());
}
