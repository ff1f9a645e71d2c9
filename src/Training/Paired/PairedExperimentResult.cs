namespace NasOrleans.Training.Paired;

/// <summary>A <see cref="PairedExperiment"/> run: its rounds' metrics, its last evaluation (solved rate by held-out level) and its wall time.</summary>
public sealed record PairedExperimentResult(string Method, ulong Seed, IReadOnlyList<IReadOnlyDictionary<string, double>> Rounds, IReadOnlyDictionary<string, double> Transfer, double Seconds);
