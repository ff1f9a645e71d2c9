using System.Globalization;
using NasOrleans.Training.Devices;
using NasOrleans.Training.Native;
using static TorchSharp.torch;

namespace NasOrleans.Hosting;

/// <summary>
/// <c>--check-torch</c>, the only argument of <c>nas-trainer</c>, <c>nas-silo</c> or <c>nas</c>: makes TorchSharp's native library loadable here (<see cref="TorchNativeFix"/>,
/// which on Debian 12 marks a libstdc++ version need weak in the copy beside the application), runs one tensor
/// operation and prints the devices, then exits: 0 when TorchSharp works, 1 with the problem otherwise. The images
/// run it as root at build time, so that the fix is in the image and a trainer started as a non-root user on a
/// read-only root filesystem needs to write nothing; it is also a quick check that an image can train.
/// </summary>
public static class TorchCheck
{
    /// <summary>The command-line flag.</summary>
    public const string Flag = "--check-torch";

    /// <summary>Whether <paramref name="args"/> ask for this check (the flag alone).</summary>
    public static bool IsRequested(string[] args) => args is [Flag];

    /// <summary>Runs the check, writing one line to <paramref name="output"/> or the problem to <paramref name="error"/>.</summary>
    public static int Run(TextWriter output, TextWriter error)
    {
        if (TorchNativeFix.Problem is { } problem)
        {
            error.WriteLine(problem);
            return 1;
        }

        try
        {
            using var square = ones(3, 3);
            using var product = square.matmul(square);
            var total = product.sum().item<float>();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"TorchSharp works here: sum(ones(3,3) @ ones(3,3)) = {total}; {DeviceSelector.Describe()}"));
            return total == 27f ? 0 : 1;
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or InvalidOperationException)
        {
            error.WriteLine($"TorchSharp cannot run here: {e.GetBaseException().Message}");
            return 1;
        }
    }
}
