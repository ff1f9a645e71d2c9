using System.Globalization;
using System.Text;
using NasOrleans.Training.Data;
using NasOrleans.Training.Models;
using TorchSharp;

namespace NasOrleans.Training.Tests.Data;

public class DatasetCatalogTests
{
    private static readonly DatasetCatalog Missing = new(new DatasetLocations("/nonexistent/nas/fashion", "/nonexistent/nas/sklearn"));

    [Fact]
    public void Load_SameRequest_ReturnsSameInstance()
    {
        using var dir = new TempDirectory();
        var catalog = new DatasetCatalog(DatasetLocations.FromEnvironment());
        var request = new DatasetRequest("csv:" + WriteTable(dir, 100));

        var first = catalog.Load(request);
        var second = catalog.Load(request with { });

        Assert.Same(first, second);
        Assert.NotSame(first, catalog.Load(request with { ValidationSize = 10 }));
    }

    [Fact]
    public void Load_CsvWithoutTestFile_SplitsSixtyTwentyTwenty()
    {
        using var dir = new TempDirectory();
        var split = new DatasetCatalog(DatasetLocations.FromEnvironment()).Load(new DatasetRequest("csv:" + WriteTable(dir, 100)));

        Assert.Equal((60, 20, 20), (split.Train.Count, split.Validation.Count, split.Test.Count));
        Assert.Equal(new InputShape(3, 1, 1), split.Shape);
        Assert.Equal(2, split.Classes);
        Assert.Equal([60L, 3], split.Train.Features.shape);
        Assert.Single(split.Files);
    }

    [Fact]
    public void Load_TabularFeatures_AreStandardizedWithTrainStatistics()
    {
        using var dir = new TempDirectory();
        var split = new DatasetCatalog(DatasetLocations.FromEnvironment()).Load(new DatasetRequest("csv:" + WriteTable(dir, 200)));

        var mean = split.Train.Features.mean([0L]).data<float>().ToArray();
        var std = split.Train.Features.std(0).data<float>().ToArray();

        Assert.All(mean, m => Assert.InRange(m, -1e-4, 1e-4));
        Assert.All(std, s => Assert.InRange(s, 0.999, 1.001));
    }

    [Fact]
    public void Load_IdxFilesWithTestPair_KeepsTestAndScalesImages()
    {
        using var dir = new TempDirectory();
        var trainImages = dir.File("train-images.gz");
        var trainLabels = dir.File("train-labels");
        var testImages = dir.File("test-images");
        var testLabels = dir.File("test-labels");
        IdxFiles.Write(trainImages, [40, 4, 4], [.. Enumerable.Range(0, 640).Select(i => (byte)(i % 256))], gzip: true);
        IdxFiles.Write(trainLabels, [40], [.. Enumerable.Range(0, 40).Select(i => (byte)(i % 4))], gzip: false);
        IdxFiles.Write(testImages, [8, 4, 4], new byte[128], gzip: false);
        IdxFiles.Write(testLabels, [8], [0, 1, 2, 3, 0, 1, 2, 3], gzip: false);

        var split = new DatasetCatalog(DatasetLocations.FromEnvironment())
            .Load(new DatasetRequest($"idx:{trainImages},{trainLabels};{testImages},{testLabels}", ValidationSize: 8));

        Assert.Equal((32, 8, 8), (split.Train.Count, split.Validation.Count, split.Test.Count));
        Assert.Equal(new InputShape(1, 4, 4), split.Shape);
        Assert.Equal(4, split.Classes);
        Assert.Equal([8L, 1, 4, 4], split.Test.Features.shape);
        Assert.InRange(split.Train.Features.mean().item<float>(), -1e-4, 1e-4);
        Assert.Equal(4, split.Files.Count);
    }

