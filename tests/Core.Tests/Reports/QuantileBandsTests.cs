using NasOrleans.Core.Reports;

namespace NasOrleans.Core.Tests.Reports;

public class QuantileBandsTests
{
    [Fact]
    public void Compute_FiveRuns_GivesInterpolatedQuartilesPerStep()
    {
        double[][] curves = [[1, 10], [2, 20], [3, 30], [4, 40], [5, 50]];

        var bands = QuantileBands.Compute(curves);

        Assert.Equal(2, bands.Count);
        Assert.Equal(new QuantileBand(0, 5, 2, 3, 4), bands[0]);
        Assert.Equal(new QuantileBand(1, 5, 20, 30, 40), bands[1]);
    }

    [Fact]
    public void Compute_UnevenRunOrder_SortsBeforeTakingQuantiles()
    {
        var band = QuantileBands.Compute([[4.0], [1.0], [3.0], [2.0]])[0];

        Assert.Equal(1.75, band.Lower, 12);
        Assert.Equal(2.5, band.Median, 12);
        Assert.Equal(3.25, band.Upper, 12);
    }

    [Fact]
    public void Compute_RunsOfDifferentLength_UsesTheRunsThatReachedEachStep()
    {
        var bands = QuantileBands.Compute([[1.0, 2.0, 3.0], [5.0]]);

        Assert.Equal([2, 1, 1], bands.Select(b => b.Runs));
        Assert.Equal(3.0, bands[0].Median);
        Assert.Equal(3.0, bands[2].Median);
    }

    [Fact]
    public void Compute_NaNValues_AreLeftOutAndStepsWithoutAnyAreSkipped()
    {
        var bands = QuantileBands.Compute([[double.NaN, 1.0, 2.0], [double.NaN, double.NaN, 4.0]]);

        Assert.Equal([1, 2], bands.Select(b => b.Step));
        Assert.Equal(1, bands[0].Runs);
        Assert.Equal(3.0, bands[1].Median);
    }

    [Fact]
    public void Compute_NoRuns_IsEmpty() => Assert.Empty(QuantileBands.Compute([]));

    [Fact]
    public void Compute_LowerAboveUpper_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => QuantileBands.Compute([[1.0]], 0.8, 0.2));

    [Fact]
    public void Quantile_SingleValue_IsThatValue() => Assert.Equal(7.0, QuantileBands.Quantile([7.0], 0.25));
}
