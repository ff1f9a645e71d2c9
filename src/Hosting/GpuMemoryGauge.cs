using System.Diagnostics.Metrics;
using System.Globalization;
using System.Runtime.InteropServices;
using NasOrleans.Grains.Telemetry;

namespace NasOrleans.Hosting;

/// <summary>
/// The <see cref="NasMetricNames.GpuMemoryUsed"/> gauge: memory in use on each NVIDIA device (all processes, as
/// <c>nvidia-smi</c> shows it), read through the driver's NVML library. TorchSharp does not expose CUDA's allocator
/// statistics, and NVML is there wherever the driver is, so machines without a GPU simply export no series.
/// </summary>
public static class GpuMemoryGauge
{
    private static readonly Lazy<Nvml?> Library = new(Nvml.TryLoad);
    private static int _registered;

    /// <summary>Whether the NVIDIA management library loaded on this machine.</summary>
    public static bool Available => Library.Value is not null;

    /// <summary>Memory used per device now, as (<c>cuda:N</c>, bytes); empty without NVML.</summary>
    public static IReadOnlyList<(string Device, long Bytes)> Read() => Library.Value?.UsedBytes() ?? [];

    /// <summary>Creates the gauge on <see cref="NasTelemetry.Meter"/> once per process.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            NasTelemetry.Meter.CreateObservableGauge(
                NasMetricNames.GpuMemoryUsed,
                () => Read().Select(d => new Measurement<long>(d.Bytes, new KeyValuePair<string, object?>(SlotGauges.DeviceTag, d.Device))),
                "By",
                "GPU memory in use per NVIDIA device (every process on it), from NVML.");
        }
    }

    private sealed class Nvml
    {
        private readonly DeviceCount _count;
        private readonly HandleByIndex _handle;
        private readonly MemoryInfo _memory;

        private Nvml(IntPtr library)
        {
            _count = Marshal.GetDelegateForFunctionPointer<DeviceCount>(NativeLibrary.GetExport(library, "nvmlDeviceGetCount_v2"));
            _handle = Marshal.GetDelegateForFunctionPointer<HandleByIndex>(NativeLibrary.GetExport(library, "nvmlDeviceGetHandleByIndex_v2"));
            _memory = Marshal.GetDelegateForFunctionPointer<MemoryInfo>(NativeLibrary.GetExport(library, "nvmlDeviceGetMemoryInfo"));
        }

        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        private delegate int Init();

        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        private delegate int DeviceCount(out uint count);

        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        private delegate int HandleByIndex(uint index, out IntPtr device);

        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        private delegate int MemoryInfo(IntPtr device, out NvmlMemory memory);

        public static Nvml? TryLoad()
        {
            if (!NativeLibrary.TryLoad("libnvidia-ml.so.1", out var library))
            {
                return null;
            }

            try
            {
                var init = Marshal.GetDelegateForFunctionPointer<Init>(NativeLibrary.GetExport(library, "nvmlInit_v2"));
                return init() == 0 ? new Nvml(library) : null;
            }
            catch (EntryPointNotFoundException)
            {
                return null;
            }
        }

        public List<(string Device, long Bytes)> UsedBytes()
        {
            var used = new List<(string, long)>();
            if (_count(out var count) != 0)
            {
                return used;
            }

            for (uint i = 0; i < count; i++)
            {
                if (_handle(i, out var device) == 0 && _memory(device, out var memory) == 0)
                {
                    used.Add(("cuda:" + i.ToString(CultureInfo.InvariantCulture), (long)memory.Used));
                }
            }

            return used;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct NvmlMemory
    {
        public ulong Total;
        public ulong Free;
        public ulong Used;
    }
}
