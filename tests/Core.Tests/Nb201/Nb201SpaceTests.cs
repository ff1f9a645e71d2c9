using NasOrleans.Core.Nb201;
using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Tests.Nb201;

public class Nb201SpaceTests
{
    [Fact]
    public void CanonicalKey_EveryTableRow_EqualsUniqueStr()
    {
        var table = Nb201TestData.Table;
        Assert.Equal(15_625, table.Rows.Count);
        var mismatches = table.Rows
            .Where(r => Nb201Space.Instance.CanonicalKey(r.Architecture) != r.UniqueString)
            .Select(r => $"{r.ArchIndex}: {r.UniqueString} vs {Nb201Space.Instance.CanonicalKey(r.Architecture)}")
            .Take(5)
            .ToList();
        Assert.Empty(mismatches);
        Assert.Equal(6466, table.Rows.Select(r => Nb201Space.Instance.CanonicalKey(r.Architecture)).Distinct().Count());
    }

    [Theory]
    [InlineData("|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|", "(0)@avg_pool_3x3+(0)@avg_pool_3x3+(0)@nor_conv_1x1+(0)@nor_conv_1x1")]
    [InlineData("|avg_pool_3x3~0|+|skip_connect~0|none~1|+|none~0|none~1|skip_connect~2|", "#+#+#+0")]
    [InlineData("|none~0|+|skip_connect~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|", "#+(#+0)@nor_conv_3x3+0")]
    [InlineData("|nor_conv_3x3~0|+|none~0|none~1|+|avg_pool_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|", "(#+#)@nor_conv_3x3+((0)@nor_conv_3x3)@nor_conv_3x3+(0)@avg_pool_3x3")]
    public void UniqueString_KnownCells_MatchesBenchmark(string archString, string expected) =>
        Assert.Equal(expected, Nb201Space.UniqueString(Nb201Space.ParseArchString(archString)));

    [Fact]
    public void CanonicalKey_SwappedParallelEdges_AreEqual()
    {
        // Node 3 sums conv(node 0) and pool(node 1); node 1 = node 0, so swapping the ops of edges 3<-0 and 3<-1 is the same function.
        var a = Nb201Space.ParseArchString("|skip_connect~0|+|none~0|none~1|+|nor_conv_3x3~0|avg_pool_3x3~1|none~2|");
        var b = Nb201Space.ParseArchString("|skip_connect~0|+|none~0|none~1|+|avg_pool_3x3~0|nor_conv_3x3~1|none~2|");
        Assert.NotEqual(a, b);
        Assert.Equal(Nb201Space.Instance.CanonicalKey(a), Nb201Space.Instance.CanonicalKey(b));
    }

    [Fact]
    public void CanonicalKey_DifferentOperations_Differ()
    {
        var a = Nb201Space.ParseArchString("|nor_conv_3x3~0|+|none~0|none~1|+|none~0|skip_connect~1|none~2|");
        var b = Nb201Space.ParseArchString("|nor_conv_1x1~0|+|none~0|none~1|+|none~0|skip_connect~1|none~2|");
        Assert.NotEqual(Nb201Space.Instance.CanonicalKey(a), Nb201Space.Instance.CanonicalKey(b));
    }

    [Fact]
    public void CanonicalKey_OperationOnNodeThatOnlyFeedsNone_IsIgnored()
    {
        var a = Nb201Space.ParseArchString("|nor_conv_3x3~0|+|none~0|none~1|+|none~0|none~1|skip_connect~2|");
        var b = Nb201Space.ParseArchString("|nor_conv_1x1~0|+|none~0|none~1|+|none~0|none~1|skip_connect~2|");
        Assert.Equal("#+#+#+#", Nb201Space.Instance.CanonicalKey(a));
        Assert.Equal(Nb201Space.Instance.CanonicalKey(a), Nb201Space.Instance.CanonicalKey(b));
    }

    [Fact]
    public void CanonicalKey_WrongNumberOfValues_Throws() =>
        Assert.Throws<ArgumentException>(() => Nb201Space.Instance.CanonicalKey(new Architecture([1, 2, 3])));

    [Fact]
    public void ParseArchString_ToArchString_RoundTrips()
    {
        foreach (var row in Nb201TestData.Table.Rows.Take(200))
        {
            Assert.Equal(row.ArchString, Nb201Space.ToArchString(Nb201Space.ParseArchString(row.ArchString)));
        }
    }

    [Theory]
    [InlineData("|none~0|+|none~0|none~0|+|none~0|none~1|none~2|")]
    [InlineData("|none~0|+|none~0|none~1|")]
    [InlineData("|conv~0|+|none~0|none~1|+|none~0|none~1|none~2|")]
    [InlineData("|none~1|+|none~0|none~1|+|none~0|none~1|none~2|")]
    public void ParseArchString_Malformed_ThrowsFormatException(string text) =>
        Assert.Throws<FormatException>(() => Nb201Space.ParseArchString(text));
}
