using System.Globalization;

namespace NasOrleans.Training.Loop;

/// <summary>
/// How to train one architecture. The defaults suit a quick CPU search on Fashion-MNIST: Adam, learning rate 0.002,
/// no weight decay, 2 epochs, batch 128, cosine schedule without warmup, label smoothing 0.05, no augmentation, seed 0,
/// libtorch's own thread count, all training samples.
/// </summary>
public sealed record TrainingSettings
{
    /// <summary>The SGD momentum (Nesterov).</summary>
    public const double SgdMomentum = 0.9;

    /// <summary>A batch loss above this ends training as diverged.</summary>
    public const double LossLimit = 1e4;

    /// <summary>A batch loss above this many times the first batch's (or ln(classes), if larger) ends training as diverged.</summary>
    public const double LossGrowthLimit = 50;

    /// <summary>The optimizer.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;

    /// <summary>The (peak) learning rate.</summary>
    public double LearningRate { get; init; } = 0.002;

    /// <summary>Weight decay (L2 for adam and sgd, decoupled for adamw).</summary>
    public double WeightDecay { get; init; }

    /// <summary>Passes over the training samples.</summary>
    public int Epochs { get; init; } = 2;

    /// <summary>Samples per training batch.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>The learning-rate schedule.</summary>
    public LearningRateSchedule Schedule { get; init; } = LearningRateSchedule.Cosine;

    /// <summary>Epochs of linear warmup from near zero to <see cref="LearningRate"/> (0 for none); may be fractional.</summary>
    public double WarmupEpochs { get; init; }

    /// <summary>Label smoothing of the training loss, in [0, 1).</summary>
    public double LabelSmoothing { get; init; } = 0.05;

    /// <summary>Image augmentation of training batches.</summary>
    public Augmentation Augmentation { get; init; } = Augmentation.None;

    /// <summary>The seed of the shuffles, the augmentation and <c>torch.manual_seed</c>.</summary>
    public long Seed { get; init; }

    /// <summary>libtorch's thread count (<c>torch.set_num_threads</c>, process-wide) set at the start; 0 leaves it as it is.</summary>
    public int Threads { get; init; }

    /// <summary>Train on at most this many samples (the first of the shuffled train part); 0 for all.</summary>
    public int MaxTrainSamples { get; init; }

    /// <summary>Samples per batch when evaluating.</summary>
    public int EvaluationBatchSize { get; init; } = 1024;

    /// <summary>Lists every problem of the settings (empty when valid), each naming the parameter.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(Optimizer))
        {
            problems.Add($"optimizer: {Optimizer} is not one of {string.Join(", ", TrainingChoices.Optimizers)}");
        }

        if (!double.IsFinite(LearningRate) || LearningRate <= 0)
        {
            problems.Add($"learning_rate: {Format(LearningRate)} must be a number above 0");
        }

        if (!double.IsFinite(WeightDecay) || WeightDecay < 0)
        {
            problems.Add($"weight_decay: {Format(WeightDecay)} must be 0 or more");
        }

        Range(problems, "epochs", Epochs, 1, 100_000);
        Range(problems, "batch_size", BatchSize, 1, 1 << 20);
        Range(problems, "evaluation batch size", EvaluationBatchSize, 1, 1 << 20);
        Range(problems, "threads", Threads, 0, 1024);
        Range(problems, "max_train_samples", MaxTrainSamples, 0, int.MaxValue);
        if (!Enum.IsDefined(Schedule))
        {
            problems.Add($"lr_schedule: {Schedule} is not one of {string.Join(", ", TrainingChoices.Schedules)}");
        }

        if (!double.IsFinite(WarmupEpochs) || WarmupEpochs < 0 || WarmupEpochs > Epochs)
        {
            problems.Add($"warmup_epochs: {Format(WarmupEpochs)} must be between 0 and epochs ({Epochs})");
        }

        if (!double.IsFinite(LabelSmoothing) || LabelSmoothing < 0 || LabelSmoothing >= 1)
        {
            problems.Add($"label_smoothing: {Format(LabelSmoothing)} must be at least 0 and below 1");
        }

        if ((Augmentation & ~(Augmentation.Flip | Augmentation.Crop)) != 0)
        {
            problems.Add($"augmentation: {Augmentation} is not one of {string.Join(", ", TrainingChoices.Augmentations)}");
        }

        return problems;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem, when there are any.</summary>
    public void ThrowIfInvalid()
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid training settings: {string.Join("; ", problems)}.");
        }
    }

    /// <summary>
    /// The learning rate of batch <paramref name="step"/> (from 0) of a run of <paramref name="stepsPerEpoch"/> batches per
    /// epoch: linear warmup over <see cref="WarmupEpochs"/>, then constant or cosine decay to zero at the end of the run.
    /// </summary>
    public double LearningRateAt(long step, long stepsPerEpoch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepsPerEpoch);
        var total = stepsPerEpoch * Epochs;
        var warmup = (long)Math.Round(WarmupEpochs * stepsPerEpoch);
        if (step < warmup)
        {
            return LearningRate * (step + 1) / warmup;
        }

        if (Schedule == LearningRateSchedule.Constant || total <= warmup)
        {
            return LearningRate;
        }

        var progress = Math.Min(1.0, (double)(step - warmup) / (total - warmup));
        return LearningRate * 0.5 * (1 + Math.Cos(Math.PI * progress));
    }

    private static void Range(List<string> problems, string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            problems.Add($"{name}: {value} must be between {min} and {max}");
        }
    }

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
