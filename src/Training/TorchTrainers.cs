using NasOrleans.Core.Trainers;
using NasOrleans.Training.Trainers;

namespace NasOrleans.Training;

/// <summary>The trainer kinds of hosts with TorchSharp.</summary>
public static class TorchTrainers
{
    /// <summary><see cref="TrainerCatalog.Default"/> (synthetic, nb201-replay) with the <c>torch</c> trainer added.</summary>
    public static TrainerCatalog Catalog { get; } = TrainerCatalog.Default.With([TorchTrainer.Descriptor]);
}
