using NasOrleans.Core.Paired;

namespace NasOrleans.Training.Paired;

/// <summary>What a round measured: its metrics (as the trial reports them), the levels it built, and each updated agent's PPO statistics.</summary>
public sealed record PairedRoundResult(IReadOnlyDictionary<string, double> Metrics, IReadOnlyList<GridLevel> Levels, IReadOnlyDictionary<string, PpoStats> Stats);
