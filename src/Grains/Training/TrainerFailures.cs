using NasOrleans.Core.Specs;
using NasOrleans.Core.Trainers;

namespace NasOrleans.Grains.Training;

/// <summary>The failed outcome of a trial whose trainer threw, in the silo or in a slot's worker process alike.</summary>
internal static class TrainerFailures
{
    /// <summary>True for an exception that fails the trial (not one that must end the process).</summary>
    public static bool FailsTheTrial(Exception exception) => exception is not OutOfMemoryException;

    /// <summary>The outcome of a trial whose trainer threw <paramref name="exception"/>.</summary>
    public static TrialOutcome Of(Exception exception) =>
        exception is InvalidOperationException or SpecValidationException or ArgumentException
            ? TrialOutcome.Failure($"the trainer could not be created or run: {exception.Message}")
            : TrialOutcome.Failure($"{exception.GetType().Name}: {exception.Message}");
}
