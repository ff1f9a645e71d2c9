using System.Globalization;

namespace NasOrleans.Training.Trainers;

/// <summary>The process's memory as Linux reports it in <c>/proc/self/status</c>.</summary>
public static class ProcessMemory
{
    private const string StatusPath = "/proc/self/status";

    /// <summary>The peak resident memory so far (VmHWM), in MiB; NaN where /proc is missing.</summary>
    public static double PeakMb() => Read("VmHWM:");

    /// <summary>The resident memory now (VmRSS), in MiB; NaN where /proc is missing.</summary>
    public static double ResidentMb() => Read("VmRSS:");

    private static double Read(string key)
    {
        if (!File.Exists(StatusPath))
        {
            return double.NaN;
        }

        foreach (var line in File.ReadLines(StatusPath))
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                var number = line[key.Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                return long.Parse(number, CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        return double.NaN;
    }
}
