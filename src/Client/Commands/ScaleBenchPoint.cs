namespace NasOrleans.Client.Commands;

/// <summary>One measured window of <c>nas bench scale</c>: the trials after half of <paramref name="Trials"/> up to it.</summary>
/// <param name="Trials">The trial count the window ends at.</param>
/// <param name="MsPerTrial">Wall time per trial in the window (propose and observe), in milliseconds.</param>
/// <param name="BytesPerTrial">Bytes the process wrote (wchar of /proc/self/io) per trial in the window.</param>
/// <param name="CpuMsPerTrial">Processor time of the process per trial (less sensitive than wall time to other load on the machine).</param>
internal sealed record ScaleBenchPoint(int Trials, double MsPerTrial, double BytesPerTrial, double CpuMsPerTrial);
