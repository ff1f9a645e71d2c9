using NasOrleans.Core.Paired;
using NasOrleans.Core.Randomness;

namespace NasOrleans.Core.Tests.Paired;

public class RandomLevelsTests
{
    [Fact]
    public void Sample_EverySize_HasAtMostTheAskedWalls()
    {
        var random = new DeterministicRandom(5);
        foreach (var size in GridSize.All)
        {
            for (var i = 0; i < 50; i++)
            {
                var level = RandomLevels.Sample(size, size.MaxWalls, random);
                Assert.InRange(level.WallCount, 0, size.MaxWalls);
                Assert.Equal(size, level.Size);
            }
        }
    }

    [Fact]
    public void Sample_SameSeed_GivesTheSameLevels()
    {
        var a = new DeterministicRandom(11);
        var b = new DeterministicRandom(11);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(RandomLevels.Sample(GridSize.Medium, 30, a), RandomLevels.Sample(GridSize.Medium, 30, b));
        }
    }

    [Fact]
    public void Sample_ManyLevels_VaryInWallsAndDirection()
    {
        var random = new DeterministicRandom(2);
        var levels = Enumerable.Range(0, 40).Select(_ => RandomLevels.Sample(GridSize.Full, 50, random)).ToList();
        Assert.True(levels.Select(l => l.WallCount).Distinct().Count() > 3);
        Assert.Equal(4, levels.Select(l => l.AgentDirection).Distinct().Count());
    }
}
