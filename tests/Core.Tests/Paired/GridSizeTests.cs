using NasOrleans.Core.Paired;

namespace NasOrleans.Core.Tests.Paired;

public class GridSizeTests
{
    [Fact]
    public void Standard_Sizes_HaveThePapersNumbers()
    {
        Assert.Equal((6, 4, 16, 7, 50), (GridSize.Mini.Width, GridSize.Mini.Interior, GridSize.Mini.Cells, GridSize.Mini.MaxWalls, GridSize.Mini.StudentSteps));
        Assert.Equal((10, 8, 64, 30, 200), (GridSize.Medium.Width, GridSize.Medium.Interior, GridSize.Medium.Cells, GridSize.Medium.MaxWalls, GridSize.Medium.StudentSteps));
        Assert.Equal((15, 13, 169, 50, 250), (GridSize.Full.Width, GridSize.Full.Interior, GridSize.Full.Cells, GridSize.Full.MaxWalls, GridSize.Full.StudentSteps));
        Assert.Equal([GridSize.Mini, GridSize.Medium, GridSize.Full], GridSize.All);
    }

    [Theory]
    [InlineData("mini")]
    [InlineData("MEDIUM")]
    [InlineData(" full ")]
    public void Parse_KnownName_GivesThatSize(string name) =>
        Assert.Equal(name.Trim(), GridSize.Parse(name).Name, ignoreCase: true);

    [Fact]
    public void Parse_UnknownName_ThrowsNamingTheValidNames()
    {
        var error = Assert.Throws<ArgumentException>(() => GridSize.Parse("huge"));
        Assert.Contains("huge", error.Message, StringComparison.Ordinal);
        Assert.Contains("mini, medium, full", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CellIndex_RoundTripsThroughCellAt()
    {
        var size = GridSize.Mini;
        Assert.Equal(new GridCell(1, 1), size.CellAt(0));
        Assert.Equal(new GridCell(4, 4), size.CellAt(15));
        Assert.Equal(new GridCell(2, 3), size.CellAt(9));
        Assert.All(Enumerable.Range(0, size.Cells), i => Assert.Equal(i, size.CellIndex(size.CellAt(i))));
    }

    [Fact]
    public void CellIndex_OuterWallCell_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => GridSize.Mini.CellIndex(new GridCell(0, 2)));
}
