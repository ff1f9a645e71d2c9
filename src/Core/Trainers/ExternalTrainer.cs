namespace NasOrleans.Core.Trainers;

/// <summary>
/// <c>trainer: { kind: external }</c>: the study's trials are trained by workers outside the cluster through the
/// gateway's ask/tell API (SuggestTrials, CompleteTrial); no trainer slot runs them. The workers may report any metric,
/// so the spec's objective and constraints name whatever the workers report.
/// </summary>
public sealed class ExternalTrainer : ITrainer
{
    /// <summary>The trainer kind.</summary>
    public const string KindName = "external";

    private ExternalTrainer()
    {
    }

    /// <summary>The catalog entry.</summary>
    public static TrainerDescriptor Descriptor { get; } = new(
        KindName,
        "Trials are trained by workers outside the cluster through the gateway's ask/tell API (nas serve, /v1/studies/{id}/trials:suggest); they report any metrics.",
        [],
        [],
        [],
        (_, _, _) => new ExternalTrainer())
    {
        ReportsAnyMetric = true,
    };

    /// <inheritdoc />
    public Task<TrialOutcome> TrainAsync(TrainingRequest request, ITrainingProgress progress, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The trials of a study with trainer kind 'external' are trained by ask/tell workers through the gateway, not by a trainer slot.");
}
