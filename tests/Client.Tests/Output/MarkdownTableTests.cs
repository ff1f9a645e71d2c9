using NasOrleans.Client.Output;

namespace NasOrleans.Client.Tests.Output;

public class MarkdownTableTests
{
    [Fact]
    public void ToString_ShortRowAndPipeInACell_PadsTheRowAndEscapesThePipe()
    {
        var table = new MarkdownTable("a", "b").Add("x|y");

        Assert.Equal("| a | b |\n| --- | --- |\n| x\\|y |  |\n", table.ToString());
    }

    [Fact]
    public void Add_MoreCellsThanColumns_Throws()
    {
        Assert.Throws<ArgumentException>(() => new MarkdownTable("a").Add("1", "2"));
    }
}
