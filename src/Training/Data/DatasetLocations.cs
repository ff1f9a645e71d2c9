namespace NasOrleans.Training.Data;

/// <summary>Where the built-in datasets are looked for.</summary>
/// <param name="FashionMnistDirectory">The folder of Fashion-MNIST's gzipped IDX files (Debian's <c>dataset-fashion-mnist</c>).</param>
/// <param name="SklearnDirectory">The folder of scikit-learn's CSV files (<c>iris.csv</c>, <c>wine_data.csv</c>,
/// <c>breast_cancer.csv</c>, <c>digits.csv.gz</c>), as <c>scripts/setup.sh</c> unpacks them.</param>
public sealed record DatasetLocations(string FashionMnistDirectory, string SklearnDirectory)
{
    /// <summary>The environment variable that overrides <see cref="FashionMnistDirectory"/>.</summary>
    public const string FashionMnistVariable = "NAS_FASHION_MNIST_DIR";

    /// <summary>The environment variable that overrides <see cref="SklearnDirectory"/> (the one <c>scripts/setup.sh</c> reads).</summary>
    public const string SklearnVariable = "NAS_SKLEARN_DATA";

    /// <summary>Where Debian's <c>dataset-fashion-mnist</c> package puts the files.</summary>
    public const string DebianFashionMnistDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>Placeholder locations for checking the syntax of a name without the environment.</summary>
    internal static DatasetLocations Unresolved { get; } = new(DebianFashionMnistDirectory, "sklearn");

    /// <summary>
    /// The locations from the environment: <c>NAS_FASHION_MNIST_DIR</c> or <c>/usr/share/datasets/fashion-mnist</c>;
    /// <c>NAS_SKLEARN_DATA</c>, else <c>$XDG_CACHE_HOME/nasorleans/sklearn</c>, else <c>~/.cache/nasorleans/sklearn</c>
    /// (the same rule as <c>scripts/setup.sh</c>).
    /// </summary>
    public static DatasetLocations FromEnvironment()
    {
        var fashion = Environment.GetEnvironmentVariable(FashionMnistVariable);
        var sklearn = Environment.GetEnvironmentVariable(SklearnVariable);
        if (string.IsNullOrEmpty(sklearn))
        {
            var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (string.IsNullOrEmpty(cache))
            {
                cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            }

            sklearn = Path.Combine(cache, "nasorleans", "sklearn");
        }

        return new DatasetLocations(string.IsNullOrEmpty(fashion) ? DebianFashionMnistDirectory : fashion, sklearn);
    }
}
