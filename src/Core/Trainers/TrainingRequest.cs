using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Trainers;

/// <summary>One trial to evaluate: its architecture within its space.</summary>
/// <param name="StudyId">The study.</param>
/// <param name="TrialId">The trial.</param>
/// <param name="Space">The study's search space.</param>
/// <param name="Architecture">The architecture to evaluate.</param>
/// <param name="SlotDevice">The device of the slot that trains it (<c>cpu</c> or <c>cuda:N</c>), used when the spec leaves the device to the trainer (<c>auto</c>).</param>
/// <param name="SlotThreads">The CPU thread budget of the slot that trains it (0: the trainer's own choice), used when the spec sets no thread count.</param>
public sealed record TrainingRequest(string StudyId, long TrialId, SearchSpace Space, Architecture Architecture, string? SlotDevice = null, int SlotThreads = 0);
