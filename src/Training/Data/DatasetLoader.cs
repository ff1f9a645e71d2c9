using NasOrleans.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace NasOrleans.Training.Data;

/// <summary>
/// Reads a <see cref="DatasetSource"/>, applies its image transforms, splits it (seeded, stratified, from the labels alone, so a
/// transformed dataset splits as the one it transforms) and normalizes it with the train statistics.
/// </summary>
internal static class DatasetLoader
{
    private const double MinimumStd = 1e-6;

    public static DatasetSplit Load(DatasetSource source, DatasetRequest request)
    {
        source.EnsureFilesExist();
        using var scope = NewDisposeScope();
        var (features, labels, shape, classNames) = Read(source, source.TrainFiles);
        long[] trainIndex, validationIndex;
        Tensor testFeatures;
        long[] testLabels;
        if (source.TestFiles is { } testFiles)
        {
            var test = Read(source, testFiles);
            if (test.Shape != shape)
            {
                throw new InvalidDataException($"Dataset '{source.Name}': the test samples are {test.Shape}, the training samples {shape}.");
            }

            (testFeatures, testLabels) = (test.Features, test.Labels);
            var validationCount = request.ResolveValidationCount(labels.Length, labels.Length, source.DefaultValidation);
            (trainIndex, validationIndex) = DatasetSplitter.Split(labels, validationCount, request.SplitSeed);
        }
        else
        {
            var testCount = (int)Math.Round(labels.Length * DatasetRequest.TestFraction);
            var (rest, testIndex) = DatasetSplitter.Split(labels, testCount, request.SplitSeed);
            testFeatures = Select(features, testIndex);
            testLabels = [.. testIndex.Select(i => labels[i])];
            var restLabels = rest.Select(i => labels[i]).ToArray();
            var validationCount = request.ResolveValidationCount(rest.Length, labels.Length, source.DefaultValidation);
            var (train, validation) = DatasetSplitter.Split(restLabels, validationCount, request.SplitSeed + 1);
            (trainIndex, validationIndex) = ([.. train.Select(i => rest[i])], [.. validation.Select(i => rest[i])]);
        }

        var classes = Math.Max((int)Math.Max(labels.Max(), testLabels.Length == 0 ? 0 : testLabels.Max()) + 1, classNames?.Count ?? 0);
        if (classes < 2)
        {
            throw new InvalidDataException($"Dataset '{source.Name}' has a single class; classification needs at least two.");
        }

        var trainFeatures = Select(features, trainIndex);
        var validationFeatures = Select(features, validationIndex);
        var (mean, std) = Statistics(trainFeatures, shape.IsImage);
        Dataset Part(string part, Tensor x, long[] y) =>
            new($"{source.Name}/{part}", x.sub_(mean).div_(std), torch.tensor(y, ScalarType.Int64), shape, classes);
        return new DatasetSplit(
            source.Name,
            Part("train", trainFeatures, [.. trainIndex.Select(i => labels[i])]),
            Part("validation", validationFeatures, [.. validationIndex.Select(i => labels[i])]),
            Part("test", testFeatures, testLabels),
            source.Files,
            classNames)
        {
            Normalization = new FeatureNormalization((float)source.Scale, mean.flatten().data<float>().ToArray(), std.flatten().data<float>().ToArray()),
        };
    }

    /// <summary>The samples of <paramref name="files"/>, scaled, after the source's image transforms.</summary>
    private static (Tensor Features, long[] Labels, InputShape Shape, IReadOnlyList<string>? ClassNames) Read(DatasetSource source, IReadOnlyList<string> files)
    {
        var (features, labels, shape, classNames) = ReadFiles(source, files);
        if (source.Transforms.Count == 0)
        {
            return (features, labels, shape, classNames);
        }

        var transformed = ImageTransforms.Shape(shape, source.Transforms, source.Name); // throws for tabular samples
        return (ImageTransforms.Apply(features, source.Transforms), labels, transformed, classNames);
    }

    private static (Tensor Features, long[] Labels, InputShape Shape, IReadOnlyList<string>? ClassNames) ReadFiles(DatasetSource source, IReadOnlyList<string> files)
    {
        if (source.Idx)
        {
            var images = IdxReader.Read(files[0]);
            var labels = IdxReader.Read(files[1]);
            if (labels.ItemSize != 1 || labels.Count != images.Count)
            {
                throw new InvalidDataException(
                    $"Dataset '{source.Name}': '{files[1]}' holds {labels.Count} labels of {labels.ItemSize} values; '{files[0]}' holds {images.Count} samples, so one label each is expected.");
            }

            var shape = images.Dimensions.Count switch
            {
                2 => new InputShape(images.Dimensions[1], 1, 1),
                3 => new InputShape(1, images.Dimensions[1], images.Dimensions[2]),
                4 => new InputShape(images.Dimensions[1], images.Dimensions[2], images.Dimensions[3]),
                _ => throw new InvalidDataException(
                    $"Dataset '{source.Name}': '{files[0]}' has {images.Dimensions.Count} dimensions; expected [count, features], [count, rows, columns] or [count, channels, rows, columns]."),
            };
            var raw = torch.tensor(images.Values, [images.Count, .. Dims(shape)], ScalarType.Byte);
            return (raw.to(ScalarType.Float32).mul_(source.Scale), [.. labels.Values.Select(b => (long)b)], shape, source.ClassNames);
        }

        var csv = CsvDatasetReader.Read(files[0]);
        var csvShape = source.ImageShape ?? new InputShape(csv.FeatureCount, 1, 1);
        if (csvShape.Features != csv.FeatureCount)
        {
            throw new InvalidDataException($"Dataset '{source.Name}': '{files[0]}' has {csv.FeatureCount} features per row; {csvShape.Features} expected.");
        }

        var features = torch.tensor(csv.Features, [csv.Rows, .. Dims(csvShape)], ScalarType.Float32).mul_(source.Scale);
        return (features, csv.Labels, csvShape, source.ClassNames ?? csv.ClassNames);
    }

    private static long[] Dims(InputShape shape) => shape.IsImage ? [shape.Channels, shape.Height, shape.Width] : [shape.Features];

    private static Tensor Select(Tensor features, long[] indices) => features.index_select(0, torch.tensor(indices, ScalarType.Int64));

    /// <summary>Images: one mean and standard deviation over all pixels; tabular data: per feature (constant features keep std 1).</summary>
    private static (Tensor Mean, Tensor Std) Statistics(Tensor train, bool image)
    {
        if (image)
        {
            var std = train.std();
            return (train.mean(), std.item<float>() < MinimumStd ? torch.ones_like(std) : std);
        }

        var featureStd = train.std(0);
        return (train.mean([0L]), torch.where(featureStd < MinimumStd, torch.ones_like(featureStd), featureStd));
    }
}
