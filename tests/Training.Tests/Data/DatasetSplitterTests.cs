using NasOrleans.Training.Data;

namespace NasOrleans.Training.Tests.Data;

public class DatasetSplitterTests
{
    private static readonly long[] Labels = [.. Enumerable.Range(0, 300).Select(i => (long)(i % 3 == 0 ? 0 : i % 5 == 0 ? 1 : 2))];

    [Fact]
    public void Split_SameSeed_GivesSameParts()
    {
        var a = DatasetSplitter.Split(Labels, 60, seed: 7);
        var b = DatasetSplitter.Split(Labels, 60, seed: 7);

        Assert.Equal(a.Remaining, b.Remaining);
        Assert.Equal(a.HeldOut, b.HeldOut);
    }

    [Fact]
    public void Split_OtherSeed_GivesOtherParts()
    {
        var a = DatasetSplitter.Split(Labels, 60, seed: 7);
        var b = DatasetSplitter.Split(Labels, 60, seed: 8);

        Assert.NotEqual(a.HeldOut, b.HeldOut);
    }

    [Fact]
    public void Split_Parts_AreDisjointAndCoverEverySample()
    {
        var (rest, held) = DatasetSplitter.Split(Labels, 60, seed: 1);

        Assert.Equal(60, held.Length);
        Assert.Equal(240, rest.Length);
        Assert.Empty(rest.Intersect(held));
        Assert.Equal(Enumerable.Range(0, 300).Select(i => (long)i), rest.Concat(held).Order());
    }

    [Fact]
    public void Split_HeldOut_KeepsClassProportions()
    {
        var (_, held) = DatasetSplitter.Split(Labels, 60, seed: 3);

        foreach (var label in Labels.Distinct())
        {
            var share = Labels.Count(l => l == label) / 300.0;
            var heldCount = held.Count(i => Labels[i] == label);
            Assert.InRange(heldCount, Math.Floor(share * 60), Math.Ceiling(share * 60));
        }
    }
}
