using NasOrleans.Training.Devices;
using TorchSharp;
using static TorchSharp.torch;

namespace NasOrleans.Training.Tests.Devices;

public class DeviceSelectorTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("auto")]
    public void Choose_Automatic_GivesCudaExactlyWhenAvailable(string? requested)
    {
        var device = DeviceSelector.Choose(requested);

        Assert.Equal(cuda.is_available() ? DeviceType.CUDA : DeviceType.CPU, device.type);
    }

    [Fact]
    public void Choose_Cpu_GivesCpu() => Assert.Equal(DeviceType.CPU, DeviceSelector.Choose("CPU").type);

    [Fact]
    public void Choose_CudaWithoutCuda_ThrowsNamingTheProblem()
    {
        if (cuda.is_available())
        {
            Assert.Equal(DeviceType.CUDA, DeviceSelector.Choose("cuda").type);
            return;
        }

        var error = Assert.Throws<InvalidOperationException>(() => DeviceSelector.Choose("cuda"));

        Assert.Contains("CUDA is not available", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_UnknownDevice_ThrowsListingTheAcceptedOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => DeviceSelector.Choose("tpu"));

        Assert.Contains("auto, cpu, cuda or cuda:N", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_CudaWithBadIndex_ThrowsNamingTheForm()
    {
        var error = Assert.Throws<ArgumentException>(() => DeviceSelector.Choose("cuda:x"));

        Assert.Contains("cuda:N", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_OnThisMachine_SaysWhetherCudaIsAvailable()
    {
        var text = DeviceSelector.Describe();

        Assert.Contains(cuda.is_available() ? "cuda available" : "cuda not available", text, StringComparison.Ordinal);
    }
}
