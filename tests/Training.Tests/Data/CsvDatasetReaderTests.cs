using NasOrleans.Training.Data;

namespace NasOrleans.Training.Tests.Data;

public class CsvDatasetReaderTests
{
    [Fact]
    public void Read_SklearnHeader_SkipsItAndKeepsClassNames()
    {
        var data = CsvDatasetReader.Read(new StringReader("3,2,cat,dog\n1.5,2,0\n3,4.25,1\n\n-1,0,1\n"), "test");

        Assert.Equal(3, data.Rows);
        Assert.Equal(2, data.FeatureCount);
        Assert.Equal([1.5f, 2f, 3f, 4.25f, -1f, 0f], data.Features);
        Assert.Equal([0L, 1L, 1L], data.Labels);
        Assert.Equal(["cat", "dog"], data.ClassNames);
        Assert.Equal(2, data.Classes);
    }

    [Fact]
    public void Read_NoHeader_ReadsFirstLineAsData()
    {
        var data = CsvDatasetReader.Read(new StringReader("0,1,2\n3,4,0\n"), "test");

        Assert.Equal(2, data.Rows);
        Assert.Null(data.ClassNames);
        Assert.Equal(3, data.Classes);
    }

    [Fact]
    public void Read_ColumnNameHeader_IsSkippedWithoutClassNames()
    {
        var data = CsvDatasetReader.Read(new StringReader("width,height,label\n1,2,0\n"), "test");

        Assert.Equal(1, data.Rows);
        Assert.Null(data.ClassNames);
    }

    [Fact]
    public void Read_FractionalLabel_ThrowsNamingTheLine()
    {
        var error = Assert.Throws<InvalidDataException>(() => CsvDatasetReader.Read(new StringReader("1,2,0\n1,2,0.5\n"), "my.csv"));

        Assert.Contains("'my.csv' line 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("class indices", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RaggedRow_ThrowsNamingTheLine()
    {
        var error = Assert.Throws<InvalidDataException>(() => CsvDatasetReader.Read(new StringReader("1,2,0\n1,0\n"), "my.csv"));

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TempFile_ReadsFromDisk()
    {
        using var dir = new TempDirectory();
        var path = dir.File("table.csv");
        File.WriteAllText(path, "a,b,y\n0.5,1,1\n2,3,0\n");

        var data = CsvDatasetReader.Read(path);

        Assert.Equal(2, data.Rows);
        Assert.Equal([1L, 0L], data.Labels);
    }

    [Fact]
    public void Read_SklearnIris_Has150RowsOf4FeaturesAnd3Classes()
    {
        var path = Path.Combine(DatasetLocations.FromEnvironment().SklearnDirectory, "iris.csv");
        if (!File.Exists(path))
        {
            return; // scripts/setup.sh has not unpacked the sklearn CSV files here
        }

        var data = CsvDatasetReader.Read(path);

        Assert.Equal(150, data.Rows);
        Assert.Equal(4, data.FeatureCount);
        Assert.Equal(["setosa", "versicolor", "virginica"], data.ClassNames);
        Assert.Equal(50, data.Labels.Count(l => l == 2));
    }

    [Fact]
    public void Read_SklearnDigitsGzipped_Has1797RowsOf64Pixels()
    {
        var path = Path.Combine(DatasetLocations.FromEnvironment().SklearnDirectory, "digits.csv.gz");
        if (!File.Exists(path))
        {
            return;
        }

        var data = CsvDatasetReader.Read(path);

        Assert.Equal(1797, data.Rows);
        Assert.Equal(64, data.FeatureCount);
        Assert.Equal(10, data.Classes);
    }
}
