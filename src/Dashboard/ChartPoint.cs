namespace NasOrleans.Dashboard;

/// <summary>A trial in an objective-against-cost scatter: its cost metric, its score (higher is better) and its objective value.</summary>
internal sealed record ChartPoint(long TrialId, double Cost, double Score, double Value);
