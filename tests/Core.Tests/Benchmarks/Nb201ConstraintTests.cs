using NasOrleans.Core.Benchmarks;

namespace NasOrleans.Core.Tests.Benchmarks;

public class Nb201ConstraintTests
{
    [Fact]
    public void Parse_Max_ReadsColumnAndBound()
    {
        var c = Nb201Constraint.Parse("lat_pixel3:max=10");
        Assert.Equal(new Nb201Constraint("lat_pixel3", null, 10), c);
        Assert.Equal("lat_pixel3:max=10", c.ToString());
    }

    [Fact]
    public void Parse_MinAndMax_ReadsBoth() =>
        Assert.Equal(new Nb201Constraint("lat_fpga", 1.5, 3), Nb201Constraint.Parse("lat_fpga:min=1.5,max=3"));

    [Theory]
    [InlineData("lat_pixel3")]
    [InlineData("lat_pixel3:")]
    [InlineData(":max=3")]
    [InlineData("lat_pixel3:max=x")]
    [InlineData("lat_pixel3:top=3")]
    [InlineData("lat_pixel3:min=5,max=3")]
    public void Parse_Malformed_ThrowsFormatException(string text) =>
        Assert.Throws<FormatException>(() => Nb201Constraint.Parse(text));

    [Fact]
    public void Holds_ChecksBothBoundsAndRejectsNaN()
    {
        var c = new Nb201Constraint("x", 1, 2);
        Assert.True(c.Holds(1));
        Assert.True(c.Holds(2));
        Assert.False(c.Holds(0.5));
        Assert.False(c.Holds(2.5));
        Assert.False(c.Holds(double.NaN));
    }
}
