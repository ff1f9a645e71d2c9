using NasOrleans.Core.Nb201;

namespace NasOrleans.Core.Tests.Nb201;

public class Nb201TableTests
{
    [Fact]
    public void Load_SharedTable_ReadsAllRowsInIndexOrder()
    {
        var table = Nb201Table.Load(Nb201TestData.TablePath);
        Assert.Equal(15_625, table.Rows.Count);
        Assert.Equal(Enumerable.Range(0, 15_625), table.Rows.Select(r => r.ArchIndex));
    }

    [Fact]
    public void Column_TestAccuracies_MatchReadmeChecks()
    {
        var table = Nb201TestData.Table;
        Assert.Equal(94.3733, table.Column("c10_test_200ep").Max(), 4);
        Assert.Equal(73.513, table.Column("c100_test_200ep").Max(), 3);
        Assert.Equal(47.311, table.Column("in16_test_200ep").Max(), 3);
        var best = table.Rows.MaxBy(r => r.Value("c10valid_valid_12ep"))!;
        Assert.Equal(13714, best.ArchIndex);
    }

    [Fact]
    public void Find_ByArchitectureAndByArchString_GiveSameRow()
    {
        var table = Nb201TestData.Table;
        const string cell = "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|";
        var byString = table.Find(cell);
        var byArchitecture = table.Find(Nb201Space.ParseArchString(cell));
        Assert.NotNull(byString);
        Assert.Same(byString, byArchitecture);
        Assert.Equal(1, byString.ArchIndex);
        Assert.Equal(82.834, table.Value(byString, "c10valid_valid_12ep"), 6);
        Assert.Equal(93.66, byString.Value("c10_test_200ep"), 6);
        Assert.Equal(17.2381, byString.Value("lat_pixel3"), 6);
    }

    [Fact]
    public void Find_UnknownCellString_ReturnsNull() =>
        Assert.Null(Nb201TestData.Table.Find("|none~0|"));

    [Fact]
    public void Value_UnknownColumn_ThrowsNamingKnownColumns()
    {
        var row = Nb201TestData.Table.Rows[0];
        var error = Assert.Throws<ArgumentException>(() => row.Value("no_such_column"));
        Assert.Contains("c10_test_200ep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ExtraColumn_IsReadByName()
    {
        var path = Path.Combine(Path.GetTempPath(), $"nb201-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path,
        [
            "arch_index,arch_str,unique_str,my_metric",
            "0,|none~0|+|none~0|none~1|+|none~0|none~1|none~2|,#+#+#,1.5",
            "1,|skip_connect~0|+|none~0|none~1|+|none~0|none~1|none~2|,#+#+#,",
        ]);
        try
        {
            var table = Nb201Table.Load(path);
            Assert.Equal(["my_metric"], table.NumericColumns);
            Assert.Equal(1.5, table.Rows[0].Value("my_metric"));
            Assert.True(double.IsNaN(table.Rows[1].Value("my_metric")));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_MissingFile_NamesPathAndWaysToPointAtSharedData()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}", "nb201.csv");
        var error = Assert.Throws<FileNotFoundException>(() => Nb201Table.Load(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("--data", error.Message, StringComparison.Ordinal);
        Assert.Contains("NAS_SHARED_DIR", error.Message, StringComparison.Ordinal);
        Assert.Contains("../shared", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shared_SamePathTwice_ReturnsSameInstance()
    {
        var a = Nb201Table.Shared(Nb201TestData.TablePath);
        var b = Nb201Table.Shared(Path.Combine(Nb201TestData.SharedFolder, "data", ".", "nasbench201", "nb201.csv"));
        Assert.Same(a, b);
    }
}
