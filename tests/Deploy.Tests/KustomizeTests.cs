namespace NasOrleans.Deploy.Tests;

/// <summary>A missing or too old kubectl stops the checks with a message that names the fix.</summary>
public sealed class KustomizeTests
{
    [Fact]
    public void ParseVersion_KubectlJson_ReadsMajorAndMinor()
    {
        Assert.Equal(new Version(1, 32), Kustomize.ParseVersion("""{"clientVersion":{"major":"1","minor":"32+","gitVersion":"v1.32.4"}}"""));
    }

    [Fact]
    public void EnsureRecentEnough_Kubectl120_ThrowsNamingTheFix()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Kustomize.EnsureRecentEnough(new Version(1, 20)));
        Assert.Contains("kubectl 1.20 is too old", error.Message, StringComparison.Ordinal);
        Assert.Contains("install kubectl 1.32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingTool_ThrowsTheGivenMessage()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ToolProcess.Run("kubectl-not-installed-here", [], "install it", TimeSpan.FromSeconds(5)));
        Assert.Equal("install it", error.Message);
    }
}
