using NasOrleans.Core.Spaces;
using NasOrleans.Core.Specs;
using NasOrleans.Core.Trainers;

namespace NasOrleans.Grains.AskTell;

/// <summary>What ask/tell needs of a study's spec: whether its trials are external, its space (to name a trial's parameters) and its trial timeout.</summary>
internal sealed record AskTellStudy(bool External, string TrainerKind, SearchSpace Space, TimeSpan? TrialTimeout)
{
    public static AskTellStudy From(StudySpec spec) => new(
        spec.Trainer.Kind == ExternalTrainer.KindName,
        spec.Trainer.Kind,
        SpaceCatalog.Create(spec.Space),
        spec.Budget.TrialTimeoutSeconds is { } s ? TimeSpan.FromSeconds(s) : null);
}
