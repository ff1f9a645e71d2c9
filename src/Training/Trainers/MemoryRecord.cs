namespace NasOrleans.Training.Trainers;

/// <summary>The process's memory after a number of consecutive short trials.</summary>
/// <param name="Trials">Short trials run so far (cumulative).</param>
/// <param name="PeakMemoryMb">The peak resident memory of the process so far (VmHWM), in MiB; NaN where /proc is missing.</param>
/// <param name="ResidentMemoryMb">The resident memory now (VmRSS), in MiB; NaN where /proc is missing.</param>
public sealed record MemoryRecord(int Trials, double PeakMemoryMb, double ResidentMemoryMb);
