using System.Globalization;
using NasOrleans.Core.Strategies;
using NasOrleans.Training.Data;
using NasOrleans.Training.Loop;

namespace NasOrleans.Training.Trainers;

/// <summary>
/// The parameters of the <c>torch</c> trainer kind. Defaults suit a quick CPU search on Fashion-MNIST: adam,
/// learning_rate 0.002, weight_decay 0, epochs 2, batch_size 128, lr_schedule cosine, warmup_epochs 0,
/// label_smoothing 0.05, augmentation none, seed 0, device auto, threads 0 (libtorch's default), all training samples.
/// </summary>
public static class TorchTrainerParameters
{
    /// <summary>The documented parameters, with defaults and bounds.</summary>
    public static IReadOnlyList<ParameterDescriptor> All { get; } =
    [
        new("dataset", ParameterKind.Text, DatasetCatalog.FashionMnist,
            $"The data: {string.Join(", ", DatasetCatalog.Names)}, idx:<images>,<labels>[;<test images>,<test labels>] (IDX of unsigned bytes, plain or gzipped) "
            + "or csv:<path>[;<test path>] (numbers, label last, optional header). Without a test set 20% of the samples are held out as the test part. "
            + "Image datasets take transform prefixes, composable: inverted: (1 - pixel), rotated90: (clockwise), upsampled: (nearest-neighbour to 28x28), as in inverted:upsampled:digits."),
        new("validation_size", ParameterKind.Number, "0",
            "Validation samples taken from the training part: a count, a fraction (below 1), or 0 for the default (10000 for fashion-mnist and mnist, 20% of all samples otherwise).", Min: 0),
        new("split_seed", ParameterKind.Integer, "0", "Seed of the stratified train/validation(/test) split; the same for every trial of a study.", Min: 0),
        new("optimizer", ParameterKind.Text, "adam", "adam, adamw (decoupled weight decay) or sgd (Nesterov momentum 0.9).", Choices: TrainingChoices.Optimizers),
        new("learning_rate", ParameterKind.Number, "0.002", "The (peak) learning rate.", Min: 1e-12, Max: 1e6),
        new("weight_decay", ParameterKind.Number, "0", "Weight decay (L2 for adam and sgd, decoupled for adamw).", Min: 0, Max: 10),
        new("epochs", ParameterKind.Integer, "2", "Passes over the training samples; an intermediate report after each.", Min: 1, Max: 10_000),
        new("batch_size", ParameterKind.Integer, "128", "Samples per training batch.", Min: 1, Max: 65_536),
        new("lr_schedule", ParameterKind.Text, "cosine", "constant, or cosine decay to zero (per batch) after the warmup.", Choices: TrainingChoices.Schedules),
        new("warmup_epochs", ParameterKind.Number, "0", "Epochs of linear learning-rate warmup (at most epochs; may be fractional).", Min: 0, Max: 10_000),
        new("label_smoothing", ParameterKind.Number, "0.05", "Label smoothing of the training loss.", Min: 0, Max: 0.99),
        new("augmentation", ParameterKind.Text, "none",
            "Image augmentation of training batches: none, flip (horizontal), crop (random, after 2-pixel padding) or flip+crop; ignored for tabular data.", Choices: TrainingChoices.Augmentations),
        new("seed", ParameterKind.Integer, "0", "Seed of the weights, shuffles and augmentation (the same architecture and seed train the same).", Min: 0),
        new("device", ParameterKind.Text, "auto", "auto (CUDA when available), cpu or cuda.", Choices: ["auto", "cpu", "cuda"]),
        new("threads", ParameterKind.Integer, "0", "libtorch CPU threads (torch.set_num_threads); 0 takes the slot's thread budget (Nas:Silo:SlotThreads, by default the cores shared out over the slots).", Min: 0, Max: 1024),
        new("max_train_samples", ParameterKind.Integer, "0", "Train on at most this many (shuffled) training samples, for quick runs; 0 for all.", Min: 0, Max: int.MaxValue),
    ];

    /// <summary>The options of <paramref name="given"/> parameters (defaults filled in); throws <see cref="ArgumentException"/> listing the problems.</summary>
    public static TorchTrainerOptions Parse(IReadOnlyDictionary<string, string>? given)
    {
        var p = new ResolvedParameters(All, given);
        var options = new TorchTrainerOptions(
            new DatasetRequest(p.GetString("dataset"), p.GetDouble("validation_size"), ulong.Parse(p.GetString("split_seed"), CultureInfo.InvariantCulture)),
            new TrainingSettings
            {
                Optimizer = TrainingChoices.ParseOptimizer(p.GetString("optimizer")),
                LearningRate = p.GetDouble("learning_rate"),
                WeightDecay = p.GetDouble("weight_decay"),
                Epochs = p.GetInt("epochs"),
                BatchSize = p.GetInt("batch_size"),
                Schedule = TrainingChoices.ParseSchedule(p.GetString("lr_schedule")),
                WarmupEpochs = p.GetDouble("warmup_epochs"),
                LabelSmoothing = p.GetDouble("label_smoothing"),
                Augmentation = TrainingChoices.ParseAugmentation(p.GetString("augmentation")),
                Seed = long.Parse(p.GetString("seed"), CultureInfo.InvariantCulture),
                Threads = p.GetInt("threads"),
                MaxTrainSamples = p.GetInt("max_train_samples"),
            },
            p.GetString("device"));
        var problems = options.Validate();
        return problems.Count == 0
            ? options
            : throw new ArgumentException($"Invalid torch trainer parameters: {string.Join("; ", problems)}.", nameof(given));
    }
}
