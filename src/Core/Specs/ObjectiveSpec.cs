namespace NasOrleans.Core.Specs;

/// <summary>The metric the search optimizes, as the trainer reports it.</summary>
public sealed record ObjectiveSpec(string Metric, ObjectiveGoal Goal);
