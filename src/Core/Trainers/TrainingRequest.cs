using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Trainers;

/// <summary>One trial to evaluate: its architecture within its space.</summary>
public sealed record TrainingRequest(string StudyId, long TrialId, SearchSpace Space, Architecture Architecture);
