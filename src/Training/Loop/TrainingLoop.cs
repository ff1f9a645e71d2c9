using NasOrleans.Core.Randomness;
using NasOrleans.Core.Trainers;
using NasOrleans.Training.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace NasOrleans.Training.Loop;

/// <summary>
/// Trains a module on a split: each epoch trains on the shuffled train part (one dispose scope per batch, so memory stays
/// flat over many trials), evaluates the validation part and reports through <see cref="ITrainingProgress"/>, which may
/// stop the run early (an answer after the last epoch changes nothing). A NaN, infinite or exploding loss ends the run as
/// diverged. The test part is evaluated once, at the end of a completed or stopped run. Deterministic for a seed (torch.manual_seed, seeded shuffles and augmentation) when nothing else uses
/// libtorch's global generator at the same time.
/// </summary>
public static class TrainingLoop
{
    /// <summary>Trains <paramref name="module"/> (moved to <paramref name="device"/>) as <paramref name="settings"/> say; see <see cref="TrainingLoop"/>.</summary>
    public static Task<TrainingResult> RunAsync(
        nn.Module<Tensor, Tensor> module, DatasetSplit split, TrainingSettings settings, Device device, ITrainingProgress progress, CancellationToken cancellationToken) =>
        RunAsync(module, split, settings, device, progress, TimeProvider.System, cancellationToken);

    /// <summary>Trains <paramref name="module"/>, timing with <paramref name="time"/>; see <see cref="TrainingLoop"/>.</summary>
    public static async Task<TrainingResult> RunAsync(
        nn.Module<Tensor, Tensor> module,
        DatasetSplit split,
        TrainingSettings settings,
        Device device,
        ITrainingProgress progress,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(time);
        settings.ThrowIfInvalid();
        if (settings.Threads > 0)
        {
            torch.set_num_threads(settings.Threads);
        }

        torch.manual_seed(settings.Seed);
        using var train = split.Train.Take(settings.MaxTrainSamples > 0 ? settings.MaxTrainSamples : split.Train.Count);
        module.to(device);
        using var optimizer = CreateOptimizer(module, settings);
        using var augmenter = new BatchAugmenter(settings.Augmentation, split.Shape, settings.Seed);
        var state = new TrainingRunState(settings, train.Count, split.Classes, new DeterministicRandom(unchecked((ulong)settings.Seed) ^ 0x5eed5eedUL));
        var curve = new List<EpochMetrics>();
        var start = time.GetTimestamp();
        for (var epoch = 1; epoch <= settings.Epochs; epoch++)
        {
            var trainStart = time.GetTimestamp();
            var trainLoss = TrainEpoch(module, optimizer, augmenter, train, device, state, epoch, cancellationToken);
            state.TrainSeconds += time.GetElapsedTime(trainStart).TotalSeconds;
            if (state.Divergence is { } reason)
            {
                return Result(TrainingStatus.Diverged, reason, curve, null, time.GetElapsedTime(start).TotalSeconds, state);
            }

            var (accuracy, loss) = ModelEvaluator.Evaluate(module, split.Validation, device, settings.EvaluationBatchSize, cancellationToken);
            var metrics = new EpochMetrics(epoch, trainLoss, loss, accuracy, state.LearningRate);
            curve.Add(metrics);
            var stop = await progress.ReportAsync(epoch, metrics.ToReport(), cancellationToken).ConfigureAwait(false);
            if (stop && epoch < settings.Epochs)
            {
                var seconds = time.GetElapsedTime(start).TotalSeconds;
                var reached = ModelEvaluator.Evaluate(module, split.Test, device, settings.EvaluationBatchSize, cancellationToken);
                return Result(TrainingStatus.Stopped, $"stopped early after epoch {epoch} of {settings.Epochs}", curve, reached, seconds, state);
            }
        }

        var total = time.GetElapsedTime(start).TotalSeconds;
        var test = ModelEvaluator.Evaluate(module, split.Test, device, settings.EvaluationBatchSize, cancellationToken);
        return Result(TrainingStatus.Completed, null, curve, test, total, state);
    }

    private static double TrainEpoch(
        nn.Module<Tensor, Tensor> module, optim.Optimizer optimizer, BatchAugmenter augmenter, Dataset train, Device device, TrainingRunState state, int epoch, CancellationToken cancellationToken)
    {
        module.train();
        var settings = state.Settings;
        var order = Enumerable.Range(0, train.Count).Select(i => (long)i).ToArray();
        DatasetSplitter.Shuffle(order, state.Shuffle);
        double lossSum = 0;
        var batch = 0;
        for (var begin = 0; begin < order.Length; begin += settings.BatchSize, batch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            state.LearningRate = settings.LearningRateAt(state.Step++, state.StepsPerEpoch);
            foreach (var group in optimizer.ParamGroups)
            {
                group.LearningRate = state.LearningRate;
            }

            using var scope = NewDisposeScope();
            var length = Math.Min(settings.BatchSize, order.Length - begin);
            using var index = torch.tensor(order.AsSpan(begin, length).ToArray(), ScalarType.Int64);
            var x = augmenter.Apply(train.Features.index_select(0, index).to(device));
            var y = train.Labels.index_select(0, index).to(device);
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(module.forward(x), y, label_smoothing: settings.LabelSmoothing);
            var value = loss.item<float>();
            if (state.CheckDivergence(value, epoch, batch + 1) is { } reason)
            {
                state.Divergence = reason;
                return double.NaN;
            }

            loss.backward();
            optimizer.step();
            lossSum += value * length;
            state.Samples += length;
        }

        return lossSum / order.Length;
    }

    private static optim.Optimizer CreateOptimizer(nn.Module<Tensor, Tensor> module, TrainingSettings settings) => settings.Optimizer switch
    {
        OptimizerKind.AdamW => optim.AdamW(module.parameters(), settings.LearningRate, weight_decay: settings.WeightDecay),
        OptimizerKind.Sgd => optim.SGD(module.parameters(), settings.LearningRate, momentum: TrainingSettings.SgdMomentum, weight_decay: settings.WeightDecay, nesterov: true),
        _ => optim.Adam(module.parameters(), settings.LearningRate, weight_decay: settings.WeightDecay),
    };

    private static TrainingResult Result(TrainingStatus status, string? reason, List<EpochMetrics> curve, (double Accuracy, double Loss)? test, double seconds, TrainingRunState state)
    {
        var last = curve.Count > 0 ? curve[^1] : null;
        return new TrainingResult(
            status,
            reason,
            last?.ValidationAccuracy ?? double.NaN,
            last?.ValidationLoss ?? double.NaN,
            test?.Accuracy,
            test?.Loss,
            curve,
            seconds,
            state.TrainSeconds > 0 ? state.Samples / state.TrainSeconds : 0);
    }
}
