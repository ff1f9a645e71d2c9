using System.Globalization;
using NasOrleans.Training.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace NasOrleans.Training.Devices;

/// <summary>Chooses the TorchSharp device that models train and run on.</summary>
public static class DeviceSelector
{
    /// <summary>
    /// The device for <paramref name="requested"/>: null, empty or <c>auto</c> gives CUDA when
    /// <c>torch.cuda.is_available()</c>, else the CPU; <c>cpu</c> gives the CPU; <c>cuda</c> or <c>cuda:N</c> gives
    /// that CUDA device, and throws <see cref="InvalidOperationException"/> naming the problem when CUDA is not
    /// available or there is no device N, or when TorchSharp's native library cannot load here (<see cref="Native.TorchNativeFix.Problem"/>). Any other text throws <see cref="ArgumentException"/> listing the accepted ones.
    /// </summary>
    public static Device Choose(string? requested = null)
    {
        TorchNativeFix.ThrowIfUnfixable();
        var text = requested?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(text) || text == "auto")
        {
            return cuda.is_available() ? CUDA : CPU;
        }

        if (text == "cpu")
        {
            return CPU;
        }

        if (text == "cuda" || text.StartsWith("cuda:", StringComparison.Ordinal))
        {
            var index = 0;
            if (text.Length > 4 && (!int.TryParse(text[5..], NumberStyles.None, CultureInfo.InvariantCulture, out index)))
            {
                throw new ArgumentException($"Device '{requested}' has no valid index; write cuda, or cuda:N with N a device number.", nameof(requested));
            }

            if (!cuda.is_available())
            {
                throw new InvalidOperationException(
                    $"Device '{requested}' was requested, but CUDA is not available here (torch.cuda.is_available() is false: no CUDA device or driver, or a CPU-only libtorch such as libtorch-cpu). Use 'cpu' or 'auto'.");
            }

            var count = cuda.device_count();
            return index < count
                ? new Device(DeviceType.CUDA, index)
                : throw new InvalidOperationException($"Device '{requested}' was requested, but this machine has {count} CUDA device(s) (cuda:0 to cuda:{count - 1}).");
        }

        throw new ArgumentException($"Unknown device '{requested}'; use auto, cpu, cuda or cuda:N.", nameof(requested));
    }

    /// <summary>A line describing the devices: whether CUDA is available (and how many devices), and the CPU threads torch uses.</summary>
    public static string Describe()
    {
        var threads = get_num_threads();
        return cuda.is_available()
            ? string.Create(CultureInfo.InvariantCulture, $"cuda available: {cuda.device_count()} device(s); default device cuda; cpu threads {threads}")
            : string.Create(CultureInfo.InvariantCulture, $"cuda not available; default device cpu; cpu threads {threads}");
    }
}
