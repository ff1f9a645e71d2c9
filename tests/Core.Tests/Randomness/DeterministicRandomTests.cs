using NasOrleans.Core.Randomness;

namespace NasOrleans.Core.Tests.Randomness;

public class DeterministicRandomTests
{
    [Fact]
    public void NextUInt64_SameSeed_GivesSameSequence()
    {
        var a = new DeterministicRandom(42);
        var b = new DeterministicRandom(42);
        Assert.Equal(Enumerable.Range(0, 100).Select(_ => a.NextUInt64()), Enumerable.Range(0, 100).Select(_ => b.NextUInt64()));
    }

    [Fact]
    public void NextUInt64_DifferentSeeds_GiveDifferentSequences()
    {
        var a = new DeterministicRandom(1);
        var b = new DeterministicRandom(2);
        Assert.NotEqual(Enumerable.Range(0, 10).Select(_ => a.NextUInt64()), Enumerable.Range(0, 10).Select(_ => b.NextUInt64()));
    }

    [Fact]
    public void FromState_MidSequence_ContinuesIdentically()
    {
        var original = new DeterministicRandom(7);
        for (var i = 0; i < 37; i++)
        {
            original.NextUInt64();
        }

        var copy = DeterministicRandom.FromState(original.GetState());
        Assert.Equal(original.GetState(), copy.GetState());
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(original.NextInt(1000), copy.NextInt(1000));
            Assert.Equal(original.NextDouble(), copy.NextDouble());
        }
    }

    [Fact]
    public void GetState_ReturnsCopy_NotLiveState()
    {
        var random = new DeterministicRandom(3);
        var state = random.GetState();
        random.NextUInt64();
        Assert.NotEqual(state, random.GetState());
    }

    [Theory]
    [InlineData(new ulong[] { 0, 0, 0, 0 })]
    [InlineData(new ulong[] { 1, 2, 3 })]
    public void FromState_InvalidState_Throws(ulong[] state) =>
        Assert.Throws<ArgumentException>(() => DeterministicRandom.FromState(state));

    [Fact]
    public void NextInt_TenBins_AreRoughlyUniform()
    {
        var random = new DeterministicRandom(2024);
        var counts = new int[10];
        for (var i = 0; i < 100_000; i++)
        {
            counts[random.NextInt(10)]++;
        }

        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
    }

    [Fact]
    public void NextInt_One_AlwaysZero()
    {
        var random = new DeterministicRandom(5);
        Assert.All(Enumerable.Range(0, 100), _ => Assert.Equal(0, random.NextInt(1)));
    }

    [Fact]
    public void NextInt_NonPositive_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DeterministicRandom(1).NextInt(0));

    [Fact]
    public void NextDouble_StaysInUnitIntervalWithMeanNearHalf()
    {
        var random = new DeterministicRandom(9);
        var values = Enumerable.Range(0, 50_000).Select(_ => random.NextDouble()).ToList();
        Assert.All(values, v => Assert.InRange(v, 0.0, 0.9999999999999999));
        Assert.InRange(values.Average(), 0.49, 0.51);
    }

    [Fact]
    public void NextLong_StaysInInclusiveRangeAndHitsBothEnds()
    {
        var random = new DeterministicRandom(13);
        var values = Enumerable.Range(0, 2_000).Select(_ => random.NextLong(-3, 3)).ToList();
        Assert.All(values, v => Assert.InRange(v, -3, 3));
        Assert.Contains(-3L, values);
        Assert.Contains(3L, values);
    }

    [Fact]
    public void NextGaussian_HasMeanZeroAndUnitVariance()
    {
        var random = new DeterministicRandom(17);
        var values = Enumerable.Range(0, 50_000).Select(_ => random.NextGaussian()).ToList();
        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / values.Count;
        Assert.InRange(mean, -0.02, 0.02);
        Assert.InRange(variance, 0.97, 1.03);
    }
}
