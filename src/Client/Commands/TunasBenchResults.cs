using NasOrleans.Training.Trainers;

namespace NasOrleans.Client.Commands;

/// <summary>Everything <c>nas bench tunas</c> measured, for its summary and plots.</summary>
/// <param name="Settings">The sizes it ran with.</param>
/// <param name="Targets">The three parameter targets (quantiles of uniform random architectures' parameters).</param>
/// <param name="Archs">The random architectures' keys, in order.</param>
/// <param name="Searches">Each variant's search, by name.</param>
/// <param name="Standalone">Every stand-alone training, by architecture key.</param>
/// <param name="Methods">The equal-compute strategies.</param>
internal sealed record TunasBenchResults(
    TunasBenchSettings Settings,
    IReadOnlyList<double> Targets,
    IReadOnlyList<string> Archs,
    IReadOnlyDictionary<string, TunasSearchPiece> Searches,
    IReadOnlyDictionary<string, StandaloneResult> Standalone,
    IReadOnlyList<TunasMethodPiece> Methods)
{
    /// <summary>The training samples of TuNAS's answer: the main search's plus its argmax's stand-alone training.</summary>
    public long TunasSamples => Searches[TunasBenchVariant.Main].TrainingSamples + Standalone[Searches[TunasBenchVariant.Main].Argmax].TrainingSamples;
}
