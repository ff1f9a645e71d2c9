namespace NasOrleans.Training.Loop;

/// <summary>The names of the training choices as parameters spell them, and their parsing.</summary>
public static class TrainingChoices
{
    /// <summary>Optimizer names: adam, adamw, sgd.</summary>
    public static IReadOnlyList<string> Optimizers { get; } = ["adam", "adamw", "sgd"];

    /// <summary>Schedule names: constant, cosine.</summary>
    public static IReadOnlyList<string> Schedules { get; } = ["constant", "cosine"];

    /// <summary>Augmentation names: none, flip, crop, flip+crop.</summary>
    public static IReadOnlyList<string> Augmentations { get; } = ["none", "flip", "crop", "flip+crop"];

    /// <summary>The optimizer named <paramref name="name"/>; throws <see cref="ArgumentException"/> listing the names.</summary>
    public static OptimizerKind ParseOptimizer(string name) => name switch
    {
        "adam" => OptimizerKind.Adam,
        "adamw" => OptimizerKind.AdamW,
        "sgd" => OptimizerKind.Sgd,
        _ => throw Unknown("optimizer", name, Optimizers),
    };

    /// <summary>The schedule named <paramref name="name"/>; throws <see cref="ArgumentException"/> listing the names.</summary>
    public static LearningRateSchedule ParseSchedule(string name) => name switch
    {
        "constant" => LearningRateSchedule.Constant,
        "cosine" => LearningRateSchedule.Cosine,
        _ => throw Unknown("lr_schedule", name, Schedules),
    };

    /// <summary>The augmentation named <paramref name="name"/>; throws <see cref="ArgumentException"/> listing the names.</summary>
    public static Augmentation ParseAugmentation(string name) => name switch
    {
        "none" => Augmentation.None,
        "flip" => Augmentation.Flip,
        "crop" => Augmentation.Crop,
        "flip+crop" or "crop+flip" => Augmentation.Flip | Augmentation.Crop,
        _ => throw Unknown("augmentation", name, Augmentations),
    };

    /// <summary>The parameter name of <paramref name="optimizer"/>.</summary>
    public static string Name(OptimizerKind optimizer) => Optimizers[(int)optimizer];

    private static ArgumentException Unknown(string what, string name, IReadOnlyList<string> known) =>
        new($"Unknown {what} '{name}'; known: {string.Join(", ", known)}.", nameof(name));
}
