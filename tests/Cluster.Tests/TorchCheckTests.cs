using NasOrleans.Hosting;

namespace NasOrleans.Cluster.Tests;

/// <summary><c>--check-torch</c>, which the images run at build time: recognized only alone, and passing where TorchSharp runs.</summary>
public sealed class TorchCheckTests
{
    [Theory]
    [InlineData(new[] { "--check-torch" }, true)]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--check-torch", "--Nas:Silo:TrainerSlots=2" }, false)]
    [InlineData(new[] { "--Nas:Silo:TrainerSlots=2" }, false)]
    public void IsRequested_Arguments_OnlyTheFlagAlone(string[] args, bool expected) =>
        Assert.Equal(expected, TorchCheck.IsRequested(args));

    [Fact]
    public void Run_TorchSharpLoads_ExitsZeroWithTheTensorResult()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = TorchCheck.Run(output, error);

        Assert.True(code == 0, error.ToString());
        Assert.Contains("TorchSharp works here: sum(ones(3,3) @ ones(3,3)) = 27", output.ToString(), StringComparison.Ordinal);
        Assert.Empty(error.ToString());
    }
}
