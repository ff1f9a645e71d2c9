namespace NasOrleans.Client.Commands;

/// <summary>What <c>nas bench load</c> measured: the wall time from the first submit to the last study's end, and the most trials seen training at once.</summary>
internal sealed record LoadBenchResult(double WallSeconds, int MaxInFlight);
