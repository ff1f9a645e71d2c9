using NasOrleans.Core.Trainers;
using NasOrleans.Training.Paired;
using NasOrleans.Training.Trainers;

namespace NasOrleans.Training;

/// <summary>The trainer kinds of hosts with TorchSharp.</summary>
public static class TorchTrainers
{
    /// <summary><see cref="TrainerCatalog.Default"/> (synthetic, nb201-replay) with the <c>torch</c> and <c>paired</c> trainers added.</summary>
    public static TrainerCatalog Catalog { get; } = TrainerCatalog.Default.With([TorchTrainer.Descriptor, PairedTrainer.Descriptor]);
}
