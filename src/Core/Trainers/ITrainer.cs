namespace NasOrleans.Core.Trainers;

/// <summary>Trains (or looks up) one architecture and reports its metrics. Runs on its own task, never inside a grain turn.</summary>
public interface ITrainer
{
    /// <summary>Evaluates <paramref name="request"/>; reports intermediate metrics through <paramref name="progress"/>,
    /// which answers true when the study wants the trial stopped early.</summary>
    Task<TrialOutcome> TrainAsync(TrainingRequest request, ITrainingProgress progress, CancellationToken cancellationToken);
}
