using NasOrleans.Core.Predictors;
using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Tests.Predictors;

public class ArchitectureEncoderTests
{
    private static readonly SearchSpace Space = new("custom",
    [
        Decision.Categorical("block", ["plain", "residual", "bottleneck"]),
        Decision.Integer("expansion", 2, 6, 2, new DecisionCondition("block", ["bottleneck"])),
        Decision.Float("lr", 1e-4, 1e-1, log: true),
        Decision.Integer("width", 1, 1001),
    ]);

    [Fact]
    public void Encode_MixedSpace_CodesIndicesPositionsAndInactive()
    {
        var encoder = new ArchitectureEncoder(Space);
        var codes = encoder.Encode(new Architecture([2.0, 6.0, 1e-2, 501.0]));
        Assert.Equal(2, codes[0]);
        Assert.Equal(2, codes[1]);
        Assert.Equal(2.0 / 3.0, codes[2], 12);
        Assert.Equal(0.5, codes[3], 12);
        Assert.True(encoder.IsCategorical(1));
        Assert.False(encoder.IsCategorical(3));
        Assert.True(double.IsNaN(encoder.Encode(new Architecture([0.0, double.NaN, 1e-4, 1.0]))[1]));
    }

    [Fact]
    public void Encode_WrongLength_Throws() =>
        Assert.Throws<ArgumentException>(() => new ArchitectureEncoder(Space).Encode(new Architecture([1.0])));
}
