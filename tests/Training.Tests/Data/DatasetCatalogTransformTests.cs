using NasOrleans.Training.Data;
using NasOrleans.Training.Models;
using TorchSharp;

namespace NasOrleans.Training.Tests.Data;

public class DatasetCatalogTransformTests
{
    [Theory]
    [InlineData("inverted:digits")]
    [InlineData("inverted:upsampled:digits")]
    [InlineData("rotated90:mnist")]
    [InlineData("upsampled:rotated90:inverted:fashion-mnist")]
    [InlineData("inverted:idx:a,b")]
    public void CheckName_TransformsOfImageDatasets_AreValid(string name)
    {
        Assert.Null(DatasetCatalog.CheckName(name));
    }

    [Theory]
    [InlineData("inverted:iris", "'inverted:'", "'iris' is tabular")]
    [InlineData("rotated90:upsampled:wine", "'upsampled:'", "'wine' is tabular")]
    [InlineData("upsampled:csv:t.csv", "'upsampled:'", "'csv:t.csv' is tabular")]
    public void CheckName_ImageTransformOfTabularDataset_NamesTheProblemAndTheFix(string name, string transform, string tabular)
    {
        var problem = DatasetCatalog.CheckName(name);

        Assert.Contains($"the image transform {transform} applies to image datasets only", problem, StringComparison.Ordinal);
        Assert.Contains(tabular, problem, StringComparison.Ordinal);
        Assert.Contains("remove", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckName_TransformOfUnknownDataset_NamesTheInnerName()
    {
        Assert.Contains("unknown dataset 'digitz'", DatasetCatalog.CheckName("inverted:digitz"), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Rotated90Idx_SplitsAsTheUnderlyingDatasetWithRotatedImages()
    {
        using var dir = new TempDirectory();
        var name = WriteImages(dir, rows: 4, columns: 6);
        var catalog = new DatasetCatalog(DatasetLocations.FromEnvironment());

        var plain = catalog.Load(new DatasetRequest(name, ValidationSize: 8, SplitSeed: 5));
        var rotated = catalog.Load(new DatasetRequest("rotated90:" + name, ValidationSize: 8, SplitSeed: 5));

        Assert.Equal(new InputShape(1, 6, 4), rotated.Shape);
        Assert.Equal("rotated90:" + name, rotated.Name);
        foreach (var (a, b) in new[] { (plain.Train, rotated.Train), (plain.Validation, rotated.Validation), (plain.Test, rotated.Test) })
        {
            Assert.Equal(a.LabelArray(), b.LabelArray());
            using var expected = ImageTransforms.Apply(a.Features, ImageTransform.Rotated90);
            Assert.True(expected.allclose(b.Features, rtol: 1e-4, atol: 1e-4));
        }
    }

    [Fact]
    public void Load_InvertedIdx_InvertsBeforeNormalizing()
    {
        using var dir = new TempDirectory();
        var name = WriteImages(dir, rows: 4, columns: 4);
        var catalog = new DatasetCatalog(DatasetLocations.FromEnvironment());

        var plain = catalog.Load(new DatasetRequest(name, ValidationSize: 8));
        var inverted = catalog.Load(new DatasetRequest("inverted:" + name, ValidationSize: 8));

        // Inversion negates the centred pixels, and the standard deviation stays, so the normalized images are negated.
        Assert.Equal(plain.Train.LabelArray(), inverted.Train.LabelArray());
        Assert.True(plain.Train.Features.neg().allclose(inverted.Train.Features, rtol: 1e-4, atol: 1e-4));
        Assert.Equal(1 - plain.Normalization!.Mean[0], inverted.Normalization!.Mean[0], 4);
    }

    [Fact]
    public void Load_InvertedUpsampledDigits_IsTwentyEightByTwentyEightWithTheDigitsSplit()
    {
        // scripts/setup.sh (run by scripts/test.sh and CI) unpacks the sklearn CSV files into the user's cache.
        var digits = DatasetCatalog.Default.Load(new DatasetRequest(DatasetCatalog.Digits, SplitSeed: 3));
        var transformed = DatasetCatalog.Default.Load(new DatasetRequest("inverted:upsampled:digits", SplitSeed: 3));

        Assert.Equal(new InputShape(1, 8, 8), digits.Shape);
        Assert.Equal(new InputShape(1, 28, 28), transformed.Shape);
        Assert.Equal(digits.Classes, transformed.Classes);
        Assert.Equal(digits.Train.LabelArray(), transformed.Train.LabelArray());
        Assert.Equal(digits.Validation.LabelArray(), transformed.Validation.LabelArray());
        Assert.Equal(digits.Test.LabelArray(), transformed.Test.LabelArray());
        Assert.Equal([(long)digits.Test.Count, 1, 28, 28], transformed.Test.Features.shape);
    }

    [Fact]
    public void Load_ImageTransformOfTabularIdx_ThrowsNamingTheFix()
    {
        using var dir = new TempDirectory();
        var images = dir.File("rows");
        var labels = dir.File("labels");
        IdxFiles.Write(images, [40, 5], [.. Enumerable.Range(0, 200).Select(i => (byte)i)], gzip: false);
        IdxFiles.Write(labels, [40], [.. Enumerable.Range(0, 40).Select(i => (byte)(i % 2))], gzip: false);

        var error = Assert.Throws<InvalidDataException>(() => new DatasetCatalog(DatasetLocations.FromEnvironment()).Load(new DatasetRequest($"inverted:idx:{images},{labels}")));

        Assert.Contains("applies to image datasets only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Probe_UpsampledIdx_GivesTheTransformedShape()
    {
        using var dir = new TempDirectory();
        var name = WriteImages(dir, rows: 8, columns: 8);

        var shape = DatasetProbe.Probe(new DatasetRequest("upsampled:" + name, ValidationSize: 8), DatasetLocations.FromEnvironment());

        Assert.Equal(new InputShape(1, 28, 28), shape.Shape);
        Assert.Equal(4, shape.Classes);
    }

    /// <summary>An idx: name of 40 training and 8 test images of 4 classes, <paramref name="rows"/> x <paramref name="columns"/>.</summary>
    private static string WriteImages(TempDirectory dir, int rows, int columns)
    {
        var size = rows * columns;
        var paths = new[] { "train-images", "train-labels", "test-images", "test-labels" }.Select(dir.File).ToArray();
        IdxFiles.Write(paths[0], [40, rows, columns], [.. Enumerable.Range(0, 40 * size).Select(i => (byte)(i * 7 % 256))], gzip: false);
        IdxFiles.Write(paths[1], [40], [.. Enumerable.Range(0, 40).Select(i => (byte)(i % 4))], gzip: false);
        IdxFiles.Write(paths[2], [8, rows, columns], [.. Enumerable.Range(0, 8 * size).Select(i => (byte)(i * 3 % 256))], gzip: false);
        IdxFiles.Write(paths[3], [8], [0, 1, 2, 3, 0, 1, 2, 3], gzip: false);
        return $"idx:{paths[0]},{paths[1]};{paths[2]},{paths[3]}";
    }
}
