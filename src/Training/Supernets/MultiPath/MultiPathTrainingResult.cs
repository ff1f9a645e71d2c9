using NasOrleans.Training.Supernets.Search;

namespace NasOrleans.Training.Supernets.MultiPath;

/// <summary>What a <see cref="MultiPathTrainingJob"/> run did.</summary>
/// <param name="Status">How it ended (<see cref="SupernetSearchStatus.Completed"/>, or why not).</param>
/// <param name="Message">Why it ended early, in words (null when completed).</param>
/// <param name="StepsRun">Steps this run trained.</param>
/// <param name="ResumedFrom">The step of the checkpoint it resumed from (0 when fresh).</param>
/// <param name="Curves">Per domain, every checkpoint interval's mean training loss and the validation accuracy at its end.</param>
/// <param name="Domains">Per domain, the trained model's accuracies and path cost (empty unless completed).</param>
/// <param name="UniqueParameters">The model's parameters: the union of its nodes (<see cref="MultiPathModel.UniqueParameters"/>).</param>
/// <param name="WallSeconds">Wall time of this run's steps.</param>
/// <param name="SamplesPerSecond">Training samples (all domains) per second of <paramref name="WallSeconds"/>.</param>
public sealed record MultiPathTrainingResult(
    SupernetSearchStatus Status,
    string? Message,
    long StepsRun,
    long ResumedFrom,
    IReadOnlyList<SupernetDomainCurve> Curves,
    IReadOnlyList<MultiPathDomainResult> Domains,
    long UniqueParameters,
    double WallSeconds,
    double SamplesPerSecond);
