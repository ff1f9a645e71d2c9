using NasOrleans.Hosting;

namespace NasOrleans.Cluster.Tests;

/// <summary>One slot per device: GPU i → cuda:i on fake device lists, CPU slots with their share of the cores.</summary>
public sealed class SlotDevicesTests
{
    [Fact]
    public void Assign_FourSlotsTwoGpus_MapsSlotIToCudaIModTwo()
    {
        var devices = SlotDevices.Assign(slots: 4, gpus: 2, cores: 16);

        Assert.Equal(["cuda:0", "cuda:1", "cuda:0", "cuda:1"], devices.Select(d => d.Device));
        Assert.All(devices, d => Assert.Equal(4, d.Threads));
    }

    [Fact]
    public void Assign_NoGpu_GivesCpuSlotsWithAShareOfTheCoresEach()
    {
        var devices = SlotDevices.Assign(slots: 3, gpus: 0, cores: 8);

        Assert.Equal(["cpu", "cpu", "cpu"], devices.Select(d => d.Device));
        Assert.All(devices, d => Assert.Equal(2, d.Threads));
        Assert.All(SlotDevices.Assign(4, 0, 2), d => Assert.Equal(1, d.Threads));
    }

    [Fact]
    public void Resolve_AutoWithAFakeDriverFolder_CountsItsGpus()
    {
        var folder = Directory.CreateTempSubdirectory("nas-gpus-");
        try
        {
            foreach (var bus in new[] { "0000:17:00.0", "0000:65:00.0", "0000:b1:00.0" })
            {
                Directory.CreateDirectory(Path.Combine(folder.FullName, bus));
            }

            var devices = SlotDevices.Resolve("auto", slots: 3, cores: 12, gpuFolder: folder.FullName);

            Assert.Equal(3, SlotDevices.CountGpus(folder.FullName));
            Assert.Equal(["cuda:0", "cuda:1", "cuda:2"], devices.Select(d => d.Device));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Resolve_AutoWithoutDriver_GivesCpuSlots()
    {
        var devices = SlotDevices.Resolve("auto", slots: 2, cores: 2, gpuFolder: Path.Combine(Path.GetTempPath(), "no-such-driver-folder"));

        Assert.Equal(["cpu", "cpu"], devices.Select(d => d.Device));
    }

    [Fact]
    public void Resolve_ExplicitList_IsTakenAsGivenInTurn()
    {
        var devices = SlotDevices.Resolve("cuda:1, cpu", slots: 3, cores: 6);

        Assert.Equal(["cuda:1", "cpu", "cuda:1"], devices.Select(d => d.Device));
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("cuda:x")]
    [InlineData("cuda")]
    public void EnsureValid_UnknownDevice_IsRejectedNamingTheAcceptedForms(string setting)
    {
        var options = new NasSiloOptions { Devices = setting };

        var error = Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(options.EnsureValid);

        Assert.Contains("cuda:N", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithThreads_List_GivesSlotIEntryIModCount()
    {
        var devices = SlotDevices.WithThreads(SlotDevices.Assign(3, 0, 6), "1, 2");

        Assert.Equal([1, 2, 1], devices.Select(d => d.Threads));
        Assert.All(devices, d => Assert.Equal("cpu", d.Device));
    }

    [Fact]
    public void WithThreads_Auto_KeepsTheShareOfTheCores() =>
        Assert.All(SlotDevices.WithThreads(SlotDevices.Assign(2, 0, 8), "auto"), d => Assert.Equal(4, d.Threads));

    [Theory]
    [InlineData("0")]
    [InlineData("two")]
    [InlineData("1,-2")]
    [InlineData("2000")]
    public void EnsureValid_BadSlotThreads_IsRejectedNamingTheAcceptedForms(string setting)
    {
        var options = new NasSiloOptions { SlotThreads = setting };

        var error = Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(options.EnsureValid);

        Assert.Contains("SlotThreads '" + setting + "' must be auto, a thread count from 1 to 1024", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureValid_UnknownSlotIsolation_IsRejected()
    {
        var options = new NasSiloOptions { SlotIsolation = (SlotIsolation)7 };

        var error = Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(options.EnsureValid);

        Assert.Contains("SlotIsolation must be Inline or Process", error.Message, StringComparison.Ordinal);
    }
}
