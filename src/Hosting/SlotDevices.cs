using System.Globalization;

namespace NasOrleans.Hosting;

/// <summary>
/// Which device each trainer slot trains on: one slot per device. With GPUs, slot i takes <c>cuda:(i mod G)</c>;
/// without, every slot is a CPU slot with its own share of the cores as thread budget. No TorchSharp here: the GPUs
/// are counted from the NVIDIA driver's folder (or given), so the mapping is tested on fake device lists.
/// </summary>
public static class SlotDevices
{
    /// <summary>The NVIDIA driver's per-GPU folder on Linux.</summary>
    public const string NvidiaGpuFolder = "/proc/driver/nvidia/gpus";

    /// <summary>Assigns <paramref name="slots"/> slots over <paramref name="gpus"/> GPUs, or CPU slots sharing <paramref name="cores"/> cores.</summary>
    public static IReadOnlyList<SlotDevice> Assign(int slots, int gpus, int cores)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slots);
        ArgumentOutOfRangeException.ThrowIfNegative(gpus);
        ArgumentOutOfRangeException.ThrowIfLessThan(cores, 1);
        var threads = Math.Max(1, cores / Math.Max(1, slots));
        return [.. Enumerable.Range(0, slots).Select(i => gpus > 0
            ? new SlotDevice(string.Create(CultureInfo.InvariantCulture, $"cuda:{i % gpus}"), threads)
            : new SlotDevice("cpu", threads))];
    }

    /// <summary>
    /// The devices for <paramref name="setting"/>: <c>auto</c> counts GPUs in <paramref name="gpuFolder"/>;
    /// <c>cpu</c> uses none; a list such as <c>cuda:0,cuda:1</c> is taken as given (slot i takes entry i mod count).
    /// </summary>
    public static IReadOnlyList<SlotDevice> Resolve(string? setting, int slots, int cores, string gpuFolder = NvidiaGpuFolder)
    {
        var text = setting?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(text) || text == "auto")
        {
            return Assign(slots, CountGpus(gpuFolder), cores);
        }

        if (text == "cpu")
        {
            return Assign(slots, 0, cores);
        }

        var listed = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (listed.Any(d => d != "cpu" && !IsCuda(d)))
        {
            throw new ArgumentException($"Devices '{setting}' must be auto, cpu, or a list of cpu and cuda:N entries such as cuda:0,cuda:1.", nameof(setting));
        }

        var threads = Math.Max(1, cores / Math.Max(1, slots));
        return [.. Enumerable.Range(0, slots).Select(i => new SlotDevice(listed[i % listed.Length], threads))];
    }

    /// <summary>
    /// <paramref name="devices"/> with the thread budgets of <paramref name="setting"/>: <c>auto</c> (or empty) keeps the
    /// share of the cores; a number gives every slot that many threads; a list such as <c>1,2</c> gives slot i entry
    /// i mod count.
    /// </summary>
    public static IReadOnlyList<SlotDevice> WithThreads(IReadOnlyList<SlotDevice> devices, string? setting)
    {
        ArgumentNullException.ThrowIfNull(devices);
        var text = setting?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(text) || text == "auto")
        {
            return devices;
        }

        var listed = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var threads = new int[listed.Length];
        for (var i = 0; i < listed.Length; i++)
        {
            if (!int.TryParse(listed[i], NumberStyles.None, CultureInfo.InvariantCulture, out threads[i]) || threads[i] is < 1 or > 1024)
            {
                throw new ArgumentException($"SlotThreads '{setting}' must be auto, a thread count from 1 to 1024, or a list of them such as 1,2 (slot i takes entry i mod count).", nameof(setting));
            }
        }

        return [.. devices.Select((d, i) => d with { Threads = threads[i % threads.Length] })];
    }

    /// <summary>GPUs the driver lists in <paramref name="gpuFolder"/> (one entry per GPU), or 0.</summary>
    public static int CountGpus(string gpuFolder = NvidiaGpuFolder) =>
        Directory.Exists(gpuFolder) ? Directory.GetFileSystemEntries(gpuFolder).Length : 0;

    private static bool IsCuda(string device) =>
        device.StartsWith("cuda:", StringComparison.Ordinal) && int.TryParse(device.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out _);
}
