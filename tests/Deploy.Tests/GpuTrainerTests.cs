namespace NasOrleans.Deploy.Tests;

/// <summary>The gpu overlay's trainer lands on GPU nodes and asks for a GPU; the other overlays ask for none.</summary>
public sealed class GpuTrainerTests
{
    [Fact]
    public void GpuTrainer_Resources_LimitNvidiaGpu()
    {
        var container = SiloPodTemplateTests.Silo("gpu", "nas-trainer-gpu").Template.Spec.Containers.Single();
        Assert.Equal("1", container.Resources.Limits["nvidia.com/gpu"].ToString());
        Assert.StartsWith("nasorleans/trainer-gpu:", container.Image, StringComparison.Ordinal);
    }

    [Fact]
    public void GpuTrainer_Scheduling_ToleratesGpuTaintAndSelectsGpuNodes()
    {
        var spec = SiloPodTemplateTests.Silo("gpu", "nas-trainer-gpu").Template.Spec;
        Assert.Contains(spec.Tolerations, t => t.Key == "nvidia.com/gpu" && t.Effect == "NoSchedule" && t.OperatorProperty == "Exists");
        Assert.NotEmpty(spec.NodeSelector);
    }

    [Theory]
    [MemberData(nameof(RepositoryPaths.OverlayData), MemberType = typeof(RepositoryPaths))]
    public void CpuSilos_Resources_AskForNoGpu(string overlay)
    {
        var cpuSilos = RenderedManifests.ForOverlay(overlay).SiloDeployments.Where(d => d.Metadata.Name != "nas-trainer-gpu");
        Assert.All(cpuSilos, d => Assert.DoesNotContain("nvidia.com/gpu", d.Spec.Template.Spec.Containers.Single().Resources.Limits.Keys));
    }
}
