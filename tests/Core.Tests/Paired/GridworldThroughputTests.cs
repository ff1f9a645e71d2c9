using NasOrleans.Core.Paired;
using Xunit.Abstractions;

namespace NasOrleans.Core.Tests.Paired;

public class GridworldThroughputTests(ITestOutputHelper output)
{
    [Fact]
    public void StepsPerSecond_FullGrid_IsPositive()
    {
        var rate = GridworldThroughput.StepsPerSecond(GridSize.Full, environments: 32, steps: 2000, seed: 1);
        output.WriteLine($"gridworld throughput (full, 32 envs, 2000 steps, observations written): {rate:F0} steps/s");
        Assert.True(rate > 0);
    }
}
