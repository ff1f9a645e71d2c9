using NasOrleans.Training.Data;

namespace NasOrleans.Training.Tests.Data;

public class IdxReaderTests
{
    private const string FashionLabels = "/usr/share/datasets/fashion-mnist/train-labels-idx1-ubyte.gz";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_SmallImageFile_ReturnsDimensionsAndValues(bool gzip)
    {
        using var dir = new TempDirectory();
        var path = dir.File("images.idx");
        var values = Enumerable.Range(0, 3 * 2 * 4).Select(i => (byte)(i * 10)).ToArray();
        IdxFiles.Write(path, [3, 2, 4], values, gzip);

        var data = IdxReader.Read(path);

        Assert.Equal([3, 2, 4], data.Dimensions);
        Assert.Equal(3, data.Count);
        Assert.Equal(8, data.ItemSize);
        Assert.Equal(values, data.Values);
    }

    [Fact]
    public void Read_WrongMagic_ThrowsNamingTheFile()
    {
        using var dir = new TempDirectory();
        var path = dir.File("bad.idx");
        File.WriteAllBytes(path, [1, 2, 8, 1, 0, 0, 0, 1, 5]);

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("magic", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FloatType_ThrowsUnsupported()
    {
        using var dir = new TempDirectory();
        var path = dir.File("float.idx");
        File.WriteAllBytes(path, [0, 0, 0x0d, 1, 0, 0, 0, 1, 0, 0, 0, 0]);

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path));

        Assert.Contains("only unsigned bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedFile_ThrowsInvalidData()
    {
        using var dir = new TempDirectory();
        var path = dir.File("short.idx");
        IdxFiles.Write(path, [10], [1, 2, 3], gzip: false);

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path));

        Assert.Contains("ends before", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingFile_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => IdxReader.Read("/nonexistent/nas/labels.idx"));
    }

    [Fact]
    public void Read_FashionMnistTrainLabels_Has60000LabelsOfTenClasses()
    {
        if (!File.Exists(FashionLabels))
        {
            return; // dataset-fashion-mnist is not installed here
        }

        var labels = IdxReader.Read(FashionLabels);

        Assert.Equal([60_000], labels.Dimensions);
        Assert.Equal(10, labels.Values.Distinct().Count());
    }
}
