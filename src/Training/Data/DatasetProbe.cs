using System.Buffers.Binary;
using System.IO.Compression;
using NasOrleans.Training.Models;

namespace NasOrleans.Training.Data;

/// <summary>
/// Checks a dataset at submit without loading it into tensors: its files exist and parse (a CSV is read through, an IDX
/// image file's header is read and its labels counted), there are at least two classes, and the validation size fits the
/// training part. Throws <see cref="FileNotFoundException"/>, <see cref="InvalidDataException"/> or <see cref="ArgumentException"/>
/// with the problem and the fix.
/// </summary>
public static class DatasetProbe
{
    /// <summary>The shape, classes and sizes of <paramref name="request"/>, with the built-in datasets at <paramref name="locations"/>.</summary>
    public static DatasetShape Probe(DatasetRequest request, DatasetLocations locations)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(locations);
        var source = DatasetSource.Parse(request.Name, locations, out var problem) ?? throw new ArgumentException(problem, nameof(request));
        source.EnsureFilesExist();
        var (shape, labels) = Read(source, source.TrainFiles);
        var testRows = 0;
        if (source.TestFiles is { } testFiles)
        {
            var (testShape, testLabels) = Read(source, testFiles);
            testRows = testLabels.Length;
            labels = [.. labels, .. testLabels];
            if (testShape != shape)
            {
                throw new InvalidDataException($"Dataset '{source.Name}': the test samples are {testShape}, the training samples {shape}; give files of one shape");
            }
        }

        var total = labels.Length - testRows;
        var trainingPart = testRows > 0 ? total : total - (int)Math.Round(total * DatasetRequest.TestFraction);
        var validation = request.ResolveValidationCount(trainingPart, total, source.DefaultValidation);
        var classes = (int)labels.Max() + 1;
        return classes < 2
            ? throw new InvalidDataException($"Dataset '{source.Name}' has a single class; classification needs at least two")
            : new DatasetShape(ImageTransforms.Shape(source.ImageShape ?? shape, source.Transforms, source.Name), classes, trainingPart - validation, validation);
    }

    private static (InputShape Shape, long[] Labels) Read(DatasetSource source, IReadOnlyList<string> files)
    {
        if (!source.Idx)
        {
            var csv = CsvDatasetReader.Read(files[0]);
            if (source.ImageShape is { } image && image.Features != csv.FeatureCount)
            {
                throw new InvalidDataException($"Dataset '{source.Name}': '{files[0]}' has {csv.FeatureCount} features per row; {image.Features} expected");
            }

            return (source.ImageShape ?? new InputShape(csv.FeatureCount, 1, 1), csv.Labels);
        }

        var dimensions = Header(files[0]);
        var labels = IdxReader.Read(files[1]);
        if (labels.ItemSize != 1 || labels.Count != dimensions[0])
        {
            throw new InvalidDataException($"Dataset '{source.Name}': '{files[1]}' holds {labels.Count} labels of {labels.ItemSize} values; '{files[0]}' holds {dimensions[0]} samples, so one label each is expected");
        }

        var shape = dimensions.Length switch
        {
            2 => new InputShape(dimensions[1], 1, 1),
            3 => new InputShape(1, dimensions[1], dimensions[2]),
            4 => new InputShape(dimensions[1], dimensions[2], dimensions[3]),
            _ => throw new InvalidDataException($"Dataset '{source.Name}': '{files[0]}' has {dimensions.Length} dimensions; expected [count, features], [count, rows, columns] or [count, channels, rows, columns]"),
        };
        return (shape, [.. labels.Values.Select(b => (long)b)]);
    }

    /// <summary>The dimensions an IDX file's header announces (of unsigned bytes), without reading its data.</summary>
    private static int[] Header(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = IdxReader.IsGzip(file) ? new GZipStream(file, CompressionMode.Decompress) : file;
        try
        {
            Span<byte> magic = stackalloc byte[4];
            stream.ReadExactly(magic);
            if (magic[0] != 0 || magic[1] != 0 || magic[2] != 0x08 || magic[3] is 0 or > 4)
            {
                throw new InvalidDataException($"'{path}' is not an IDX file of unsigned bytes (its header starts 0x{Convert.ToHexStringLower(magic)})");
            }

            var dimensions = new int[magic[3]];
            Span<byte> word = stackalloc byte[4];
            for (var i = 0; i < dimensions.Length; i++)
            {
                stream.ReadExactly(word);
                dimensions[i] = BinaryPrimitives.ReadInt32BigEndian(word);
            }

            return dimensions.Any(d => d <= 0) ? throw new InvalidDataException($"'{path}' announces an empty dimension") : dimensions;
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"'{path}' is not a valid IDX file: it ends inside its header", e);
        }
    }
}