    [Fact]
    public void Load_Iris_SplitsStratified()
    {
        var catalog = DatasetCatalog.Default;
        if (!File.Exists(catalog.Files(DatasetCatalog.Iris)[0]))
        {
            return; // scripts/setup.sh has not unpacked the sklearn CSV files here
        }

        var split = catalog.Load(new DatasetRequest(DatasetCatalog.Iris));

        Assert.Equal((90, 30, 30), (split.Train.Count, split.Validation.Count, split.Test.Count));
        Assert.Equal(3, split.Classes);
        Assert.Equal(["setosa", "versicolor", "virginica"], split.ClassNames);
        Assert.All(Enumerable.Range(0, 3), c => Assert.Equal(10, split.Test.LabelArray().Count(l => l == c)));
    }

    [Fact]
    public void Load_MissingFashionMnist_NamesAptCommandAndPath()
    {
        var error = Assert.Throws<FileNotFoundException>(() => Missing.Load(new DatasetRequest(DatasetCatalog.FashionMnist)));

        Assert.Contains("sudo apt-get install dataset-fashion-mnist", error.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/nas/fashion/train-images-idx3-ubyte.gz", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingSklearnCsv_NamesSetupScriptAndPath()
    {
        var error = Assert.Throws<FileNotFoundException>(() => Missing.Load(new DatasetRequest(DatasetCatalog.Wine)));

        Assert.Contains("scripts/setup.sh", error.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/nas/sklearn/wine_data.csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingMnist_NamesSetupScriptAndPath()
    {
        var error = Assert.Throws<FileNotFoundException>(() => Missing.Load(new DatasetRequest(DatasetCatalog.Mnist)));

        Assert.Contains("scripts/setup.sh", error.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/nas/mnist/train-images-idx3-ubyte", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Mnist_SplitsSixtyThousandIntoTrainAndValidationAndKeepsTenThousandTest()
    {
        // scripts/setup.sh (run by scripts/test.sh and CI) unpacks MNIST into the user's cache.
        var split = DatasetCatalog.Default.Load(new DatasetRequest(DatasetCatalog.Mnist));

        Assert.Equal((50_000, 10_000, 10_000), (split.Train.Count, split.Validation.Count, split.Test.Count));
        Assert.Equal(new InputShape(1, 28, 28), split.Shape);
        Assert.Equal(10, split.Classes);
        Assert.Equal("7", split.ClassNames![(int)split.Test.LabelArray()[0]]);
        Assert.Equal(1f / 255, split.Normalization!.Scale);
    }

    [Fact]
    public void Load_FailedLoad_IsRetriedOnceTheFileExists()
    {
        using var dir = new TempDirectory();
        var path = dir.File("late.csv");
        var catalog = new DatasetCatalog(DatasetLocations.FromEnvironment());
        Assert.Throws<FileNotFoundException>(() => catalog.Load(new DatasetRequest("csv:" + path)));

        File.Copy(WriteTable(dir, 50), path);

        Assert.Equal(30, catalog.Load(new DatasetRequest("csv:" + path)).Train.Count);
    }

    [Theory]
    [InlineData("emnist", "unknown dataset 'emnist'")]
    [InlineData("idx:only-one-file", "idx:<images>,<labels>")]
    [InlineData("csv:a;b;c", "csv:<path>")]
    public void CheckName_BadName_SaysWhy(string name, string expected)
    {
        Assert.Contains(expected, DatasetCatalog.CheckName(name), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ValidationLeavingNoTrainingSamples_Throws()
    {
        using var dir = new TempDirectory();
        var request = new DatasetRequest("csv:" + WriteTable(dir, 50), ValidationSize: 40);

        var error = Assert.Throws<ArgumentException>(() => new DatasetCatalog(DatasetLocations.FromEnvironment()).Load(request));

        Assert.Contains("validation_size 40", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A separable two-class table of <paramref name="rows"/> rows and 3 features, with an sklearn header.</summary>
    internal static string WriteTable(TempDirectory dir, int rows)
    {
        var path = dir.File($"table-{rows}.csv");
        var text = new StringBuilder($"{rows},3,neg,pos\n");
        for (var i = 0; i < rows; i++)
        {
            var label = i % 2;
            text.Append(CultureInfo.InvariantCulture, $"{(label * 4) + (i % 7 * 0.1)},{i % 5},{100 + (i % 3)},{label}\n");
        }

        File.WriteAllText(path, text.ToString());
        return path;
    }
}
