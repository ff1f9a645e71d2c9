using NasOrleans.Core.Statistics;

namespace NasOrleans.Core.Tests.Statistics;

public sealed class MeanIntervalTests
{
    [Fact]
    public void Compute_FiveValues_UsesStudentsT()
    {
        // mean 3, sd sqrt(2.5) = 1.5811; t(0.975, 4) = 2.776: half-width 2.776 * 1.5811 / sqrt(5) = 1.9630.
        var ci = MeanInterval.Compute([1, 2, 3, 4, 5]);

        Assert.Equal(3, ci.Estimate, 10);
        Assert.Equal(3 - 1.9630, ci.Lower, 3);
        Assert.Equal(3 + 1.9630, ci.Upper, 3);
    }

    [Fact]
    public void Compute_OneValue_IsThatValue()
    {
        var ci = MeanInterval.Compute([0.7]);

        Assert.Equal((0.7, 0.7, 0.7), (ci.Estimate, ci.Lower, ci.Upper));
    }

    [Fact]
    public void Compute_NoValues_Throws() => Assert.Throws<ArgumentException>(() => MeanInterval.Compute([]));
}
