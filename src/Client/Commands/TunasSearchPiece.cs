namespace NasOrleans.Client.Commands;

/// <summary>One search's piece of <c>nas bench tunas</c> (<c>search-NAME.json</c>).</summary>
/// <param name="Variant">The variant's name.</param>
/// <param name="Reward">Its reward kind.</param>
/// <param name="Target">Its parameter target.</param>
/// <param name="Argmax">The controller's argmax (an architecture key).</param>
/// <param name="ArgmaxParams">The argmax's parameters.</param>
/// <param name="Entropy">The final policy's entropy (nats).</param>
/// <param name="Updates">The controller's updates.</param>
/// <param name="TrainingSamples">Samples the supernet trained on.</param>
/// <param name="Seconds">Wall time of the search.</param>
/// <param name="ArgmaxOneShot">The argmax's one-shot validation accuracy (percent).</param>
/// <param name="OneShot">The random architectures' one-shot validation accuracies, in their order (empty unless the variant ranks).</param>
internal sealed record TunasSearchPiece(
    string Variant,
    string Reward,
    double Target,
    string Argmax,
    long ArgmaxParams,
    double Entropy,
    long Updates,
    long TrainingSamples,
    double Seconds,
    double ArgmaxOneShot,
    IReadOnlyList<double> OneShot);
