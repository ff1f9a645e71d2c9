using NasOrleans.Core.Paired;

namespace NasOrleans.Training.Paired;

/// <summary>One episode of <see cref="ProtagonistPlayer"/>: the cells visited from the start (each step's cell, turns included as repeats), whether it reached the goal, its steps and return.</summary>
public sealed record PlayedEpisode(IReadOnlyList<GridCell> Path, bool Solved, int Steps, double Return);
