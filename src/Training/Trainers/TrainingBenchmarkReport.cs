namespace NasOrleans.Training.Trainers;

/// <summary>What <see cref="TrainingBenchmark"/> measured.</summary>
/// <param name="Throughput">The reference architectures of the space, then the baselines.</param>
/// <param name="Memory">Peak memory after each count of consecutive short trials.</param>
/// <param name="Device">The device measured, as TorchSharp names it.</param>
/// <param name="Threads">libtorch's CPU threads during the measurements.</param>
public sealed record TrainingBenchmarkReport(IReadOnlyList<ThroughputRecord> Throughput, IReadOnlyList<MemoryRecord> Memory, string Device, int Threads);
